package org.tanglenode.consensus.simulation;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.tanglenode.consensus.tipselection.InMemoryTangle;
import org.tanglenode.consensus.tipselection.TipSelection;
import org.tanglenode.consensus.tipselection.TipSelector;
import org.tanglenode.protocol.TransactionId;

/**
 * A discrete-event simulation of the Tangle with the real tip selectors.
 *
 * <p>Two kinds of event, processed in time order: an <em>issue</em> (arrivals form a Poisson
 * process of rate lambda: exponential gaps) and a <em>reveal</em>, {@code delay} seconds later. At
 * its issue a transaction asks the selector for its parents over the {@link InMemoryTangle} of the
 * transactions revealed so far; at its reveal it is attached to that tangle (a milestone then
 * confirms its past cone) and the selector hears of it. So a transaction's parents are chosen among
 * the tips visible to it, and a tip stays visible as a tip until its first approver is revealed,
 * exactly the model of the whitepaper and of Kusmierz et al.
 *
 * <p>Figures are computed at the end from per-transaction times: a transaction is a visible tip
 * from its reveal ({@code issue + h}) to the reveal of its first approver ({@code first approver's
 * issue + h}, reveals being in issue order), so the time-averaged tip count is the summed overlap
 * of these intervals with the measured time divided by its length: exact, not sampled.
 *
 * <p>Deterministic: ids, arrival times and the selector's randomness come from one seeded {@link
 * SplittableRandom}, split into three streams. A {@code Simulation} runs once.
 */
public final class Simulation {

  private final SimulationConfig config;
  private final InMemoryTangle tangle;
  private final TipSelector selector;
  private final RandomGenerator arrivals;
  private final RandomGenerator ids;

  private final Map<TransactionId, Integer> sequenceOf = new HashMap<>();
  private TransactionId[] idOf = new TransactionId[1024];
  private double[] issuedAt = new double[1024];
  private double[] firstApprovedAt = new double[1024];
  private double[] confirmedAt = new double[1024];
  private int issued;
  private boolean ran;

  private Simulation(
      SimulationConfig config,
      InMemoryTangle tangle,
      TipSelector selector,
      RandomGenerator arrivals,
      RandomGenerator ids) {
    this.config = config;
    this.tangle = tangle;
    this.selector = selector;
    this.arrivals = arrivals;
    this.ids = ids;
  }

  /** A simulation of {@code config}, ready to {@link #run()}. */
  public static Simulation of(SimulationConfig config) {
    Objects.requireNonNull(config, "config");
    SplittableRandom seeded = new SplittableRandom(config.seed());
    RandomGenerator ids = seeded.split();
    RandomGenerator arrivals = seeded.split();
    RandomGenerator selection = seeded.split();
    InMemoryTangle tangle = new InMemoryTangle(newId(ids));
    return new Simulation(
        config, tangle, config.selector().create(tangle, selection), arrivals, ids);
  }

  /**
   * Runs the simulation to its end and returns its figures.
   *
   * @throws IllegalStateException on a second call
   */
  public SimulationReport run() {
    if (ran) {
      throw new IllegalStateException("a simulation runs once");
    }
    ran = true;
    double h = config.delay();
    double end = config.duration();
    double interval = config.milestoneInterval();
    double nextMilestone = interval > 0 ? interval : Double.POSITIVE_INFINITY;
    double nextIssue = exponential();
    ArrayDeque<Pending> pending = new ArrayDeque<>();
    long milestones = 0;
    long fewer = 0;
    long fallbacks = 0;

    while (true) {
      double revealAt = pending.isEmpty() ? Double.POSITIVE_INFINITY : pending.peek().revealAt;
      if (revealAt <= nextIssue) {
        if (revealAt > end) {
          break;
        }
        reveal(pending.poll());
      } else {
        if (nextIssue > end) {
          break;
        }
        double now = nextIssue;
        TipSelection selection = selector.select(config.parents());
        switch (selection.outcome()) {
          case FEWER_TIPS -> fewer++;
          case FALLBACK_TO_MILESTONE -> fallbacks++;
          case TIPS -> {}
        }
        boolean milestone = now >= nextMilestone;
        if (milestone) {
          milestones++;
          while (nextMilestone <= now) {
            nextMilestone += interval;
          }
        }
        int sequence = issue(now, selection.parents());
        pending.add(new Pending(sequence, selection.parents(), milestone, now + h));
        nextIssue = now + exponential();
      }
    }
    return report(milestones, fewer, fallbacks);
  }

