package org.tanglenode.consensus.trust;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.consensus.confirmation.ConfirmationListener;
import org.tanglenode.consensus.confirmation.ConfirmationOutcome;
import org.tanglenode.consensus.confirmation.MilestoneContenders;
import org.tanglenode.consensus.milestone.MilestoneValidator;
import org.tanglenode.consensus.milestone.MilestoneVerdict;
import org.tanglenode.consensus.milestone.SignatureVerdicts;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.trust.LinkVerdict;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.storage.StateUpdate;
import org.tanglenode.storage.TagEntry;
import org.tanglenode.storage.TagPage;
import org.tanglenode.storage.TransactionStore;
import org.tanglenode.storage.UpdateOutcome;

/**
 * The ingest gate for milestones, aware that the committee of an index is final only once the
 * milestone before it is confirmed ({@link ConfirmedTrust.Settled#isFinal}). Two cases need memory:
 *
 * <ul>
 *   <li>A milestone above the settled index that fails only the threshold of the committee known
 *       now, but passes the committee that a stored, not yet confirmed trust update linking to the
 *       chain would install: stored as a plain transaction and remembered; when the trust grows,
 *       remembered milestones whose committee is now final and that pass it are indexed ({@link
 *       StateUpdate.IndexMilestone}).
 *   <li>A milestone that passes but whose index is taken by another one (the first to arrive is
 *       indexed; before a committee change is confirmed, a retired committee's milestone passes
 *       too): remembered as a contender, which the confirmer tries ({@link MilestoneContenders})
 *       when the indexed one fails the committee in force.
 * </ul>
 *
 * Remembered milestones sit in two buckets of {@code capacity} each: those whose signers reach the
 * threshold of a committee that a stored update linking to the chain proposes ("vouched"), and the
 * rest that fail only the threshold (they may arrive before the update in their past cone). A flood
 * of self-signed milestones fills only the second, so it never pushes out a vouched one. In each,
 * the lowest indexes are kept, and at most {@link #PER_INDEX} per index (the first to come). Every
 * remembered milestone is checked again, against the committee then final, when its index is next
 * to confirm. {@link #mayIndex} runs on ingest workers, {@link #confirmed} on the confirmation
 * thread.
 */
public final class DeferredMilestones implements ConfirmationListener, MilestoneContenders {

  /** The default number of milestones remembered. */
  public static final int DEFAULT_CAPACITY = 1_024;

  /** At most this many milestones are remembered for one index. */
  public static final int PER_INDEX = 4;

  /**
   * At most this many stored trust updates (the oldest by timestamp) are read to find the proposed
   * committees; the answer is cached until the chain or that list changes.
   */
  public static final int MAX_PENDING_UPDATES = TransactionStore.MAX_PAGE;

  private static final Logger LOG = LoggerFactory.getLogger(DeferredMilestones.class);

  private final ConfirmedTrust trust;
  private final TransactionStore store;
  private final TransactionDecoder decoder;
  private final SignatureVerdicts verdicts;

  /** Milestones a stored trust update vouches for: their signers pass its committee. */
  private final Bucket vouched;

  /**
   * Milestones that fail only the threshold and whose committee no stored update names yet (they
   * may arrive before the update in their past cone). Anyone can fill this: it is kept apart so
   * that a flood here never pushes out a vouched milestone.
   */
  private final Bucket unvouched;

  private int seenSequence;

  /** The last {@link #proposed} answer, for the chain and the stored updates it was built from. */
  private record Proposal(TrustChain base, List<TransactionId> ids, TrustChain chain) {}

  private volatile Proposal proposal;

  public DeferredMilestones(ConfirmedTrust trust, TransactionStore store, int capacity) {
    this(trust, store, capacity, new SignatureVerdicts(SignatureVerdicts.DEFAULT_CAPACITY));
  }

  /** As above, sharing signature verdicts with the confirmer (each verified once per node). */
  public DeferredMilestones(
      ConfirmedTrust trust, TransactionStore store, int capacity, SignatureVerdicts verdicts) {
    this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    this.trust = Objects.requireNonNull(trust, "trust");
    this.store = Objects.requireNonNull(store, "store");
    this.vouched = new Bucket(capacity);
    this.unvouched = new Bucket(capacity);
    this.decoder = new TransactionDecoder(trust.network().genesis().limits().maxTransactionBytes());
  }

  /**
   * Whether to index {@code milestone} as the milestone of its index now: its signatures pass
   * against the committee known for its index. See the class comment for what is remembered.
   */
  public boolean mayIndex(Transaction milestone) {
    if (!(milestone.payload() instanceof Payload.Milestone payload)) {
      return false;
    }
    ConfirmedTrust.Settled settled = trust.settled();
    MilestoneVerdict verdict =
        new MilestoneValidator(settled.chain(), verdicts).checkSignatures(milestone);
    int index = payload.index();
    if (verdict.isValid()) {
      Optional<TransactionId> indexed = store.milestone(index);
      if (indexed.isPresent()
          && !indexed.get().equals(milestone.id())
          && index > settled.settledIndex()) {
        remember(vouched, index, milestone.id());
      }
      return true;
    }
    if (verdict.code() == MilestoneVerdict.Code.TOO_FEW_SIGNATURES && !settled.isFinal(index)) {
      if (new MilestoneValidator(proposed(settled.chain()), verdicts)
          .checkSignatures(milestone)
          .isValid()) {
        remember(vouched, index, milestone.id());
      } else {
        remember(unvouched, index, milestone.id());
      }
      if (trust.settled() != settled) {
        recheck(); // the trust moved while we looked: the confirmation thread may have passed us
      }
    }
    return false;
  }

