package org.tanglenode.storage;

import org.tanglenode.storage.schema.NodeStateKey;

/** The milestone indexes the node keeps track of across restarts. */
public enum MilestoneKind {
  /** The highest milestone index stored (raised by storing a milestone transaction). */
  LATEST(NodeStateKey.LATEST_MILESTONE),
  /** The highest milestone whose past cone is solid. */
  SOLID(NodeStateKey.SOLID_MILESTONE),
  /** The highest milestone confirmed and applied to the ledger. */
  CONFIRMED(NodeStateKey.CONFIRMED_MILESTONE);

  private final NodeStateKey key;

  MilestoneKind(NodeStateKey key) {
    this.key = key;
  }

  NodeStateKey key() {
    return key;
  }
}
