package org.tanglenode.node.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.trust.TrustRoot;
import org.tanglenode.storage.TransactionMetadata;
import org.tanglenode.storage.TransactionStore;

/**
 * Stored transactions as the audit views read them: decoded, with their metadata, and the
 * organisation that held the issuer's key when they were confirmed. A transaction the store lists
 * but cannot give back is a broken store, so these reads throw {@link IllegalStateException}
 * (absent) or storage's {@link org.tanglenode.storage.DamagedTransactionException} (damaged).
 */
public final class StoredTransactions {

  private final TransactionStore store;
  private final Supplier<? extends TrustRoot> trust;

  public StoredTransactions(TransactionStore store, Supplier<? extends TrustRoot> trust) {
    this.store = Objects.requireNonNull(store, "store");
    this.trust = Objects.requireNonNull(trust, "trust");
  }

  /** The stored transaction {@code id}, decoded. */
  public Transaction transaction(TransactionId id) {
    return store
        .transaction(id)
        .orElseThrow(() -> new IllegalStateException(id + " is not stored"));
  }

  /** The metadata of the stored transaction {@code id}. */
  public TransactionMetadata metadata(TransactionId id) {
    return store
        .metadata(id)
        .orElseThrow(() -> new IllegalStateException("no metadata for stored " + id));
  }

  /**
   * The organisation that held {@code tx}'s issuer key at the milestone that confirmed it, or at
   * {@code latestConfirmed} (the node's last confirmed milestone) while it is unconfirmed; empty
   * for a signer the trust root does not name.
   */
  public Optional<String> organisation(
      Transaction tx, TransactionMetadata metadata, int latestConfirmed) {
    int index = metadata.referencedByMilestone().orElse(latestConfirmed);
    return trust.get().organisationAt(tx.issuer(), index);
  }
}
