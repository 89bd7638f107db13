package org.tanglenode.consensus.confirmation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.consensus.history.ConfirmationHistory;
import org.tanglenode.consensus.history.HistoryState;
import org.tanglenode.consensus.history.StagedMerkleNodeStore;
import org.tanglenode.consensus.ledger.Ledger;
import org.tanglenode.consensus.ledger.MilestoneLedger;
import org.tanglenode.consensus.milestone.MilestoneCommitments;
import org.tanglenode.consensus.milestone.MilestoneValidator;
import org.tanglenode.consensus.milestone.MilestoneVerdict;
import org.tanglenode.consensus.milestone.SignatureVerdicts;
import org.tanglenode.consensus.trust.ConfirmedTrust;
import org.tanglenode.consensus.whiteflag.StoredCone;
import org.tanglenode.consensus.whiteflag.WhiteFlagOrder;
import org.tanglenode.consensus.whiteflag.WhiteFlagResult;
import org.tanglenode.crypto.merkle.ConsistencyProof;
import org.tanglenode.crypto.merkle.InclusionProof;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.crypto.merkle.MerkleNode;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.storage.ConflictState;
import org.tanglenode.storage.MilestoneKind;
import org.tanglenode.storage.StateUpdate;
import org.tanglenode.storage.TransactionMetadata;
import org.tanglenode.storage.TransactionStore;
import org.tanglenode.storage.UpdateOutcome;
import org.tanglenode.storage.schema.MerkleKey;

/**
 * Confirms milestones one at a time, in index order: checks the milestone (signatures, sequence),
 * walks its cone in white-flag order, appends the cone to the history tree, checks the roots and
 * size it carries, applies its transfers to the ledger and writes everything as ONE {@link
 * StateUpdate}: the ledger diff, a referenced mark (with its conflict code) for every confirmed
 * transaction and the milestone, the new history-tree nodes, and the confirmed (and solid)
 * milestone index. After the batch, the trust updates the milestone confirmed are offered to the
 * {@link ConfirmedTrust}, which later milestones are checked against. Storage writes a {@code
 * StateUpdate} atomically, so after a crash a milestone is either wholly applied or not at all, and
 * the confirmed index, the history tree and the ledger always agree. If the batch is refused or
 * fails, the heap state (staged history, address index, confirmed index) is left as it was.
 *
 * <p>Also computes the commitments of the next milestone for the coordinator, with the same code.
 * Confirmation, previews and proof reads hold the confirmer's lock and never interleave. The {@link
 * ConfirmationListener}s (events, pruning, counters) are called after the lock is released, in
 * confirmation order, so a slow listener never holds a receipt, a proof read or the coordinator
 * behind it.
 */
public final class MilestoneConfirmer implements MilestoneCommitments {

  private static final Logger LOG = LoggerFactory.getLogger(MilestoneConfirmer.class);

  private final Network network;
  private final ConfirmedTrust trust;
  private final MilestoneContenders contenders;
  private final TransactionStore store;
  private final Ledger ledger;
  private final StateWriter writer;
  private final MeterRegistry registry;
  private final MilestoneValidator validator;
  private final WhiteFlagOrder order;
  private final MerkleHasher hasher = MerkleHasher.blake2b256();
  private final TransactionDecoder decoder;
  private final List<ConfirmationListener> listeners = new CopyOnWriteArrayList<>();

  /** Confirmed under the lock, told to the listeners after it, in order. */
  private final java.util.Queue<ConfirmationOutcome.Confirmed> toNotify =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** Held while listeners are called: one caller tells them, in confirmation order. */
  private final Object notifying = new Object();

  private boolean started;
  private int confirmedIndex;
  private Optional<TransactionId> lastMilestone = Optional.empty();
  private Set<TransactionId> entryPoints = Set.of();
  private ConfirmationHistory history;
  private Counter confirmedMilestones;
  private Counter confirmedTransactions;
  private Timer confirmTimer;
  private Counter walks;
  private PreparedCone prepared;

