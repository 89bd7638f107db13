package org.tanglenode.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.ValidationResult;

/**
 * Deletes the transactions confirmed by milestones more than N milestones below the confirmed one,
 * through the writer, one atomic update per milestone. Off unless asked: a node calls {@link
 * #prune} with its configured N after a milestone is confirmed (N = 0 is off).
 *
 * <p>Only ids listed in the {@code confirmed} column for a pruned milestone are candidates, and
 * each is deleted only if its metadata says a milestone up to the pruned index referenced it: what
 * is not confirmed is never removed. Kept: the milestone transactions themselves, the {@code
 * confirmed} rows and the history tree (audit proofs need them), the ledger (unspent and spent
 * outputs and per-milestone diffs). A pruned transaction that a kept transaction still approves
 * becomes a solid entry point (with the index of the milestone that confirmed it); an entry point
 * that no kept transaction approves any more is removed. Old milestone transactions, kept only as
 * the record of their milestone, do not count as approvers.
 *
 * <p>Each milestone's update also records the pruned-up-to index, so an interrupted run resumes
 * where it stopped. Not thread-safe: run one {@code prune} at a time (the consensus thread).
 */
public final class Pruner {

  private static final Logger LOG = LoggerFactory.getLogger(Pruner.class);

  private final TransactionStore store;
  private final TransactionDecoder decoder = new TransactionDecoder(Integer.MAX_VALUE);

  public Pruner(TransactionStore store) {
    this.store = store;
  }

  /**
   * Prunes the milestones up to the confirmed index minus {@code keepMilestones}. With {@code
   * keepMilestones} 0 (pruning off) it does nothing.
   *
   * @throws IllegalArgumentException if {@code keepMilestones} is negative
   */
  public PruneReport prune(int keepMilestones) {
    if (keepMilestones < 0) {
      throw new IllegalArgumentException(
          "milestones to keep: 0 (off) or more, not " + keepMilestones);
    }
    int done = store.prunedMilestone();
    int target = store.milestoneIndex(MilestoneKind.CONFIRMED) - keepMilestones;
    if (keepMilestones == 0 || target <= done) {
      return new PruneReport(0, done, 0, 0, 0, 0);
    }
    Run run = new Run(target, store.restartState().solidEntryPoints());
    long nextLeaf = done > 0 ? historySize(done).orElse(0L) : 0L;
    for (int m = done + 1; m <= target; m++) {
      Optional<Long> end = historySize(m);
      StateUpdate.Builder update = StateUpdate.builder();
      if (end.isPresent()) {
        pruneMilestone(run, m, nextLeaf, end.get(), update);
        nextLeaf = end.get();
      }
      update.setPruned(m);
      UpdateOutcome outcome = store.update(update.build()).join();
      if (outcome.code() != UpdateOutcome.Code.APPLIED) {
        throw new StorageException("pruning milestone " + m + " was refused: " + outcome, null);
      }
    }
    LOG.info(
        "Pruned milestones {} to {}: {} transactions deleted, {} entry points added, {} removed",
        done + 1,
        target,
        run.pruned,
        run.added,
        run.removed);
    return new PruneReport(
        done + 1, target, run.pruned, run.keptUnconfirmed, run.added, run.removed);
  }

  /** The state of one run across its milestones. */
  private static final class Run {
    final int target;
    final Map<TransactionId, Integer> entryPoints;
    final Set<TransactionId> prunedIds = new HashSet<>();
    long pruned;
    long keptUnconfirmed;
    int added;
    int removed;

    Run(int target, Map<TransactionId, Integer> entryPoints) {
      this.target = target;
      this.entryPoints = new HashMap<>(entryPoints);
    }
  }

