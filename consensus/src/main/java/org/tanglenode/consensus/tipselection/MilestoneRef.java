package org.tanglenode.consensus.tipselection;

import java.util.Objects;
import org.tanglenode.protocol.TransactionId;

/**
 * A milestone by index and transaction id. Index 0 names the root of the DAG (the network id as a
 * virtual transaction), which every node treats as confirmed before any milestone exists.
 */
public record MilestoneRef(int index, TransactionId id) {

  public MilestoneRef {
    if (index < 0) {
      throw new IllegalArgumentException("a milestone index is >= 0, got " + index);
    }
    Objects.requireNonNull(id, "id");
  }
}