  /**
   * A confirmer whose trust starts from the genesis of {@code network} (see TrustChain.ofNetwork).
   */
  public MilestoneConfirmer(
      Network network,
      TransactionStore store,
      Ledger ledger,
      StateWriter writer,
      MeterRegistry registry) {
    this(new ConfirmedTrust(TrustChain.ofNetwork(network)), store, ledger, writer, registry);
  }

  /**
   * A confirmer that checks each milestone against the committee {@code trust} names for its index
   * and grows {@code trust} with the updates its milestones confirm.
   */
  public MilestoneConfirmer(
      ConfirmedTrust trust,
      TransactionStore store,
      Ledger ledger,
      StateWriter writer,
      MeterRegistry registry) {
    this(trust, MilestoneContenders.NONE, store, ledger, writer, registry);
  }

  /**
   * As above; when the milestone indexed at the next index fails its signatures, the first of
   * {@code contenders} for that index that passes takes its place ({@link
   * StateUpdate.ReplaceMilestone}).
   */
  public MilestoneConfirmer(
      ConfirmedTrust trust,
      MilestoneContenders contenders,
      TransactionStore store,
      Ledger ledger,
      StateWriter writer,
      MeterRegistry registry) {
    this(
        trust,
        contenders,
        new SignatureVerdicts(SignatureVerdicts.DEFAULT_CAPACITY),
        store,
        ledger,
        writer,
        registry);
  }

  /** As above, sharing signature verdicts with the ingest gate (each verified once per node). */
  public MilestoneConfirmer(
      ConfirmedTrust trust,
      MilestoneContenders contenders,
      SignatureVerdicts verdicts,
      TransactionStore store,
      Ledger ledger,
      StateWriter writer,
      MeterRegistry registry) {
    this.trust = Objects.requireNonNull(trust, "trust");
    this.contenders = Objects.requireNonNull(contenders, "contenders");
    this.network = trust.network();
    this.store = Objects.requireNonNull(store, "store");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.validator = new MilestoneValidator(trust, verdicts);
    this.order = new WhiteFlagOrder(hasher);
    this.decoder = new TransactionDecoder(network.genesis().limits().maxTransactionBytes());
  }

  /**
   * Loads the confirmed state: the confirmed index, the last confirmed milestone and, from its
   * {@code history_size}, the size of the history tree; the solid entry points.
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("the confirmer was started before");
    }
    started = true;
    trust.load(store, decoder);
    confirmedIndex = store.milestoneIndex(MilestoneKind.CONFIRMED);
    long historySize = 0;
    if (confirmedIndex > 0) {
      TransactionId id =
          store
              .milestone(confirmedIndex)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "confirmed milestone " + confirmedIndex + " is not stored"));
      lastMilestone = Optional.of(id);
      historySize = milestonePayload(read(id)).historySize();
    }
    entryPoints = Set.copyOf(store.restartState().solidEntryPoints().keySet());
    history =
        new ConfirmationHistory(
            hasher,
            new StagedMerkleNodeStore(
                (level, index) -> store.historyNode(new MerkleKey(level, index)), historySize));
    confirmedMilestones =
        Counter.builder("tangle.consensus.milestones.confirmed")
            .description("milestones confirmed")
            .register(registry);
    confirmedTransactions =
        Counter.builder("tangle.consensus.transactions.confirmed")
            .description("transactions confirmed by milestones")
            .register(registry);
    walks =
        Counter.builder("tangle.consensus.whiteflag.walks")
            .description("white-flag cone walks (one per milestone, drafts included)")
            .register(registry);
    confirmTimer =
        Timer.builder("tangle.consensus.milestones.confirm")
            .description("time to check and apply a milestone")
            .register(registry);
  }

  public void addListener(ConfirmationListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** The trust the milestones are checked against, grown by the updates they confirm. */
  public ConfirmedTrust trust() {
    return trust;
  }

