package org.tanglenode.consensus.tipselection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanglenode.consensus.tipselection.TangleFixture.ROOT;
import static org.tanglenode.consensus.tipselection.TangleFixture.id;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.TransactionId;

class MilestoneParentsTest {

  private static final TransactionId ROOT_ID = id(ROOT);

  private final MapSolidDag dag = new MapSolidDag(ROOT_ID);
  private final SolidTipPool pool =
      new SolidTipPool(dag, TipPoolConfig.DEFAULT, new SplittableRandom(3));
  private int milestones;

  private TransactionId add(String name, TransactionId... parents) {
    TransactionId tx = id(name);
    dag.store(tx, List.of(parents));
    dag.markSolid(tx);
    pool.solid(List.of(tx));
    return tx;
  }

  /** Issues a milestone on {@code parents} as the coordinator would and confirms its cone. */
  private Set<TransactionId> confirm(List<TransactionId> parents) {
    Set<TransactionId> cone = new HashSet<>();
    ArrayDeque<TransactionId> queue = new ArrayDeque<>(parents);
    while (!queue.isEmpty()) {
      TransactionId id = queue.poll();
      if (!dag.isConfirmed(id) && cone.add(id)) {
        queue.addAll(dag.parents(id).orElse(List.of()));
      }
    }
    TransactionId milestone =
        add("milestone-" + ++milestones, parents.toArray(TransactionId[]::new));
    cone.forEach(dag::confirm);
    dag.confirm(milestone);
    dag.setLatest(new MilestoneRef(milestones, milestone));
    return cone;
  }

  /** Confirms a milestone already stored (and its cone) as the latest. */
  private void confirmSolely(TransactionId milestone, List<TransactionId> parents) {
    ArrayDeque<TransactionId> queue = new ArrayDeque<>(parents);
    while (!queue.isEmpty()) {
      TransactionId id = queue.poll();
      if (!dag.isConfirmed(id)) {
        dag.confirm(id);
        queue.addAll(dag.parents(id).orElse(List.of()));
      }
    }
    dag.confirm(milestone);
    dag.setLatest(new MilestoneRef(++milestones, milestone));
  }

  @Test
  void aBacklogLargerThanTheBoundDrainsOldestPartFirstOverSeveralMilestones() {
    List<TransactionId> chain = new ArrayList<>();
    TransactionId previous = add("chain-0", ROOT_ID);
    chain.add(previous);
    for (int i = 1; i < 100; i++) {
      TransactionId next = add("chain-" + i, previous, i >= 2 ? chain.get(i - 2) : ROOT_ID);
      chain.add(next);
      previous = next;
    }
    MilestoneParents parents = new MilestoneParents(pool, dag, 30);

    List<Integer> sizes = new ArrayList<>();
    while (!dag.isConfirmed(chain.get(99))) {
      List<TransactionId> chosen = parents.parents();
      List<TransactionId> unconfirmed = chosen.stream().filter(p -> !dag.isConfirmed(p)).toList();
      assertThat(unconfirmed).isNotEmpty();
      assertThat(chosen).hasSize(unconfirmed.size() + (milestones == 0 ? 0 : 1));
      sizes.add(confirm(chosen).size());
      assertThat(sizes).hasSizeLessThanOrEqualTo(4);
    }

    assertThat(sizes).containsExactly(30, 30, 30, 10);
    assertThat(pool.snapshot()).containsExactly(id("milestone-4"));
  }

  @Test
  void neverAConfirmedTipAndTheLatestMilestoneWhenNothingIsUnconfirmed() {
    MilestoneParents parents = new MilestoneParents(pool, dag, 1_000);
    assertThat(parents.parents())
        .as("nothing stored yet: the coordinator takes the root")
        .isEmpty();
    TransactionId a = add("a", ROOT_ID);
    confirm(parents.parents());
    assertThat(dag.isConfirmed(a)).isTrue();
    assertThat(pool.snapshot()).containsExactly(id("milestone-1"));

    assertThat(parents.parents()).containsExactly(id("milestone-1"));

    TransactionId b = add("b", ROOT_ID);
    assertThat(parents.parents()).containsExactlyInAnyOrder(b, id("milestone-1"));
    TransactionId c = add("c", id("milestone-1"));
    assertThat(parents.parents())
        .as("the milestone has a child: no longer a tip")
        .containsExactlyInAnyOrder(b, c);
  }

  @Test
  void prefersTheTipsThatConfirmTheMostAndAlwaysTheOldest() {
    TransactionId oldest = add("old", ROOT_ID);
    // 20 small tips, then 8 tips with a cone of 5 each.
    for (int i = 0; i < 20; i++) {
      add("small-" + i, ROOT_ID);
    }
    List<TransactionId> big = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      TransactionId at = add("big-" + i + "-0", ROOT_ID);
      for (int k = 1; k < 5; k++) {
        at = add("big-" + i + "-" + k, at);
      }
      big.add(at);
    }
    MilestoneParents parents = new MilestoneParents(pool, dag, 1_000);

    // 7 of the 8 big tips are in each draw with high probability only if sampled; the pool's
    // oldest 8 are small ones, so look at what a choice holds over many draws.
    int bigChosen = 0;
    for (int draw = 0; draw < 50; draw++) {
      List<TransactionId> chosen = parents.parents();
      assertThat(chosen).hasSize(8).contains(oldest);
      bigChosen += (int) chosen.stream().filter(big::contains).count();
    }
    // 24 of 28 other tips are sampled per draw; a big one sampled always outranks a small one.
    assertThat(bigChosen).isGreaterThan(50 * 6);
  }

  @Test
  void whileThePreviousMilestoneIsBeingConfirmedItsConeIsNotChosenAgain() {
    List<TransactionId> chain = new ArrayList<>();
    TransactionId at = add("chain-0", ROOT_ID);
    chain.add(at);
    for (int i = 1; i < 50; i++) {
      at = add("chain-" + i, at);
      chain.add(at);
    }
    MilestoneParents parents = new MilestoneParents(pool, dag, 20);
    List<TransactionId> first = parents.parents();
    assertThat(first).containsExactly(chain.get(19));
    TransactionId pending = add("pending", first.toArray(TransactionId[]::new));
    dag.setPending(Optional.of(pending));

    List<TransactionId> whilePending = parents.parents();
    assertThat(whilePending).containsExactlyInAnyOrder(pending, chain.get(39));
    add("late", chain.get(49));
    assertThat(parents.parents()).as("walked once per pending milestone").isEqualTo(whilePending);

    dag.setPending(Optional.empty());
    confirmSolely(pending, first);
    assertThat(parents.parents()).containsExactlyInAnyOrder(pending, chain.get(39));
  }

  @Test
  void theBoundHoldsAcrossSeveralParents() {
    for (int i = 0; i < 10; i++) {
      TransactionId at = add("c-" + i + "-0", ROOT_ID);
      for (int k = 1; k < 10; k++) {
        at = add("c-" + i + "-" + k, at);
      }
    }
    MilestoneParents parents = new MilestoneParents(pool, dag, 35);

    Set<TransactionId> cone = confirm(parents.parents());

    assertThat(cone).hasSize(30);
  }
}
