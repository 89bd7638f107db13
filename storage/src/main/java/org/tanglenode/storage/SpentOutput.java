package org.tanglenode.storage;

import java.util.Objects;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.TransactionId;

/** An output that a confirmed transaction spent, kept for history until pruned. */
public record SpentOutput(OutputRef ref, Output output, TransactionId spender, int milestoneIndex) {

  public SpentOutput {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(spender, "spender");
    if (milestoneIndex < 1) {
      throw new IllegalArgumentException("milestone indexes start at 1: " + milestoneIndex);
    }
  }
}