  @Override
  public synchronized int confirmedIndex() {
    return confirmedIndex;
  }

  /** The history tree's root and size as of the last confirmed milestone. */
  public synchronized HistoryState history() {
    requireStarted();
    return history.current();
  }

  /** The root of the history tree when it had {@code size} leaves. */
  public synchronized byte[] historyRoot(long size) {
    requireStarted();
    return history.root(size);
  }

  public synchronized ConsistencyProof consistencyProof(long oldSize, long newSize) {
    requireStarted();
    return history.consistencyProof(oldSize, newSize);
  }

  public synchronized InclusionProof inclusionProof(long leafIndex, long treeSize) {
    requireStarted();
    return history.inclusionProof(leafIndex, treeSize);
  }

  /**
   * Confirms the milestone of the next index if it is stored and solid; the listeners hear of it
   * after the lock is released, before this returns.
   */
  public ConfirmationOutcome confirmNext() {
    ConfirmationOutcome outcome;
    synchronized (this) {
      outcome = confirmNextLocked();
    }
    notifyListeners();
    return outcome;
  }

  /**
   * Checks and applies {@code milestone}, which must be stored; see the class comment. The
   * listeners hear of it after the lock is released, before this returns.
   */
  public ConfirmationOutcome confirm(Transaction milestone) {
    ConfirmationOutcome outcome;
    synchronized (this) {
      outcome = confirmLocked(milestone);
    }
    notifyListeners();
    return outcome;
  }

  private void notifyListeners() {
    synchronized (notifying) {
      ConfirmationOutcome.Confirmed next;
      while ((next = toNotify.poll()) != null) {
        for (ConfirmationListener listener : listeners) {
          try {
            listener.confirmed(next);
          } catch (RuntimeException e) {
            LOG.error("A confirmation listener failed", e);
          }
        }
      }
    }
  }

  private ConfirmationOutcome confirmNextLocked() {
    requireStarted();
    int next = confirmedIndex + 1;
    Optional<TransactionId> id = store.milestone(next);
    if (id.isEmpty()) {
      return new ConfirmationOutcome.NotAvailable(next, "no milestone " + next + " is stored");
    }
    Transaction indexed = read(id.get());
    if (!validator.checkSignatures(indexed).isValid()) {
      Optional<Transaction> replacement = contender(next, indexed.id());
      if (replacement.isEmpty()) {
        return confirmLocked(indexed); // rejected, with the reason
      }
      UpdateOutcome swapped =
          writer
              .update(
                  new StateUpdate(
                      List.of(
                          new StateUpdate.ReplaceMilestone(
                              next, indexed.id(), replacement.get().id()))))
              .join();
      LOG.warn(
          "Milestone {} ({}) fails the committee in force; {} takes its index: {}",
          next,
          indexed.id(),
          replacement.get().id(),
          swapped.code());
      id = store.milestone(next);
      if (id.isEmpty()) {
        return new ConfirmationOutcome.NotAvailable(next, "no milestone " + next + " is stored");
      }
    }
    boolean solid = store.metadata(id.get()).map(TransactionMetadata::solid).orElse(false);
    if (!solid) {
      return new ConfirmationOutcome.NotAvailable(next, "milestone " + next + " is not solid");
    }
    return confirmLocked(read(id.get()));
  }

