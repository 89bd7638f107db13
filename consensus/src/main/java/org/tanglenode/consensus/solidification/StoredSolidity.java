package org.tanglenode.consensus.solidification;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.StateUpdate;
import org.tanglenode.storage.TransactionMetadata;
import org.tanglenode.storage.TransactionStore;
import org.tanglenode.storage.UpdateOutcome;

/** The {@link SolidityStore} over storage: metadata's solid flag and {@code MarkSolid} updates. */
public final class StoredSolidity implements SolidityStore {

  private final TransactionStore store;
  private final TransactionId rootId;
  private final Set<TransactionId> solidEntryPoints;

  public StoredSolidity(
      TransactionStore store, TransactionId rootId, Set<TransactionId> solidEntryPoints) {
    this.store = Objects.requireNonNull(store, "store");
    this.rootId = Objects.requireNonNull(rootId, "rootId");
    this.solidEntryPoints = Set.copyOf(solidEntryPoints);
  }

  @Override
  public Optional<List<TransactionId>> parents(TransactionId id) {
    // Storage's decoded read: no id hash, no canonical re-encode, no essence digest.
    return store.transaction(id).map(Transaction::parents);
  }

  @Override
  public List<TransactionId> approvers(TransactionId id, int limit) {
    return store.approvers(id, Math.min(limit, TransactionStore.MAX_PAGE));
  }

  @Override
  public Set<TransactionId> storedTips() {
    return store.restartState().tips();
  }

  @Override
  public boolean isSolid(TransactionId id) {
    return id.equals(rootId)
        || solidEntryPoints.contains(id)
        || store.metadata(id).map(TransactionMetadata::solid).orElse(false);
  }

  @Override
  public CompletableFuture<UpdateOutcome> markSolid(List<TransactionId> ids) {
    StateUpdate.Builder update = StateUpdate.builder();
    ids.forEach(update::markSolid);
    return store.update(update.build());
  }
}
