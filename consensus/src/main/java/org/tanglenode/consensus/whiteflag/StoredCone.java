package org.tanglenode.consensus.whiteflag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.TransactionMetadata;
import org.tanglenode.storage.TransactionStore;

/**
 * A {@link ConeReader} over storage for the confirmation of one milestone: it decodes each
 * transaction it reads once and keeps it, so the ledger can look at the same transactions without
 * reading them again. Make one per milestone and drop it afterwards; not thread safe.
 *
 * <p>Reads go through storage's decoded read, so a stored transaction that no longer decodes raises
 * storage's {@link org.tanglenode.storage.DamagedTransactionException}.
 */
public final class StoredCone implements ConeReader {

  private final TransactionStore store;
  private final TransactionId rootId;
  private final Set<TransactionId> solidEntryPoints;
  private final Map<TransactionId, Transaction> read = new HashMap<>();

  public StoredCone(
      TransactionStore store, TransactionId rootId, Set<TransactionId> solidEntryPoints) {
    this.store = Objects.requireNonNull(store, "store");
    this.rootId = Objects.requireNonNull(rootId, "rootId");
    this.solidEntryPoints = Set.copyOf(solidEntryPoints);
  }

  @Override
  public Optional<List<TransactionId>> parents(TransactionId id) {
    return transaction(id).map(Transaction::parents);
  }

  @Override
  public boolean isConfirmed(TransactionId id) {
    if (id.equals(rootId) || solidEntryPoints.contains(id)) {
      return true;
    }
    return store.metadata(id).map(TransactionMetadata::referenced).orElse(false);
  }

  /** The decoded transaction {@code id}, if it is stored. */
  public Optional<Transaction> transaction(TransactionId id) {
    Transaction known = read.get(id);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Transaction> stored = store.transaction(id);
    stored.ifPresent(tx -> read.put(id, tx));
    return stored;
  }
}