  private ConfirmationOutcome confirmLocked(Transaction milestone) {
    requireStarted();
    long startNanos = System.nanoTime();
    TransactionId id = milestone.id();
    MilestoneVerdict signatures = validator.checkSignatures(milestone);
    if (signatures instanceof MilestoneVerdict.Rejected rejected) {
      return reject(id, rejected);
    }
    Payload.Milestone payload = (Payload.Milestone) milestone.payload();
    MilestoneVerdict sequence = validator.checkSequence(payload, confirmedIndex + 1, lastMilestone);
    if (sequence instanceof MilestoneVerdict.Rejected rejected) {
      return reject(id, rejected);
    }
    PreparedCone ready = prepared;
    prepared = null;
    StoredCone cone;
    WhiteFlagResult walk;
    if (ready != null && ready.matches(payload.index(), milestone.parents())) {
      // The coordinator's own milestone: next() walked this cone for it under the same state.
      cone = ready.cone();
      walk = ready.ordered();
    } else {
      cone = new StoredCone(store, network.rootId(), entryPoints);
      walk = walk(milestone.parents(), cone);
    }
    if (walk instanceof WhiteFlagResult.Incomplete incomplete) {
      return new ConfirmationOutcome.NotSolid(id, incomplete.missing());
    }
    WhiteFlagResult.Ordered ordered = (WhiteFlagResult.Ordered) walk;
    boolean committed = false;
    try {
      HistoryState after = history.stage(ordered.ids());
      Payload.Milestone expected =
          new Payload.Milestone(
              payload.index(), lastMilestone, ordered.confirmedRoot(), after.root(), after.size());
      MilestoneVerdict commitments = validator.checkCommitments(payload, expected);
      if (commitments instanceof MilestoneVerdict.Rejected rejected) {
        return reject(id, rejected);
      }
      MilestoneLedger milestoneLedger =
          new MilestoneLedger(ledger.reader(), payload.index(), milestone.timestampMs());
      Map<TransactionId, ConflictState> conflicts = new LinkedHashMap<>();
      List<StateUpdate.Change> marks = new ArrayList<>(2 * ordered.ids().size() + 1);
      long leaf = after.size() - ordered.ids().size(); // this milestone's first history leaf
      List<Transaction> trustUpdates = new ArrayList<>();
      for (TransactionId confirmed : ordered.ids()) {
        Transaction tx = cone.transaction(confirmed).orElseThrow();
        if (tx.payload() instanceof Payload.TrustUpdate) {
          trustUpdates.add(tx);
        }
        ConflictState conflict = milestoneLedger.apply(tx);
        if (conflict != ConflictState.NONE) {
          conflicts.put(confirmed, conflict);
        }
        marks.add(new StateUpdate.MarkReferenced(confirmed, payload.index(), conflict));
        marks.add(new StateUpdate.PutConfirmed(leaf++, confirmed));
      }
      marks.add(new StateUpdate.MarkReferenced(id, payload.index(), ConflictState.NONE));
      List<StateUpdate.Change> changes = new ArrayList<>(milestoneLedger.changes());
      changes.addAll(marks);
      for (MerkleNode node : history.stagedNodes()) {
        changes.add(
            new StateUpdate.PutHistoryNode(new MerkleKey(node.level(), node.index()), node.hash()));
      }
      changes.add(new StateUpdate.SetMilestoneIndex(MilestoneKind.CONFIRMED, payload.index()));
      changes.add(
          new StateUpdate.SetMilestoneIndex(
              MilestoneKind.SOLID,
              Math.max(payload.index(), store.milestoneIndex(MilestoneKind.SOLID))));
      UpdateOutcome outcome = writer.update(new StateUpdate(changes)).join();
      if (outcome.code() != UpdateOutcome.Code.APPLIED) {
        LOG.error("Storage refused the batch of milestone {}: {}", payload.index(), outcome);
        return new ConfirmationOutcome.StorageRefused(id, outcome);
      }
      history.commit();
      committed = true;
      ledger.applied(milestoneLedger);
      trust.confirmed(payload.index(), trustUpdates);
      confirmedIndex = payload.index();
      lastMilestone = Optional.of(id);
      ConfirmationOutcome.Confirmed done =
          new ConfirmationOutcome.Confirmed(payload.index(), id, ordered.ids(), conflicts, after);
      confirmedMilestones.increment();
      confirmedTransactions.increment(ordered.ids().size());
      confirmTimer.record(
          System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
      LOG.info(
          "Confirmed milestone {} ({} transactions, {} conflicting)",
          payload.index(),
          ordered.ids().size(),
          conflicts.size());
      toNotify.add(done);
      return done;
    } finally {
      if (!committed) {
        history.discard();
      }
    }
  }

  @Override
  public synchronized Draft next(Collection<TransactionId> parents) {
    requireStarted();
    int latest = store.milestoneIndex(MilestoneKind.LATEST);
    if (latest > confirmedIndex) {
      return new Draft.NotReady(
          Draft.Code.PREVIOUS_NOT_CONFIRMED,
          "milestone " + latest + " is stored, " + confirmedIndex + " is confirmed");
    }
    StoredCone cone = new StoredCone(store, network.rootId(), entryPoints);
    WhiteFlagResult walk = walk(parents, cone);
    if (walk instanceof WhiteFlagResult.Incomplete incomplete) {
      return new Draft.NotReady(Draft.Code.CONE_INCOMPLETE, incomplete.missing() + " is missing");
    }
    WhiteFlagResult.Ordered ordered = (WhiteFlagResult.Ordered) walk;
    // Kept for confirm(): nothing the walk read changes until a milestone is confirmed, and that
    // takes this lock, so the milestone built from this draft is confirmed without a second walk.
    prepared = new PreparedCone(confirmedIndex + 1, Set.copyOf(parents), cone, ordered);
    try {
      HistoryState after = history.stage(ordered.ids());
      return new Draft.Ready(
          new Payload.Milestone(
              confirmedIndex + 1,
              lastMilestone,
              ordered.confirmedRoot(),
              after.root(),
              after.size()));
    } finally {
      history.discard();
    }
  }

  private WhiteFlagResult walk(Collection<TransactionId> parents, StoredCone cone) {
    walks.increment();
    return order.order(parents, cone);
  }

  /** A cone walked for a draft of milestone {@code index} with these parents. */
  private record PreparedCone(
      int index, Set<TransactionId> parents, StoredCone cone, WhiteFlagResult.Ordered ordered) {
    boolean matches(int milestoneIndex, List<TransactionId> milestoneParents) {
      return index == milestoneIndex && parents.equals(Set.copyOf(milestoneParents));
    }
  }

  /** The first remembered milestone of {@code index}, other than {@code indexed}, that passes. */
  private Optional<Transaction> contender(int index, TransactionId indexed) {
    for (TransactionId candidate : contenders.contenders(index)) {
      if (candidate.equals(indexed)) {
        continue;
      }
      Optional<byte[]> bytes = store.transactionBytes(candidate);
      if (bytes.isPresent()
          && decoder.decode(bytes.get()) instanceof ValidationResult.Valid valid
          && valid.transaction().payload() instanceof Payload.Milestone payload
          && payload.index() == index
          && validator.checkSignatures(valid.transaction()).isValid()) {
        return Optional.of(valid.transaction());
      }
    }
    return Optional.empty();
  }

  private ConfirmationOutcome reject(TransactionId id, MilestoneVerdict.Rejected rejected) {
    Counter.builder("tangle.consensus.milestones.rejected")
        .tag("code", rejected.code().name())
        .description("milestones rejected, by reason")
        .register(registry)
        .increment();
    LOG.warn("Rejected milestone {}: {} {}", id, rejected.code(), rejected.detail());
    return new ConfirmationOutcome.Rejected(id, rejected);
  }

  private Transaction read(TransactionId id) {
    return store
        .transaction(id)
        .orElseThrow(() -> new IllegalStateException("milestone " + id + " is not stored"));
  }

  private static Payload.Milestone milestonePayload(Transaction tx) {
    if (tx.payload() instanceof Payload.Milestone milestone) {
      return milestone;
    }
    throw new IllegalStateException(tx.id() + " is indexed as a milestone but carries none");
  }

  private void requireStarted() {
    if (!started) {
      throw new IllegalStateException("the confirmer is not started");
    }
  }
}
