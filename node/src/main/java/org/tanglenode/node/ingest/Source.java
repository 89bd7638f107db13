package org.tanglenode.node.ingest;

/** Where a transaction entered the node; a tag on the ingest meters. */
public enum Source {
  GOSSIP,
  API,
  /** Milestones of this node's coordinator. */
  COORDINATOR;

  String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