  /**
   * {@code chain} extended by the stored trust updates that link to it (not confirmed yet), in
   * sequence order: the committees a later confirmation may install.
   */
  private TrustChain proposed(TrustChain chain) {
    TagPage page =
        store.byTag(
            Payload.TrustUpdate.TAG,
            Optional.empty(),
            Math.min(TransactionStore.MAX_PAGE, MAX_PENDING_UPDATES));
    List<TransactionId> ids = page.entries().stream().map(TagEntry::id).toList();
    Proposal cached = proposal;
    if (cached != null && cached.base() == chain && cached.ids().equals(ids)) {
      return cached.chain(); // the signatures on the updates were verified for this pair
    }
    List<Transaction> pending = new ArrayList<>();
    for (TagEntry entry : page.entries()) {
      // Those the chain holds already do not link again; those a milestone referenced but the
      // trust has not taken yet (the confirmation thread is between the two) must still count.
      Transaction tx = read(entry.id());
      if (tx != null && tx.payload() instanceof Payload.TrustUpdate) {
        pending.add(tx);
      }
    }
    pending.sort(
        Comparator.comparingInt((Transaction tx) -> ((Payload.TrustUpdate) tx.payload()).sequence())
            .thenComparing(Transaction::id));
    TrustChain extended = chain;
    for (Transaction tx : pending) {
      if (extended.append(tx) instanceof LinkVerdict.Linked linked) {
        extended = linked.chain();
      }
    }
    proposal = new Proposal(chain, ids, extended);
    return extended;
  }

  private synchronized void remember(Bucket bucket, int index, TransactionId id) {
    if (bucket.add(index, id)) {
      LOG.debug("Milestone {} of index {} waits for its committee to be settled", id, index);
    }
  }

  @Override
  public synchronized List<TransactionId> contenders(int index) {
    List<TransactionId> ids = new ArrayList<>(vouched.at(index));
    ids.addAll(unvouched.at(index));
    return List.copyOf(ids);
  }

  /** After each milestone: drops what is settled, and re-checks the rest if the trust grew. */
  @Override
  public void confirmed(ConfirmationOutcome.Confirmed confirmed) {
    synchronized (this) {
      vouched.dropUpTo(confirmed.index());
      unvouched.dropUpTo(confirmed.index());
    }
    recheck();
  }

  /**
   * Indexes the remembered milestones whose committee is final now and that pass it, if the index
   * is free; the others stay (as contenders or until the trust grows again).
   */
  private void recheck() {
    ConfirmedTrust.Settled settled = trust.settled();
    List<Map.Entry<Integer, TransactionId>> recheck = new ArrayList<>();
    synchronized (this) {
      int sequence = settled.chain().lastSequence();
      boolean grew = sequence != seenSequence;
      seenSequence = sequence;
      for (Bucket bucket : List.of(vouched, unvouched)) {
        bucket.ids.forEach(
            (index, ids) -> {
              if (grew || index == settled.settledIndex() + 1) {
                ids.forEach(id -> recheck.add(Map.entry(index, id)));
              }
            });
      }
    }
    MilestoneValidator validator = new MilestoneValidator(settled.chain(), verdicts);
    for (Map.Entry<Integer, TransactionId> entry : recheck) {
      int index = entry.getKey();
      if (!settled.isFinal(index) || store.milestone(index).isPresent()) {
        continue;
      }
      Transaction tx = read(entry.getValue());
      if (tx != null && validator.checkSignatures(tx).isValid()) {
        UpdateOutcome outcome =
            store
                .update(new StateUpdate(List.of(new StateUpdate.IndexMilestone(index, tx.id()))))
                .join();
        LOG.info(
            "Milestone {} indexed as milestone {} once its committee was settled: {}",
            tx.id(),
            index,
            outcome.code());
      }
    }
  }

  /** How many milestones wait, vouched for or not. */
  public synchronized int size() {
    return vouched.size + unvouched.size;
  }

  /**
   * Remembered milestone ids by index: at most {@code capacity} in all, the lowest indexes kept,
   * and at most {@link #PER_INDEX} per index, the first to come kept. Guarded by the gate's lock.
   */
  private static final class Bucket {
    private final int capacity;
    private final TreeMap<Integer, List<TransactionId>> ids = new TreeMap<>();
    private int size;

    Bucket(int capacity) {
      this.capacity = capacity;
    }

    boolean add(int index, TransactionId id) {
      List<TransactionId> atIndex = ids.computeIfAbsent(index, i -> new ArrayList<>());
      if (atIndex.contains(id) || atIndex.size() >= PER_INDEX) {
        if (atIndex.isEmpty()) {
          ids.remove(index);
        }
        return false;
      }
      atIndex.add(id);
      size++;
      while (size > capacity) {
        Map.Entry<Integer, List<TransactionId>> highest = ids.lastEntry();
        highest.getValue().remove(highest.getValue().size() - 1);
        size--;
        if (highest.getValue().isEmpty()) {
          ids.pollLastEntry();
        }
      }
      return ids.containsKey(index) && ids.get(index).contains(id);
    }

    List<TransactionId> at(int index) {
      return ids.getOrDefault(index, List.of());
    }

    void dropUpTo(int index) {
      while (!ids.isEmpty() && ids.firstKey() <= index) {
        size -= ids.pollFirstEntry().getValue().size();
      }
    }
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
