package org.tanglenode.consensus.tipselection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tanglenode.consensus.tipselection.TangleFixture.ROOT;
import static org.tanglenode.consensus.tipselection.TangleFixture.id;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.TransactionId;

class UniformRandomTipSelectorTest {

  private final TangleFixture dag = new TangleFixture();

  private UniformRandomTipSelector selector(int maxDepth, long seed) {
    UniformRandomTipSelector selector =
        UniformRandomTipSelector.over(dag.tangle, maxDepth, new SplittableRandom(seed));
    dag.listen(selector);
    return selector;
  }

  @Test
  void selectsDistinctSortedTipsOfTheViewAsTheDagGrows() {
    // No depth limit here: random DAGs attach to old transactions, and this is about the pool.
    UniformRandomTipSelector selector = selector(Integer.MAX_VALUE, 1);
    SplittableRandom random = new SplittableRandom(2);
    for (int round = 0; round < 200; round++) {
      dag.growRandom(random, 10, 25);
      int count = 1 + random.nextInt(8);

      TipSelection selection = selector.select(count);

      List<TransactionId> parents = selection.parents();
      assertThat(parents).doesNotHaveDuplicates().isSorted();
      assertThat(dag.tangle.tips()).containsAll(parents);
      int tips = dag.tangle.tipCount();
      assertThat(parents).hasSize(Math.min(count, tips));
      assertThat(selection.outcome())
          .isEqualTo(count <= tips ? TipSelection.Outcome.TIPS : TipSelection.Outcome.FEWER_TIPS);
      assertThat(selector.poolSize()).isEqualTo(tips);
    }
  }

  @Test
  void anApprovedTipIsNeverSelectedAgain() {
    UniformRandomTipSelector selector = selector(15, 3);
    dag.attach("a", ROOT);
    dag.attach("b", ROOT);
    dag.attach("c", ROOT);
    dag.attach("d", "b");

    for (int i = 0; i < 100; i++) {
      assertThat(selector.select(3).parents())
          .containsExactlyInAnyOrderElementsOf(List.of(id("a"), id("c"), id("d")));
    }
  }

  @Test
  void returnsAllTipsWhenFewerExistThanAskedFor() {
    UniformRandomTipSelector selector = selector(15, 4);
    dag.attach("a", ROOT);
    dag.attach("b", ROOT);

    TipSelection selection = selector.select(8);

    assertThat(selection.outcome()).isEqualTo(TipSelection.Outcome.FEWER_TIPS);
    assertThat(selection.parents())
        .containsExactlyElementsOf(List.of(id("a"), id("b")).stream().sorted().toList());
  }

  @Test
  void lazyTipsAreNeverChosen() {
    UniformRandomTipSelector selector = selector(2, 5);
    dag.attach("lazy", ROOT); // its past cone ends at the root, milestone 0
    dag.attach("old", ROOT);
    dag.milestone("m1", ROOT);
    dag.milestone("m2", "m1");
    dag.attach("fresh", "m2");
    dag.attach("semi", "m2", "old"); // oldest cone root 0: lazy too, from m3 on
    // At latest 2 and max depth 2, a cone reaching back to 0 is still allowed.
    assertThat(selector.select(3).parents()).contains(id("lazy"), id("semi"));

    dag.milestone("m3", "fresh");
    dag.attach("fresh2", "m3");
    for (int i = 0; i < 200; i++) {
      List<TransactionId> parents = selector.select(3).parents();
      assertThat(parents).doesNotContain(id("lazy"), id("semi"));
      assertThat(parents).contains(id("fresh2"));
    }
    assertThat(selector.evictedLazyTips()).isEqualTo(2);
    assertThat(dag.tangle.tips()).contains(id("lazy"), id("semi"));
  }

  @Test
  void fallsBackToTheLatestMilestoneWhenEveryTipIsLazy() {
    UniformRandomTipSelector selector = selector(0, 6);
    dag.attach("old", ROOT);
    dag.milestone("m1", ROOT);
    dag.attach("y", "m1", "old"); // the only tip; its cone reaches back to milestone 0

    TipSelection selection = selector.select(2);

    assertThat(selection.outcome()).isEqualTo(TipSelection.Outcome.FALLBACK_TO_MILESTONE);
    assertThat(selection.parents()).containsExactly(id("m1"));
    assertThat(selector.poolSize()).isZero();
  }

  @Test
  void eachTipIsEquallyLikely() {
    UniformRandomTipSelector selector = selector(15, 7);
    int tips = 10;
    for (int i = 0; i < tips; i++) {
      dag.attach("t" + i, ROOT);
    }
    int draws = 20_000;
    Map<TransactionId, Integer> counts = new HashMap<>();
    for (int i = 0; i < draws; i++) {
      counts.merge(selector.select(1).parents().get(0), 1, Integer::sum);
    }
    double expected = (double) draws / tips;
    double chiSquare = 0;
    for (int i = 0; i < tips; i++) {
      double observed = counts.getOrDefault(id("t" + i), 0);
      chiSquare += (observed - expected) * (observed - expected) / expected;
    }
    // 27.9 is the 99.9 % quantile of chi-square with 9 degrees of freedom.
    assertThat(chiSquare).isLessThan(27.9);
  }

  @Test
  void refusesParentCountsOutsideOneToEight() {
    UniformRandomTipSelector selector = selector(15, 8);
    assertThatThrownBy(() -> selector.select(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> selector.select(9)).isInstanceOf(IllegalArgumentException.class);
  }
}
