package org.tanglenode.node.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.trust.TrustRoot;
import org.tanglenode.storage.TransactionMetadata;
import org.tanglenode.storage.TransactionStore;

/**
 * Stored transactions as the audit views read them: decoded, with their metadata, and the
 * organisation that held the issuer's key when they were confirmed. A transaction the store lists
 * but cannot give back is a broken store, so these reads throw {@link IllegalStateException}.
 */
public final class StoredTransactions {

  private final TransactionStore store;
  private final TransactionDecoder decoder;
  private final Supplier<? extends TrustRoot> trust;

  public StoredTransactions(
      TransactionStore store, TransactionDecoder decoder, Supplier<? extends TrustRoot> trust) {
    this.store = Objects.requireNonNull(store, "store");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.trust = Objects.requireNonNull(trust, "trust");
  }

  /** The stored transaction {@code id}, decoded. */
  public Transaction transaction(TransactionId id) {
    byte[] bytes =
        store
            .transactionBytes(id)
            .orElseThrow(() -> new IllegalStateException(id + " is not stored"));
    ValidationResult decoded = decoder.decode(bytes);
    if (!(decoded instanceof ValidationResult.Valid valid)) {
      throw new IllegalStateException("stored transaction " + id + " does not decode: " + decoded);
    }
    return valid.transaction();
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
