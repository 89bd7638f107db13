package org.tanglenode.consensus.tipselection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tanglenode.consensus.tipselection.TangleFixture.ROOT;
import static org.tanglenode.consensus.tipselection.TangleFixture.id;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.TransactionId;

class InMemoryTangleTest {

  private final TangleFixture dag = new TangleFixture();
  private final InMemoryTangle tangle = dag.tangle;

  @Test
  void theRootIsATipConfirmedByMilestoneZero() {
    assertThat(tangle.rootId()).isEqualTo(id(ROOT));
    assertThat(tangle.tips()).containsExactly(id(ROOT));
    assertThat(tangle.confirmingMilestone(id(ROOT))).hasValue(0);
    assertThat(tangle.latestMilestone()).isEqualTo(new MilestoneRef(0, id(ROOT)));
    assertThat(tangle.milestone(0)).contains(id(ROOT));
    assertThat(tangle.milestone(1)).isEmpty();
    assertThat(tangle.parents(id(ROOT))).isEmpty();
  }

  @Test
  void aNewTransactionIsATipAndItsParentsNoLonger() {
    dag.attach("a", ROOT);
    dag.attach("b", ROOT);
    dag.attach("c", "a", "b");
    dag.attach("d", "a");

    assertThat(tangle.tips()).containsExactly(id("c"), id("d"));
    assertThat(tangle.tipCount()).isEqualTo(2);
    assertThat(tangle.approvers(id("a"))).containsExactly(id("c"), id("d"));
    assertThat(tangle.approvers(id(ROOT))).containsExactly(id("a"), id("b"));
    assertThat(tangle.parents(id("c"))).containsExactly(id("a"), id("b"));
    assertThat(tangle.contains(id("c"))).isTrue();
    assertThat(tangle.contains(id("nope"))).isFalse();
    assertThat(tangle.size()).isEqualTo(5);
  }

  @Test
  void attachRefusesUnknownRepeatedOrMissingParentsAndDuplicates() {
    dag.attach("a", ROOT);

    assertThatThrownBy(() -> dag.attach("b", "nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown parent");
    assertThatThrownBy(() -> dag.attach("b", "a", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repeated parent");
    assertThatThrownBy(() -> tangle.attach(id("b"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dag.attach("a", ROOT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already attached");
    assertThat(tangle.tips()).containsExactly(id("a"));
  }

  @Test
  void questionsAboutUnknownTransactionsThrow() {
    TransactionId unknown = id("nope");
    assertThatThrownBy(() -> tangle.approvers(unknown))
        .isInstanceOf(UnknownTransactionException.class)
        .hasMessageContaining(unknown.toHex());
    assertThatThrownBy(() -> tangle.parents(unknown))
        .isInstanceOf(UnknownTransactionException.class);
    assertThatThrownBy(() -> tangle.coneRootIndexes(unknown))
        .isInstanceOf(UnknownTransactionException.class);
    assertThatThrownBy(() -> tangle.confirmingMilestone(unknown))
        .isInstanceOf(UnknownTransactionException.class);
  }

  @Test
  void aMilestoneConfirmsItsPastConeNotYetConfirmedWithTheNextIndex() {
    dag.attach("a", ROOT);
    dag.attach("b", ROOT);
    dag.attach("c", "a");
    List<TransactionId> first = tangle.confirmMilestone(id("c"));
    dag.attach("d", "c", "b");
    dag.attach("e", "d");
    List<TransactionId> second = tangle.confirmMilestone(id("e"));

    assertThat(first).containsExactly(id("a"), id("c"));
    assertThat(second).containsExactly(id("b"), id("d"), id("e"));
    assertThat(tangle.confirmingMilestone(id("a"))).hasValue(1);
    assertThat(tangle.confirmingMilestone(id("b"))).hasValue(2);
    assertThat(tangle.latestMilestone()).isEqualTo(new MilestoneRef(2, id("e")));
    assertThat(tangle.milestone(1)).contains(id("c"));
    assertThatThrownBy(() -> tangle.confirmMilestone(id("a")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void coneRootIndexesFollowConfirmation() {
    dag.attach("a", ROOT);
    dag.milestone("m1", "a");
    dag.attach("old", ROOT);
    dag.attach("x", "m1");
    dag.milestone("m2", "x");
    dag.attach("y", "m2", "old");
    dag.attach("z", "y");

    assertThat(tangle.coneRootIndexes(id("old"))).isEqualTo(new ConeRootIndexes(0, 0));
    assertThat(tangle.coneRootIndexes(id("m2"))).isEqualTo(ConeRootIndexes.confirmedAt(2));
    assertThat(tangle.coneRootIndexes(id("y"))).isEqualTo(new ConeRootIndexes(0, 2));
    assertThat(tangle.coneRootIndexes(id("z"))).isEqualTo(new ConeRootIndexes(0, 2));

    // A milestone that confirms y's old parent lifts the oldest cone root of y and z.
    dag.milestone("m3", "old");
    assertThat(tangle.coneRootIndexes(id("y"))).isEqualTo(new ConeRootIndexes(2, 3));
    assertThat(tangle.coneRootIndexes(id("z"))).isEqualTo(new ConeRootIndexes(2, 3));
    assertThat(tangle.confirmingMilestone(id("z"))).isEqualTo(OptionalInt.empty());
  }

  @Test
  void coneRootIndexesEqualARecomputationFromTheirDefinitionOnRandomDags() {
    for (long seed = 1; seed <= 5; seed++) {
      TangleFixture random = new TangleFixture();
      random.growRandom(new SplittableRandom(seed), 1500, 37);
      for (TransactionId id : random.attached()) {
        assertThat(random.tangle.coneRootIndexes(id))
            .as("seed %d, %s", seed, id)
            .isEqualTo(fromScratch(random.tangle, id));
      }
    }
  }

  /** The definition: the confirmed transactions met first in the past cone, min and max index. */
  private static ConeRootIndexes fromScratch(InMemoryTangle tangle, TransactionId id) {
    OptionalInt own = tangle.confirmingMilestone(id);
    if (own.isPresent()) {
      return ConeRootIndexes.confirmedAt(own.getAsInt());
    }
    int oldest = Integer.MAX_VALUE;
    int youngest = 0;
    Set<TransactionId> seen = new HashSet<>();
    ArrayDeque<TransactionId> stack = new ArrayDeque<>(tangle.parents(id));
    while (!stack.isEmpty()) {
      TransactionId next = stack.pop();
      if (!seen.add(next)) {
        continue;
      }
      OptionalInt index = tangle.confirmingMilestone(next);
      if (index.isPresent()) {
        oldest = Math.min(oldest, index.getAsInt());
        youngest = Math.max(youngest, index.getAsInt());
      } else {
        stack.addAll(tangle.parents(next));
      }
    }
    return new ConeRootIndexes(oldest, youngest);
  }
}
