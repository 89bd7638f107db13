package org.tanglenode.consensus.milestone;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.crypto.pow.ProofOfWork;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.SignedTransaction;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.protocol.trust.TrustRoot;

/**
 * The coordinator role: every {@code milestoneIntervalMs} of the genesis it takes parents from the
 * {@link ParentSource}, asks {@link MilestoneCommitments} for the next index, previous milestone,
 * confirmed root and history root and size, builds the milestone signed by the first key it holds
 * of the committee in force at that index and cosigned by the others it holds of it (at least the
 * threshold; in a devnet one process holds them all, and holding the keys of the committees before
 * and after a trust update lets it carry on across the change), finds a nonce for the network's
 * proof of work and hands it to the {@link TransactionSubmitter}. It issues at most one milestone
 * ahead of what its node has confirmed.
 *
 * <p>The scheduler is the caller's; {@link #close()} cancels this coordinator's task on it.
 */
public final class Coordinator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);

  private final TrustRoot trust;
  private final Network network;
  private final List<Ed25519PrivateKey> keys;
  private final ParentSource parents;
  private final MilestoneCommitments commitments;
  private final TransactionSubmitter submitter;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final MeterRegistry registry;
  private final AtomicInteger lastIssued = new AtomicInteger();

  private ScheduledFuture<?> task;
  private Counter issued;
  private Counter skipped;
  private Counter retried;
  private volatile boolean closing;
  private final long interval;
  private final long retryMillis;
  private boolean started;
  private boolean closed;

  public Coordinator(
      TrustRoot trust,
      List<Ed25519PrivateKey> keys,
      ParentSource parents,
      MilestoneCommitments commitments,
      TransactionSubmitter submitter,
      ScheduledExecutorService scheduler,
      Clock clock,
      MeterRegistry registry) {
    this.trust = Objects.requireNonNull(trust, "trust");
    this.network = trust.network();
    this.keys = List.copyOf(keys);
    this.parents = Objects.requireNonNull(parents, "parents");
    this.commitments = Objects.requireNonNull(commitments, "commitments");
    this.submitter = Objects.requireNonNull(submitter, "submitter");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.interval = network.genesis().milestoneIntervalMs();
    this.retryMillis = Math.max(5, Math.min(50, interval / 20));
  }

  /**
   * Checks the keys and schedules a tick every milestone interval.
   *
   * @throws IllegalStateException if it was started before, or it holds fewer keys of the latest
   *     committee the trust root knows than that committee's threshold
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("the coordinator was started before");
    }
    started = true;
    Committee latest = trust.committeeAt(Long.MAX_VALUE);
    int held = committeeKeys(latest).size();
    if (held < latest.threshold()) {
      throw new IllegalStateException(
          "the coordinator holds "
              + held
              + " committee keys; milestones need "
              + latest.threshold());
    }
    issued =
        Counter.builder("tangle.consensus.coordinator.issued")
            .description("milestones issued")
            .register(registry);
    skipped =
        Counter.builder("tangle.consensus.coordinator.skipped")
            .description("ticks that issued no milestone")
            .register(registry);
    retried =
        Counter.builder("tangle.consensus.coordinator.retried")
            .description("tries of a tick again because the previous milestone was not confirmed")
            .register(registry);
    task = scheduler.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    attempt(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(interval - retryMillis));
  }

  /**
   * One try of a tick. If the previous milestone is not confirmed yet (its ingest and confirmation
   * took longer than the rest of the interval, as under a steady load), the tick is tried again
   * every {@code retryMillis} (an interval / 20, 5 to 50 ms) until the next tick is due, instead of
   * waiting for it: so a slow confirmation delays the next milestone by its own lateness, not by a
   * whole interval, which would add an interval to the latency of everything that milestone
   * confirms. A tick still issues at most one milestone; when confirmations are slower than the
   * interval, milestones follow each other as fast as they are confirmed.
   */
  private void attempt(long retryUntilNanos) {
    try {
      IssueOutcome outcome = issue();
      if (outcome instanceof IssueOutcome.NotIssued not) {
        if (not.code() == IssueOutcome.Code.PREVIOUS_NOT_CONFIRMED
            && System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(retryMillis) < retryUntilNanos
            && !closing) {
          retried.increment();
          scheduler.schedule(() -> attempt(retryUntilNanos), retryMillis, TimeUnit.MILLISECONDS);
          return;
        }
        skipped.increment();
        LOG.debug("No milestone this tick: {} {}", not.code(), not.detail());
      } else {
        issued.increment();
      }
    } catch (RuntimeException e) {
      // One failed tick must not cancel the schedule.
      LOG.error("The coordinator's tick failed", e);
    }
  }

  /** One tick: builds and submits the next milestone if it can. Waits for the submitter. */
  public IssueOutcome issue() {
    // Checked before the parents are chosen too, so a retried tick costs a read, not the walks.
    if (lastIssued.get() > commitments.confirmedIndex()) {
      return new IssueOutcome.NotIssued(
          IssueOutcome.Code.PREVIOUS_NOT_CONFIRMED,
          "milestone " + lastIssued.get() + " is issued but not confirmed yet");
    }
    List<TransactionId> chosen = new ArrayList<>(new TreeSet<>(parents.parents()));
    if (chosen.isEmpty()) {
      chosen.add(network.rootId());
    }
    if (chosen.size() > TransactionValidator.MAX_PARENTS) {
      chosen = chosen.subList(0, TransactionValidator.MAX_PARENTS);
    }
    MilestoneCommitments.Draft draft = commitments.next(chosen);
    if (draft instanceof MilestoneCommitments.Draft.NotReady notReady) {
      IssueOutcome.Code code =
          notReady.code() == MilestoneCommitments.Draft.Code.CONE_INCOMPLETE
              ? IssueOutcome.Code.CONE_INCOMPLETE
              : IssueOutcome.Code.PREVIOUS_NOT_CONFIRMED;
      return new IssueOutcome.NotIssued(code, notReady.detail());
    }
    Payload.Milestone next = ((MilestoneCommitments.Draft.Ready) draft).commitments();
    if (next.index() <= lastIssued.get()) {
      return new IssueOutcome.NotIssued(
          IssueOutcome.Code.PREVIOUS_NOT_CONFIRMED,
          "milestone " + lastIssued.get() + " is issued but not confirmed yet");
    }
    Committee committee = trust.committeeAt(next.index());
    List<Ed25519PrivateKey> signers = committeeKeys(committee);
    if (signers.size() < committee.threshold()) {
      return new IssueOutcome.NotIssued(
          IssueOutcome.Code.TOO_FEW_KEYS,
          "milestone "
              + next.index()
              + " needs "
              + committee.threshold()
              + " keys of its committee, the coordinator holds "
              + signers.size());
    }
    Ed25519PrivateKey issuer = signers.get(0);
    SignedTransaction signed =
        new TransactionBuilder(network.shortId())
            .parents(chosen)
            .issuer(issuer.publicKey())
            .timestampMs(clock.millis())
            .payload(
                new Payload.Milestone(
                    next.index(),
                    next.previous(),
                    next.confirmedRoot(),
                    next.historyRoot(),
                    next.historySize()))
            .build()
            .sign(issuer);
    for (Ed25519PrivateKey cosigner : signers.subList(1, signers.size())) {
      signed.cosign(cosigner);
    }
    Transaction milestone = signed.complete(nonce(signed.essenceDigest()));
    boolean accepted = submitter.submit(milestone).toCompletableFuture().join();
    if (!accepted) {
      return new IssueOutcome.NotIssued(
          IssueOutcome.Code.SUBMIT_REFUSED, "the node refused milestone " + next.index());
    }
    lastIssued.accumulateAndGet(next.index(), Math::max);
    LOG.info("Issued milestone {} ({})", next.index(), milestone.id());
    return new IssueOutcome.Issued(milestone, next);
  }

  private long nonce(byte[] digest) {
    int difficulty = network.genesis().powDifficulty();
    long nonce = 0;
    while (!ProofOfWork.meets(digest, nonce, difficulty)) {
      nonce++;
    }
    return nonce;
  }

  /** The held keys that belong to {@code committee}, each once, in the order given. */
  private List<Ed25519PrivateKey> committeeKeys(Committee committee) {
    List<Ed25519PrivateKey> held = new ArrayList<>();
    for (Ed25519PrivateKey key : keys) {
      if (committee.contains(key.publicKey()) && !held.contains(key)) {
        held.add(key);
      }
    }
    return held;
  }

  /** Cancels the schedule. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closing = true;
    if (task != null) {
      task.cancel(false);
    }
  }
}