  private void pruneMilestone(
      Run run, int milestone, long fromLeaf, long toLeaf, StateUpdate.Builder update) {
    List<Pruned> batch = new ArrayList<>();
    store.forEachConfirmedBetween(
        fromLeaf,
        toLeaf,
        id -> {
          candidate(run, id).ifPresent(batch::add);
          return true;
        });
    for (Pruned p : batch) {
      run.prunedIds.add(p.tx().id());
      update.pruneTransaction(StorableTransaction.from(p.tx()));
    }
    run.pruned += batch.size();
    for (Pruned p : batch) {
      TransactionId id = p.tx().id();
      if (hasKeptApprover(run, id)) {
        update.addSolidEntryPoint(id, p.referencedBy());
        run.entryPoints.put(id, p.referencedBy());
        run.added++;
      }
    }
    // Parents of what goes now may have lost their last kept approver.
    for (Pruned p : batch) {
      for (TransactionId parent : p.tx().parents()) {
        if (run.entryPoints.containsKey(parent) && !hasKeptApprover(run, parent)) {
          update.removeSolidEntryPoint(parent);
          run.entryPoints.remove(parent);
          run.removed++;
        }
      }
    }
    LOG.debug("Pruning milestone {}: {} transactions", milestone, batch.size());
  }

  private record Pruned(Transaction tx, int referencedBy) {}

  /** The stored, confirmed, non-milestone transaction {@code id}, if it may go. */
  private Optional<Pruned> candidate(Run run, TransactionId id) {
    Optional<byte[]> bytes = store.transactionBytes(id);
    if (bytes.isEmpty() || run.prunedIds.contains(id)) {
      return Optional.empty(); // pruned before, or never stored (below an imported snapshot)
    }
    Optional<Transaction> decoded = decode(id, bytes.get());
    if (decoded.isEmpty()) {
      return Optional.empty(); // kept: see decode
    }
    Transaction tx = decoded.get();
    if (tx.payload() instanceof Payload.Milestone || tx.payload() instanceof Payload.TrustUpdate) {
      // Milestones stay; so do trust updates, from which the node rebuilds its committee chain.
      return Optional.empty();
    }
    Optional<TransactionMetadata> metadata = store.metadata(id);
    int referencedBy =
        metadata
            .flatMap(
                m ->
                    m.referencedByMilestone().isPresent()
                        ? Optional.of(m.referencedByMilestone().getAsInt())
                        : Optional.empty())
            .orElse(0);
    if (referencedBy < 1 || referencedBy > run.target) {
      run.keptUnconfirmed++;
      LOG.warn(
          "{} is listed as confirmed but its metadata says referenced by {}; kept",
          id,
          referencedBy);
      return Optional.empty();
    }
    return Optional.of(new Pruned(tx, referencedBy));
  }

  /** Whether a transaction that stays (not pruned, not an old milestone) approves {@code id}. */
  private boolean hasKeptApprover(Run run, TransactionId id) {
    boolean[] kept = new boolean[1];
    store.forEachApprover(
        id,
        child -> {
          if (!run.prunedIds.contains(child) && staysInTheTangle(run, child)) {
            kept[0] = true;
          }
          return !kept[0];
        });
    return kept[0];
  }

  private boolean staysInTheTangle(Run run, TransactionId child) {
    Optional<byte[]> bytes = store.transactionBytes(child);
    if (bytes.isEmpty()) {
      return false;
    }
    Optional<Transaction> decoded = decode(child, bytes.get());
    return decoded.isEmpty()
        || !(decoded.get().payload() instanceof Payload.Milestone m)
        || m.index() > run.target;
  }

  /** The history size milestone {@code index} states, if the milestone is stored. */
  private Optional<Long> historySize(int index) {
    return store
        .milestone(index)
        .flatMap(store::transactionBytes)
        .flatMap(bytes -> decode(store.milestone(index).orElseThrow(), bytes))
        .map(Transaction::payload)
        .filter(Payload.Milestone.class::isInstance)
        .map(p -> ((Payload.Milestone) p).historySize());
  }

  /**
   * The stored transaction, or empty (and it is kept) if today's rules no longer accept its bytes:
   * a rule added after it was stored must not stop pruning at its milestone for good.
   */
  private Optional<Transaction> decode(TransactionId id, byte[] bytes) {
    ValidationResult result = decoder.decode(bytes);
    if (result instanceof ValidationResult.Valid valid) {
      return Optional.of(valid.transaction());
    }
    LOG.warn("Stored transaction {} does not decode under today's rules ({}); kept", id, result);
    return Optional.empty();
  }
}
