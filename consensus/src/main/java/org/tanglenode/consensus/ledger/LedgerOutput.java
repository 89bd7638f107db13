package org.tanglenode.consensus.ledger;

import java.util.Objects;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;

/** An unspent output and the reference that names it. */
public record LedgerOutput(OutputRef ref, Output output) {

  public LedgerOutput {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(output, "output");
  }
}