  /** The tangle as the run left it: every transaction revealed by the end. */
  public InMemoryTangle tangle() {
    return tangle;
  }

  /** The selector the run used, with the state the run left it in. */
  public TipSelector selector() {
    return selector;
  }

  private record Pending(
      int sequence, List<TransactionId> parents, boolean milestone, double revealAt) {}

  private int issue(double now, List<TransactionId> parents) {
    int sequence = issued++;
    if (sequence == idOf.length) {
      int grown = sequence * 2;
      idOf = Arrays.copyOf(idOf, grown);
      issuedAt = Arrays.copyOf(issuedAt, grown);
      firstApprovedAt = Arrays.copyOf(firstApprovedAt, grown);
      confirmedAt = Arrays.copyOf(confirmedAt, grown);
    }
    TransactionId id = newId(ids);
    idOf[sequence] = id;
    issuedAt[sequence] = now;
    firstApprovedAt[sequence] = Double.POSITIVE_INFINITY;
    confirmedAt[sequence] = Double.POSITIVE_INFINITY;
    sequenceOf.put(id, sequence);
    for (TransactionId parent : parents) {
      Integer approved = sequenceOf.get(parent);
      if (approved != null && firstApprovedAt[approved] == Double.POSITIVE_INFINITY) {
        firstApprovedAt[approved] = now;
      }
    }
    return sequence;
  }

  private void reveal(Pending transaction) {
    TransactionId id = idOf[transaction.sequence()];
    tangle.attach(id, transaction.parents());
    if (transaction.milestone()) {
      for (TransactionId confirmed : tangle.confirmMilestone(id)) {
        Integer sequence = sequenceOf.get(confirmed);
        if (sequence != null) {
          confirmedAt[sequence] = transaction.revealAt();
        }
      }
    }
    selector.onAttached(id, transaction.parents());
  }

  private SimulationReport report(long milestones, long fewer, long fallbacks) {
    double h = config.delay();
    double from = config.warmup();
    double to = config.warmup() + config.measure();
    double tipTime = 0;
    double leftBehindTipTime = 0;
    long measured = 0;
    long leftBehind = 0;
    long approved = 0;
    double approvalTime = 0;
    long confirmed = 0;
    double confirmationTime = 0;
    for (int i = 0; i < issued; i++) {
      double overlap =
          Math.max(0, Math.min(to, firstApprovedAt[i] + h) - Math.max(from, issuedAt[i] + h));
      tipTime += overlap;
      boolean behind = firstApprovedAt[i] == Double.POSITIVE_INFINITY;
      if (behind) {
        leftBehindTipTime += overlap;
      }
      if (issuedAt[i] >= from && issuedAt[i] < to) {
        measured++;
        if (behind) {
          leftBehind++;
        } else {
          approved++;
          approvalTime += firstApprovedAt[i] - issuedAt[i];
        }
        if (confirmedAt[i] != Double.POSITIVE_INFINITY) {
          confirmed++;
          confirmationTime += confirmedAt[i] - issuedAt[i];
        }
      }
    }
    double length = to - from;
    return new SimulationReport(
        config,
        issued,
        measured,
        tipTime / length,
        (tipTime - leftBehindTipTime) / length,
        measured == 0 ? 0 : (double) leftBehind / measured,
        approved == 0 ? Double.NaN : approvalTime / approved,
        measured == 0 ? 0 : (double) confirmed / measured,
        confirmed == 0 ? Double.NaN : confirmationTime / confirmed,
        milestones,
        fewer,
        fallbacks);
  }

  private double exponential() {
    return -Math.log(1 - arrivals.nextDouble()) / config.lambda();
  }

  private static TransactionId newId(RandomGenerator random) {
    byte[] bytes = new byte[TransactionId.SIZE];
    random.nextBytes(bytes);
    return new TransactionId(bytes);
  }
}
