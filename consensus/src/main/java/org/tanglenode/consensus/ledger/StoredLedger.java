package org.tanglenode.consensus.ledger;

import java.util.Objects;
import java.util.Optional;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.storage.TransactionStore;

/** The {@link LedgerReader} over the storage's ledger columns. */
public final class StoredLedger implements LedgerReader {

  private final TransactionStore store;

  public StoredLedger(TransactionStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public Optional<Output> unspent(OutputRef ref) {
    return store.unspentOutput(ref);
  }

  @Override
  public boolean spent(OutputRef ref) {
    return store.spentOutput(ref).isPresent();
  }
}
