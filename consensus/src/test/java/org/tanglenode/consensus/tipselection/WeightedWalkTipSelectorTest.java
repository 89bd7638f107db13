package org.tanglenode.consensus.tipselection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tanglenode.consensus.tipselection.TangleFixture.ROOT;
import static org.tanglenode.consensus.tipselection.TangleFixture.id;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.TransactionId;

class WeightedWalkTipSelectorTest {

  private static final int WALKS = 20_000;

  private final TangleFixture dag = new TangleFixture();

  private WeightedWalkTipSelector selector(double alpha, int startDepth, long seed) {
    WeightedWalkTipSelector selector =
        WeightedWalkTipSelector.over(dag.tangle, alpha, startDepth, new SplittableRandom(seed));
    dag.listen(selector);
    return selector;
  }

  /**
   * The root has three approvers: "heavy" (weight 6: five tips approve it), "b" and "c" (tips).
   * Returns how often each of them starts the path of a walk, per walk.
   */
  private Map<String, Double> firstSteps(WeightedWalkTipSelector selector) {
    dag.attach("heavy", ROOT);
    dag.attach("b", ROOT);
    dag.attach("c", ROOT);
    for (int i = 0; i < 5; i++) {
      dag.attach("h" + i, "heavy");
    }
    Map<String, Double> shares = new HashMap<>();
    for (int i = 0; i < WALKS; i++) {
      String end = dag.name(selector.walk(dag.tangle.rootId()));
      shares.merge(end.startsWith("h") ? "heavy" : end, 1.0 / WALKS, Double::sum);
    }
    return shares;
  }

  @Test
  void alphaZeroStepsToEveryApproverEquallyWhateverItsWeight() {
    Map<String, Double> shares = firstSteps(selector(0, 0, 1));

    // 20,000 walks: the standard deviation of a share of 1/3 is 0.0033.
    assertThat(shares.get("heavy")).isCloseTo(1.0 / 3, within(0.015));
    assertThat(shares.get("b")).isCloseTo(1.0 / 3, within(0.015));
    assertThat(shares.get("c")).isCloseTo(1.0 / 3, within(0.015));
  }

  @Test
  void stepsWithProbabilityProportionalToExpOfAlphaTimesTheWeight() {
    double alpha = 0.3;
    Map<String, Double> shares = firstSteps(selector(alpha, 0, 2));

    // Weights 6, 1 and 1: the heavy approver has exp(5 alpha) / (exp(5 alpha) + 2).
    double heavy = Math.exp(5 * alpha) / (Math.exp(5 * alpha) + 2);
    assertThat(shares.get("heavy")).isCloseTo(heavy, within(0.015));
    assertThat(shares.get("b")).isCloseTo((1 - heavy) / 2, within(0.015));
  }

  @Test
  void aLargeAlphaFollowsTheHeaviestBranch() {
    Map<String, Double> shares = firstSteps(selector(20, 0, 3));

    assertThat(shares).containsOnlyKeys("heavy");
  }

  @Test
  void aLargeAlphaFollowsTheHeaviestBranchOfARandomDagToItsHeaviestTips() {
    WeightedWalkTipSelector selector = selector(50, 0, 4);
    dag.growRandom(new SplittableRandom(5), 400, 0);
    CumulativeWeights weights = new CumulativeWeights(dag.tangle, 0);

    for (int i = 0; i < 50; i++) {
      TransactionId at = dag.tangle.rootId();
      TransactionId end = selector.walk(at);
      // Follow the heaviest approver deterministically (ties allowed): the walk must match
      // one of the heaviest paths, so its end is a tip reachable through maximal weights only.
      assertThat(isOnAHeaviestPath(weights, at, end)).isTrue();
    }
  }

  private boolean isOnAHeaviestPath(
      CumulativeWeights weights, TransactionId from, TransactionId end) {
    if (from.equals(end)) {
      return true;
    }
    List<TransactionId> approvers = dag.tangle.approvers(from);
    int heaviest = approvers.stream().mapToInt(weights::weight).max().orElse(0);
    for (TransactionId approver : approvers) {
      if (weights.weight(approver) == heaviest && isOnAHeaviestPath(weights, approver, end)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void selectsDistinctSortedTipsFromTheWindowAsTheDagGrows() {
    WeightedWalkTipSelector selector = selector(0.1, 2, 6);
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 100; round++) {
      dag.growRandom(random, 20, 25);
      int count = 1 + random.nextInt(8);

      TipSelection selection = selector.select(count);

      assertThat(selection.parents()).doesNotHaveDuplicates().isSorted().hasSizeBetween(1, count);
      assertThat(dag.tangle.tips()).containsAll(selection.parents());
      assertThat(selection.outcome())
          .isEqualTo(
              selection.parents().size() == count
                  ? TipSelection.Outcome.TIPS
                  : TipSelection.Outcome.FEWER_TIPS);
    }
  }

  @Test
  void walksStartAtTheMilestoneStartDepthBelowTheLatest() {
    WeightedWalkTipSelector selector = selector(0, 1, 8);
    dag.attach("a", ROOT);
    dag.milestone("m1", "a");
    dag.attach("left-behind", "a");
    dag.attach("b", "m1");
    dag.milestone("m2", "b");
    dag.attach("c", "m2");

    // Walks start at m1 now: "left-behind" approves "a" only and is out of reach.
    for (int i = 0; i < 50; i++) {
      assertThat(selector.select(2).parents()).containsExactly(id("c"));
    }
    // m1, b, m2, c and "left-behind", attached after m1 while "a" was still in the window.
    assertThat(selector.windowSize()).isEqualTo(5);
  }
}
