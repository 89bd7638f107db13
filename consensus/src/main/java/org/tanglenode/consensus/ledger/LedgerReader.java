package org.tanglenode.consensus.ledger;

import java.util.Optional;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;

/** The committed ledger as the checks of one milestone see it. */
public interface LedgerReader {

  /** The output {@code ref} if it exists and is unspent. */
  Optional<Output> unspent(OutputRef ref);

  /** Whether {@code ref} existed and was spent by an earlier milestone. */
  boolean spent(OutputRef ref);
}
