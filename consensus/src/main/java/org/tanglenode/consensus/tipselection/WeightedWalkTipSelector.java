package org.tanglenode.consensus.tipselection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.tanglenode.protocol.TransactionId;

/**
 * The weighted random walk of the Tangle whitepaper (Popov, "The Tangle", section 4.1), an option
 * to {@link UniformRandomTipSelector}.
 *
 * <p>A walk starts at the milestone {@code startDepth} milestones below the latest (the root while
 * there are fewer) and, until it stands on a tip, steps from x to one of x's approvers y with
 * probability proportional to {@code exp(alpha * (H(y) - H(x)))}, where H is the cumulative weight
 * kept by {@link CumulativeWeights}. {@code alpha = 0} is the unbiased walk (each approver equally
 * likely); a large alpha follows the heaviest branch. Each parent is the end of one walk; walks
 * ending on a tip already chosen are repeated, at most {@value #WALKS_PER_PARENT} walks per parent
 * asked for, so a selection may return fewer parents than asked.
 *
 * <p>Cost of a selection: the walks' lengths (about the number of generations above the start)
 * times the approvers per step, each a view read and a weight lookup. Cost of an attachment: see
 * {@link CumulativeWeights}. Thread-safe: selection and attachment are synchronized on this object.
 */
public final class WeightedWalkTipSelector implements TipSelector {

  /** The default alpha. */
  public static final double DEFAULT_ALPHA = 0.001;

  /** The default start depth, in milestones below the latest. */
  public static final int DEFAULT_START_DEPTH = 5;

  /** At most this many walks are made per parent asked for. */
  public static final int WALKS_PER_PARENT = 4;

  private final WalkView view;
  private final CumulativeWeights weights;
  private final double alpha;
  private final RandomGenerator random;

  public WeightedWalkTipSelector(
      WalkView view, CumulativeWeights weights, double alpha, RandomGenerator random) {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha is a finite number >= 0, got " + alpha);
    }
    this.view = Objects.requireNonNull(view, "view");
    this.weights = Objects.requireNonNull(weights, "weights");
    this.alpha = alpha;
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A selector with its own weights, starting walks {@code startDepth} milestones deep. */
  public static WeightedWalkTipSelector over(
      TangleView view, double alpha, int startDepth, RandomGenerator random) {
    return new WeightedWalkTipSelector(
        view, new CumulativeWeights(view, startDepth), alpha, random);
  }

  @Override
  public synchronized TipSelection select(int count) {
    TipSelection.checkCount(count);
    TransactionId start = weights.start();
    Set<TransactionId> chosen = new LinkedHashSet<>();
    for (int walks = 0; chosen.size() < count && walks < count * WALKS_PER_PARENT; walks++) {
      chosen.add(walk(start));
    }
    return TipSelection.of(new ArrayList<>(chosen), count);
  }

  /** One walk from {@code start} to a tip. */
  synchronized TransactionId walk(TransactionId start) {
    return walk(start, Long.MAX_VALUE).orElseThrow();
  }

  /** The transaction walks start from now (a milestone or the root). */
  public synchronized TransactionId start() {
    return weights.start();
  }

  /**
   * One walk from {@code start} to a tip, or empty if it has not reached one after {@code maxSteps}
   * steps (each step reads the approvers of one transaction, a storage read on a node).
   */
  public synchronized Optional<TransactionId> walk(TransactionId start, long maxSteps) {
    TransactionId at = start;
    double[] chances = new double[TipSelection.MAX_PARENTS];
    for (long step = 0; ; step++) {
      List<TransactionId> approvers = view.approvers(at);
      int n = approvers.size();
      if (n == 0) {
        return Optional.of(at);
      }
      if (step == maxSteps) {
        return Optional.empty();
      }
      if (n == 1) {
        at = approvers.get(0);
      } else if (alpha == 0) {
        at = approvers.get(random.nextInt(n));
      } else {
        if (chances.length < n) {
          chances = new double[n];
        }
        int heaviest = 0;
        for (int i = 0; i < n; i++) {
          int weight = weights.weight(approvers.get(i));
          chances[i] = weight;
          heaviest = Math.max(heaviest, weight);
        }
        // exp(alpha (H(y) - H(x))) is proportional to exp(alpha (H(y) - max H)), which cannot
        // overflow and gives the heaviest approver 1.
        double total = 0;
        for (int i = 0; i < n; i++) {
          chances[i] = Math.exp(alpha * (chances[i] - heaviest));
          total += chances[i];
        }
        double pick = random.nextDouble() * total;
        int chosen = n - 1;
        for (int i = 0; i < n - 1; i++) {
          pick -= chances[i];
          if (pick < 0) {
            chosen = i;
            break;
          }
        }
        at = approvers.get(chosen);
      }
    }
  }

  @Override
  public synchronized void onAttached(TransactionId id, List<TransactionId> parents) {
    weights.onAttached(id, parents);
  }

  /** The number of transactions in the walk window. */
  public synchronized int windowSize() {
    return weights.windowSize();
  }

  public double alpha() {
    return alpha;
  }
}
