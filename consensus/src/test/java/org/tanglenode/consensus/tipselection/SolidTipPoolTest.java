package org.tanglenode.consensus.tipselection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanglenode.consensus.tipselection.TangleFixture.ROOT;
import static org.tanglenode.consensus.tipselection.TangleFixture.id;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.TransactionId;

class SolidTipPoolTest {

  private static final TransactionId ROOT_ID = id(ROOT);

  private record Tx(TransactionId id, List<TransactionId> parents) {}

  private enum Order {
    IN_ORDER,
    REVERSED,
    RANDOM,
    FIRST_LAST
  }

  /** Transaction i approves 1 to 3 distinct earlier ones (or the root), mostly recent ones. */
  private static List<Tx> randomDag(SplittableRandom random, int size) {
    List<Tx> txs = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int count = 1 + random.nextInt(3);
      Set<TransactionId> parents = new HashSet<>();
      for (int p = 0; p < count; p++) {
        int back = random.nextInt(100) < 80 ? 1 + random.nextInt(5) : 1 + random.nextInt(i + 1);
        parents.add(i - back < 0 ? ROOT_ID : txs.get(i - back).id());
      }
      txs.add(new Tx(id("tx-" + size + "-" + i + "-" + random.nextLong()), List.copyOf(parents)));
    }
    return txs;
  }

  private static List<Tx> arrival(List<Tx> dag, Order order, SplittableRandom random) {
    List<Tx> out = new ArrayList<>(dag);
    switch (order) {
      case IN_ORDER -> {}
      case REVERSED -> Collections.reverse(out);
      case RANDOM -> Collections.shuffle(out, new java.util.Random(random.nextLong()));
      case FIRST_LAST -> out.add(out.remove(0));
    }
    return out;
  }

  /**
   * What the solidifier does, in memory: stores each arrival, and when it completes a past cone
   * yields the batch of transactions that became solid (shuffled, to be harsher than the
   * solidifier's parents-first order).
   */
  private static final class Solidity {
    private final Set<TransactionId> solid = new HashSet<>(Set.of(ROOT_ID));
    private final Map<TransactionId, List<Tx>> waitingOn = new HashMap<>();
    private final SplittableRandom random;

    Solidity(SplittableRandom random) {
      this.random = random;
    }

    List<TransactionId> arrive(MapSolidDag dag, Tx tx) {
      dag.store(tx.id(), tx.parents());
      List<TransactionId> batch = new ArrayList<>();
      List<Tx> work = new ArrayList<>(List.of(tx));
      while (!work.isEmpty()) {
        Tx next = work.remove(work.size() - 1);
        if (solid.contains(next.id())) {
          continue;
        }
        TransactionId missing =
            next.parents().stream().filter(p -> !solid.contains(p)).findFirst().orElse(null);
        if (missing != null) {
          waitingOn.computeIfAbsent(missing, m -> new ArrayList<>()).add(next);
          continue;
        }
        solid.add(next.id());
        batch.add(next.id());
        work.addAll(waitingOn.getOrDefault(next.id(), List.of()));
        waitingOn.remove(next.id());
      }
      Collections.shuffle(batch, new java.util.Random(random.nextLong()));
      return batch;
    }
  }

  @Test
  void thePoolIsTheSolidTransactionsWithoutASolidChildAfterEveryStep() {
    SplittableRandom random = new SplittableRandom(13);
    for (int round = 0; round < 120; round++) {
      Order order = Order.values()[round % Order.values().length];
      List<Tx> txs = randomDag(random, 1 + random.nextInt(120));
      MapSolidDag dag = new MapSolidDag(ROOT_ID);
      SolidTipPool pool = new SolidTipPool(dag, TipPoolConfig.DEFAULT, new SplittableRandom(round));
      Solidity solidity = new Solidity(random);
      int step = 0;
      for (Tx tx : arrival(txs, order, random)) {
        List<TransactionId> batch = solidity.arrive(dag, tx);
        batch.forEach(dag::markSolid);
        pool.solid(batch);
        assertThat(pool.snapshot())
            .as("round %d (%s), step %d", round, order, step++)
            .isEqualTo(dag.solidWithoutSolidChild());
      }
      assertThat(pool.snapshot()).as("a complete DAG").isNotEmpty();
    }
  }

  @Test
  void batchesNamedOnTwoThreadsInAnyInterleavingLeaveOnlyTips() throws Exception {
    SplittableRandom random = new SplittableRandom(29);
    for (int round = 0; round < 40; round++) {
      List<Tx> txs = randomDag(random, 2_000);
      MapSolidDag dag = new MapSolidDag(ROOT_ID);
      SolidTipPool pool = new SolidTipPool(dag, TipPoolConfig.DEFAULT, new SplittableRandom(round));
      Solidity solidity = new Solidity(random);
      List<List<TransactionId>> batches = new ArrayList<>();
      for (Tx tx : arrival(txs, Order.values()[round % 4], random)) {
        batches.add(solidity.arrive(dag, tx));
      }
      // Each thread marks its batches solid and names them, so a child may be named before its
      // parent (the other thread's) is.
      CyclicBarrier start = new CyclicBarrier(2);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int parity = t;
        Thread thread =
            new Thread(
                () -> {
                  try {
                    start.await();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  for (int b = parity; b < batches.size(); b += 2) {
                    batches.get(b).forEach(dag::markSolid);
                    pool.solid(batches.get(b));
                  }
                });
        thread.start();
        threads.add(thread);
      }
      for (Thread thread : threads) {
        thread.join();
      }
      assertThat(pool.snapshot()).as("round %d", round).isEqualTo(dag.solidWithoutSolidChild());
    }
  }

  @Test
  void aWholeBacklogBecomingSolidAtOnceLeavesItsOneTip() {
    MapSolidDag dag = new MapSolidDag(ROOT_ID);
    SolidTipPool pool = new SolidTipPool(dag, TipPoolConfig.DEFAULT, new SplittableRandom(1));
    List<TransactionId> chain = new ArrayList<>();
    TransactionId previous = ROOT_ID;
    TransactionId beforePrevious = ROOT_ID;
    for (int i = 0; i < 30_000; i++) {
      TransactionId tx = id("chain-" + i);
      dag.store(
          tx,
          previous.equals(beforePrevious) ? List.of(previous) : List.of(previous, beforePrevious));
      chain.add(tx);
      beforePrevious = previous;
      previous = tx;
    }
    chain.forEach(dag::markSolid);
    List<TransactionId> reversed = new ArrayList<>(chain);
    Collections.reverse(reversed);

    pool.solid(reversed);

    assertThat(pool.snapshot()).containsExactly(chain.get(chain.size() - 1));
  }

  @Test
  void pastTheBoundTheTipsThatEnteredFirstAreEvicted() {
    MapSolidDag dag = new MapSolidDag(ROOT_ID);
    SolidTipPool pool = new SolidTipPool(dag, new TipPoolConfig(3, 15), new SplittableRandom(1));
    List<TransactionId> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      TransactionId tx = id("disjoint-" + i);
      dag.store(tx, List.of(ROOT_ID));
      dag.markSolid(tx);
      pool.solid(List.of(tx));
      ids.add(tx);
    }

    assertThat(pool.size()).isEqualTo(3);
    assertThat(pool.evicted()).isEqualTo(2);
    assertThat(pool.oldest(8)).containsExactlyElementsOf(ids.subList(2, 5));
  }

  @Test
  void selectsDistinctSortedTipsUniformlyAndNeverATransactionWithASolidChild() {
    MapSolidDag dag = new MapSolidDag(ROOT_ID);
    SolidTipPool pool = new SolidTipPool(dag, TipPoolConfig.DEFAULT, new SplittableRandom(5));
    List<TransactionId> tips = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      TransactionId tx = id("tip-" + i);
      dag.store(tx, List.of(ROOT_ID));
      dag.markSolid(tx);
      tips.add(tx);
    }
    TransactionId child = id("child");
    dag.store(child, List.of(tips.get(0)));
    dag.markSolid(child);
    pool.solid(List.of(child));
    pool.solid(tips);

    Map<TransactionId, Integer> counts = new HashMap<>();
    for (int i = 0; i < 4_000; i++) {
      TipSelection selection = pool.select(2);
      assertThat(selection.parents()).hasSize(2).doesNotHaveDuplicates().isSorted();
      assertThat(selection.outcome()).isEqualTo(TipSelection.Outcome.TIPS);
      selection.parents().forEach(p -> counts.merge(p, 1, Integer::sum));
    }
    assertThat(counts.keySet())
        .containsExactlyInAnyOrder(child, tips.get(1), tips.get(2), tips.get(3));
    // 8,000 picks over 4 tips: 2,000 each; 5 sigma is about 200.
    assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(1_750, 2_250));
    assertThat(pool.select(8).outcome()).isEqualTo(TipSelection.Outcome.FEWER_TIPS);
  }

  @Test
  void aTipWaitingMoreThanMaxDepthMilestonesIsNotChosenButStaysForTheCoordinator() {
    MapSolidDag dag = new MapSolidDag(ROOT_ID);
    SolidTipPool pool = new SolidTipPool(dag, new TipPoolConfig(100, 15), new SplittableRandom(1));
    TransactionId old = id("old");
    dag.store(old, List.of(ROOT_ID));
    dag.markSolid(old);
    pool.solid(List.of(old));
    TransactionId milestone = id("milestone-16");
    dag.setLatest(new MilestoneRef(15, milestone));
    assertThat(pool.select(2).parents()).containsExactly(old);

    dag.setLatest(new MilestoneRef(16, milestone));
    TipSelection selection = pool.select(2);

    assertThat(selection.outcome()).isEqualTo(TipSelection.Outcome.FALLBACK_TO_MILESTONE);
    assertThat(selection.parents()).containsExactly(milestone);
    assertThat(pool.lazy()).isEqualTo(1);
    assertThat(pool.oldest(8)).containsExactly(old);
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void anEmptyPoolFallsBackToTheRoot() {
    SolidTipPool pool =
        new SolidTipPool(new MapSolidDag(ROOT_ID), TipPoolConfig.DEFAULT, new SplittableRandom(1));

    assertThat(pool.select(2))
        .isEqualTo(new TipSelection(List.of(ROOT_ID), TipSelection.Outcome.FALLBACK_TO_MILESTONE));
  }

  @Test
  void rebuildFromStoredTipsFindsEverySolidTransactionWithoutASolidChild() {
    SplittableRandom random = new SplittableRandom(41);
    for (int round = 0; round < 60; round++) {
      List<Tx> txs = randomDag(random, 1 + random.nextInt(300));
      MapSolidDag dag = new MapSolidDag(ROOT_ID);
      Solidity solidity = new Solidity(random);
      // Only part of the DAG arrives before the restart: some of it stays unsolid.
      List<Tx> arrived = arrival(txs, Order.RANDOM, random);
      arrived = arrived.subList(0, 1 + random.nextInt(arrived.size()));
      Set<TransactionId> stored = new HashSet<>();
      for (Tx tx : arrived) {
        solidity.arrive(dag, tx).forEach(dag::markSolid);
        stored.add(tx.id());
      }
      Set<TransactionId> storedTips = new HashSet<>(stored);
      for (Tx tx : arrived) {
        storedTips.removeAll(tx.parents());
      }
      SolidTipPool pool = new SolidTipPool(dag, TipPoolConfig.DEFAULT, new SplittableRandom(1));

      int added = pool.rebuild(storedTips);

      Set<TransactionId> expected = dag.solidWithoutSolidChild();
      assertThat(pool.snapshot()).as("round %d", round).isEqualTo(expected);
      assertThat(added).isEqualTo(expected.size());
    }
  }
}
