package org.tanglenode.consensus.tipselection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanglenode.consensus.tipselection.TangleFixture.ROOT;
import static org.tanglenode.consensus.tipselection.TangleFixture.id;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.TransactionId;

class CumulativeWeightsTest {

  private final TangleFixture dag = new TangleFixture();

  @Test
  void weightIsOnePlusEveryDirectAndIndirectApprover() {
    CumulativeWeights weights = new CumulativeWeights(dag.tangle, 0);
    dag.listen(weights);
    dag.attach("a", ROOT);
    dag.attach("b", ROOT);
    dag.attach("c", "a", "b");
    dag.attach("d", "c", "a");
    dag.attach("e", "b");

    assertThat(weights.weight(id(ROOT))).isEqualTo(6);
    assertThat(weights.weight(id("a"))).isEqualTo(3);
    assertThat(weights.weight(id("b"))).isEqualTo(4);
    assertThat(weights.weight(id("c"))).isEqualTo(2);
    assertThat(weights.weight(id("d"))).isEqualTo(1);
  }

  @Test
  void incrementalWeightsEqualARecomputationFromScratchOnRandomDags() {
    for (int depth : new int[] {0, 1, 3}) {
      for (long seed = 1; seed <= 4; seed++) {
        TangleFixture random = new TangleFixture();
        CumulativeWeights weights = new CumulativeWeights(random.tangle, depth);
        random.listen(weights);
        SplittableRandom generator = new SplittableRandom(seed);
        for (int round = 0; round < 8; round++) {
          random.growRandom(generator, 150, 40);
          assertWindowExact(random.tangle, weights, "depth " + depth + " seed " + seed);
          // A fresh instance builds its window from the view and must agree too.
          assertWindowExact(random.tangle, new CumulativeWeights(random.tangle, depth), "rebuilt");
        }
      }
    }
  }

  @Test
  void theWindowStartsDepthMilestonesBelowTheLatestAndForgetsWhatCameBefore() {
    CumulativeWeights weights = new CumulativeWeights(dag.tangle, 1);
    dag.listen(weights);
    dag.attach("a", ROOT);
    assertThat(weights.start()).isEqualTo(id(ROOT));
    dag.milestone("m1", "a");
    assertThat(weights.start()).isEqualTo(id(ROOT));
    dag.attach("b", "m1");
    dag.milestone("m2", "b");
    assertThat(weights.start()).isEqualTo(id("m1"));
    dag.attach("c", "m2");

    // m1, b, m2, c: "a" and the root were attached before the start and are gone.
    assertThat(weights.windowSize()).isEqualTo(4);
    assertThat(weights.weight(id("m1"))).isEqualTo(4);
    assertThat(weights.weight(id("a"))).isEqualTo(1);
    assertThat(weights.rebuilds()).isEqualTo(1);
  }

  @Test
  void aStartOutsideTheWindowIsRebuiltFromTheView() {
    CumulativeWeights weights = new CumulativeWeights(dag.tangle, 0);
    dag.listen(weights);
    dag.attach("a", ROOT);
    dag.milestone("m1", "a");
    dag.attach("x", "m1");
    dag.attach("y", "x");
    dag.attach("other", ROOT);
    // m2 does not approve m1: it was never in m1's window.
    dag.milestone("m2", "other");
    dag.attach("z", "m2", "y");

    assertThat(weights.start()).isEqualTo(id("m2"));
    assertThat(weights.rebuilds()).isEqualTo(2);
    assertThat(weights.weight(id("m2"))).isEqualTo(2);
    assertThat(weights.weight(id("z"))).isEqualTo(1);
  }

  private static void assertWindowExact(
      InMemoryTangle tangle, CumulativeWeights weights, String description) {
    TransactionId start = weights.start();
    Set<TransactionId> cone = futureCone(tangle, start);
    for (TransactionId id : cone) {
      int fromScratch = futureCone(tangle, id).size();
      assertThat(weights.weight(id)).as("%s, %s", description, id).isEqualTo(fromScratch);
    }
  }

  /** The transaction and every transaction approving it directly or indirectly. */
  private static Set<TransactionId> futureCone(InMemoryTangle tangle, TransactionId id) {
    Set<TransactionId> cone = new HashSet<>();
    ArrayDeque<TransactionId> queue = new ArrayDeque<>();
    cone.add(id);
    queue.add(id);
    while (!queue.isEmpty()) {
      for (TransactionId approver : tangle.approvers(queue.poll())) {
        if (cone.add(approver)) {
          queue.add(approver);
        }
      }
    }
    return cone;
  }
}
