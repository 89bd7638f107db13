package org.tanglenode.consensus.tipselection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tanglenode.consensus.solidification.StoredSolidity;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.MilestoneKind;
import org.tanglenode.storage.TransactionMetadata;
import org.tanglenode.storage.TransactionStore;

/**
 * The {@link SolidDag} over storage: parents decoded from the stored bytes, solid and confirmed
 * marks from the metadata column, approvers from the approvers column, the latest confirmed
 * milestone from the node state. Every answer is a RocksDB read (block cache hits for recent
 * transactions); nothing is cached here.
 *
 * <p>Parents come from storage's decoded read: a stored transaction that no longer decodes raises
 * {@link org.tanglenode.storage.DamagedTransactionException}.
 */
public final class StoredSolidDag implements SolidDag {

  private final TransactionStore store;
  private final StoredSolidity stored;
  private final TransactionId rootId;
  private final Set<TransactionId> solidEntryPoints;

  public StoredSolidDag(
      TransactionStore store, TransactionId rootId, Set<TransactionId> solidEntryPoints) {
    this.store = Objects.requireNonNull(store, "store");
    // Parents are read as the solidifier reads them: storage's decoded read.
    this.stored = new StoredSolidity(store, rootId, solidEntryPoints);
    this.rootId = Objects.requireNonNull(rootId, "rootId");
    this.solidEntryPoints = Set.copyOf(solidEntryPoints);
  }

  @Override
  public Optional<List<TransactionId>> parents(TransactionId id) {
    return stored.parents(id);
  }

  @Override
  public boolean isSolid(TransactionId id) {
    return store.metadata(id).map(TransactionMetadata::solid).orElse(false);
  }

  @Override
  public boolean hasSolidApprover(TransactionId id) {
    for (TransactionId approver : store.approvers(id)) {
      if (isSolid(approver)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<TransactionId> solidApprovers(TransactionId id) {
    List<TransactionId> solid = new ArrayList<>();
    for (TransactionId approver : store.approvers(id)) {
      if (isSolid(approver)) {
        solid.add(approver);
      }
    }
    return solid;
  }

  @Override
  public Optional<TransactionId> milestone(int index) {
    return index == 0 ? Optional.of(rootId) : store.milestone(index);
  }

  @Override
  public boolean isConfirmed(TransactionId id) {
    return id.equals(rootId)
        || solidEntryPoints.contains(id)
        || store.metadata(id).map(TransactionMetadata::referenced).orElse(false);
  }

  @Override
  public MilestoneRef latestMilestone() {
    int index = store.milestoneIndex(MilestoneKind.CONFIRMED);
    if (index == 0) {
      return new MilestoneRef(0, rootId);
    }
    return store
        .milestone(index)
        .map(id -> new MilestoneRef(index, id))
        // Not stored (a database started from a snapshot): the root stands in as a parent.
        .orElseGet(() -> new MilestoneRef(index, rootId));
  }

  @Override
  public Optional<TransactionId> pendingMilestone() {
    return store.milestone(store.milestoneIndex(MilestoneKind.CONFIRMED) + 1);
  }
}
