package org.tanglenode.consensus.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.consensus.confirmation.ConfirmationListener;
import org.tanglenode.consensus.confirmation.ConfirmationOutcome;
import org.tanglenode.consensus.milestone.MilestoneValidator;
import org.tanglenode.consensus.milestone.MilestoneVerdict;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.storage.MilestoneKind;
import org.tanglenode.storage.StateUpdate;
import org.tanglenode.storage.TransactionStore;
import org.tanglenode.storage.UpdateOutcome;

/**
 * The ingest gate for milestones, aware that the committee of an index is settled only once the
 * milestone before it is confirmed. A milestone that arrives earlier and fails only the threshold
 * of the committee the node knows now (ingest has verified every signature on it) is stored as a
 * plain transaction and remembered; when a confirmed trust update changes the committee, the
 * remembered milestones are checked again and those that now pass are indexed as the milestone of
 * their index ({@link StateUpdate.IndexMilestone}). Without this, a node syncing across a committee
 * change would store the new committee's milestones as plain transactions and never index them.
 *
 * <p>At most {@code capacity} milestones are remembered, the lowest indexes kept. {@link #mayIndex}
 * runs on ingest workers, {@link #confirmed} on the confirmation thread.
 */
public final class DeferredMilestones implements ConfirmationListener {

  /** The default number of milestones remembered. */
  public static final int DEFAULT_CAPACITY = 1_024;

  private static final Logger LOG = LoggerFactory.getLogger(DeferredMilestones.class);

  private final MilestoneValidator validator;
  private final ConfirmedTrust trust;
  private final TransactionStore store;
  private final int capacity;
  private final TransactionDecoder decoder;
  private final TreeMap<Integer, List<TransactionId>> waiting = new TreeMap<>();
  private int size;
  private int seenSequence;

  public DeferredMilestones(
      MilestoneValidator validator, ConfirmedTrust trust, TransactionStore store, int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    this.validator = Objects.requireNonNull(validator, "validator");
    this.trust = Objects.requireNonNull(trust, "trust");
    this.store = Objects.requireNonNull(store, "store");
    this.capacity = capacity;
    this.decoder = new TransactionDecoder(trust.network().genesis().limits().maxTransactionBytes());
  }

  /**
   * Whether to index {@code milestone} as the milestone of its index now: its signatures pass
   * against the committee known for its index. If they fail only the threshold and its index is
   * beyond the next one to confirm, it is remembered for a later check.
   */
  public boolean mayIndex(Transaction milestone) {
    MilestoneVerdict verdict = validator.checkSignatures(milestone);
    if (verdict.isValid()) {
      return true;
    }
    if (verdict.code() == MilestoneVerdict.Code.TOO_FEW_SIGNATURES
        && milestone.payload() instanceof Payload.Milestone payload
        && payload.index() > store.milestoneIndex(MilestoneKind.CONFIRMED) + 1) {
      remember(payload.index(), milestone.id());
    }
    return false;
  }

  private synchronized void remember(int index, TransactionId id) {
    List<TransactionId> ids = waiting.computeIfAbsent(index, i -> new ArrayList<>());
    if (ids.contains(id)) {
      return;
    }
    ids.add(id);
    size++;
    while (size > capacity) {
      Map.Entry<Integer, List<TransactionId>> highest = waiting.lastEntry();
      highest.getValue().remove(highest.getValue().size() - 1);
      size--;
      if (highest.getValue().isEmpty()) {
        waiting.pollLastEntry();
      }
    }
    LOG.info("Milestone {} of index {} waits for a committee change to be confirmed", id, index);
  }

  /** After each milestone: drops what is settled, and re-checks the rest if the trust grew. */
  @Override
  public void confirmed(ConfirmationOutcome.Confirmed confirmed) {
    List<Map.Entry<Integer, TransactionId>> recheck = new ArrayList<>();
    synchronized (this) {
      while (!waiting.isEmpty() && waiting.firstKey() <= confirmed.index()) {
        size -= waiting.pollFirstEntry().getValue().size();
      }
      int sequence = trust.chain().lastSequence();
      if (sequence == seenSequence) {
        return;
      }
      seenSequence = sequence;
      waiting.forEach((index, ids) -> ids.forEach(id -> recheck.add(Map.entry(index, id))));
    }
    for (Map.Entry<Integer, TransactionId> entry : recheck) {
      if (store.milestone(entry.getKey()).isPresent()) {
        forget(entry.getKey(), entry.getValue());
        continue;
      }
      Transaction tx = read(entry.getValue());
      if (tx != null && validator.checkSignatures(tx).isValid()) {
        UpdateOutcome outcome =
            store
                .update(
                    new StateUpdate(
                        List.of(new StateUpdate.IndexMilestone(entry.getKey(), entry.getValue()))))
                .join();
        forget(entry.getKey(), entry.getValue());
        LOG.info(
            "Milestone {} indexed as milestone {} after the committee change: {}",
            entry.getValue(),
            entry.getKey(),
            outcome.code());
      }
    }
  }

  private synchronized void forget(int index, TransactionId id) {
    List<TransactionId> ids = waiting.get(index);
    if (ids != null && ids.remove(id)) {
      size--;
      if (ids.isEmpty()) {
        waiting.remove(index);
      }
    }
  }

  /** How many milestones wait. */
  public synchronized int size() {
    return size;
  }

  private Transaction read(TransactionId id) {
    return store
        .transactionBytes(id)
        .map(decoder::decode)
        .filter(ValidationResult.Valid.class::isInstance)
        .map(r -> ((ValidationResult.Valid) r).transaction())
        .orElse(null);
  }
}
