package org.tanglenode.node.audit;

import java.util.Objects;
import org.tanglenode.protocol.TransactionId;

/**
 * What an audit needs of a confirmed milestone.
 *
 * @param timestampMs the milestone's own timestamp: when the committee made it final
 * @param firstLeaf the first history leaf it confirmed (the previous milestone's history size)
 * @param historySize its history size: one past its last leaf
 */
public record MilestoneFacts(
    int index, TransactionId id, long timestampMs, long firstLeaf, long historySize) {

  public MilestoneFacts {
    Objects.requireNonNull(id, "id");
    if (firstLeaf < 0 || historySize < firstLeaf) {
      throw new IllegalArgumentException(
          "milestone " + index + ": leaves [" + firstLeaf + ", " + historySize + ")");
    }
  }

  /** Transactions it newly confirmed. */
  public long count() {
    return historySize - firstLeaf;
  }
}
