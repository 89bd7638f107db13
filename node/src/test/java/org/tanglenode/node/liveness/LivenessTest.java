package org.tanglenode.node.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;

/**
 * Issue 13, the tip-pool half: one node with the real coordinator and RocksDB, data chains sent
 * through {@code POST /api/v1/transactions} in several arrival orders. Each test ends with every
 * stored transaction confirmed within a stated number of milestones after the last became solid,
 * and the tip pool holding exactly the tips. The bound is the one docs/tip-selection.md states:
 * {@code ceil(n / maxCone) + 2} milestones (one milestone may be in flight with older parents, one
 * may be chosen while the last solid marks are written).
 *
 * <p>{@code -Dtangle.liveness.long=true} makes the first-last chain 1,000,000 transactions long
 * (minutes; docs/tip-selection.md).
 */
class LivenessTest {

  private static final int INTERVAL_MS = 250;
  private static final int MAX_CONE = 10_000;
  private static final boolean LONG = Boolean.getBoolean("tangle.liveness.long");

  @TempDir Path dir;

  private static int bound(int transactions) {
    return (transactions + MAX_CONE - 1) / MAX_CONE + 2;
  }

  private static DataChain chain(LivenessNode node, int writer, String tag, int length) {
    return DataChain.write(
        node.network(), TestNetwork.key(writer), tag, length, Clock.systemUTC().millis() - length);
  }

  private static void assertLive(LivenessNode node, List<TransactionId> ids) {
    // Long mode: a second per 400 transactions (a million take minutes on two loaded cores).
    Duration atMost = Duration.ofSeconds(Math.max(120, ids.size() / 400));
    int solidAt = node.awaitSolid(ids, atMost);
    node.awaitConfirmedWithin(ids, solidAt, bound(ids.size()), atMost);
    node.assertPoolHoldsOnlyTips(ids);
  }

  @ParameterizedTest
  @EnumSource(
      value = DataChain.Arrival.class,
      names = {"IN_ORDER", "REVERSED", "RANDOM"})
  void aChainInAnyArrivalOrderIsConfirmedAndLeavesOnlyTips(DataChain.Arrival arrival) {
    try (LivenessNode node = new LivenessNode(dir, INTERVAL_MS, MAX_CONE)) {
      DataChain chain = chain(node, 1, "chain-" + arrival, 2_000);

      node.submit(chain.arrival(arrival, 7));

      assertLive(node, chain.ids());
      assertThat(node.http().get("/api/v1/tips").json().path("count").asInt())
          .as("a quiet node has the latest milestone as its one tip")
          .isEqualTo(1);
    }
  }

  @Test
  void aLongChainWhoseFirstTransactionArrivesLastIsConfirmedWithinTheBound() {
    int length = LONG ? 1_000_000 : 30_000;
    try (LivenessNode node = new LivenessNode(dir, INTERVAL_MS, MAX_CONE)) {
      DataChain chain = chain(node, 2, "backlog", length);
      List<Transaction> arrival = chain.arrival(DataChain.Arrival.FIRST_LAST, 0);

      node.submit(arrival.subList(0, length - 1));
      assertThat(node.http().get("/api/v1/tips").json().path("count").asInt())
          .as("nothing of the chain is solid yet")
          .isLessThanOrEqualTo(1);
      node.submit(arrival.subList(length - 1, length));

      assertLive(node, chain.ids());
    }
  }

  /**
   * Two writers' chains interleaved while the node completes records of its own, whose parents come
   * from {@code tips.selector}: with either selector, everything is confirmed within the bound and
   * the pool holds only tips.
   */
  @ParameterizedTest
  @ValueSource(strings = {"uniform", "weighted"})
  void twoIndependentChainsInterleavedAreBothConfirmed(String selector) throws Exception {
    try (LivenessNode node = new LivenessNode(dir, INTERVAL_MS, MAX_CONE, selector)) {
      DataChain a = chain(node, 3, "writer-a", 2_000);
      DataChain b = chain(node, 4, "writer-b", 2_000);

      CompletableFuture<List<TransactionId>> records =
          CompletableFuture.supplyAsync(() -> node.completeRecords("own-" + selector, 200));
      node.submit(
          DataChain.interleave(
              a.arrival(DataChain.Arrival.FIRST_LAST, 0), b.arrival(DataChain.Arrival.RANDOM, 11)));

      List<TransactionId> ids = new ArrayList<>(a.ids());
      ids.addAll(b.ids());
      ids.addAll(records.get(120, TimeUnit.SECONDS));
      assertLive(node, ids);
      if (selector.equals("weighted")) {
        assertThat(node.metric("tangle_tips_walks_total{end=\"tip\""))
            .as("walks to tips")
            .isPositive();
      } else {
        assertThat(node.metric("tangle_tips_walks_total")).as("no walks").isZero();
      }
    }
  }

  @Test
  void afterARestartThePoolIsRebuiltFromStorageAndNewRecordsAreConfirmed() {
    try (LivenessNode node = new LivenessNode(dir, INTERVAL_MS, MAX_CONE)) {
      DataChain first = chain(node, 5, "before-restart", 500);
      node.submit(first.arrival(DataChain.Arrival.IN_ORDER, 0));
      assertLive(node, first.ids());

      node.restart();
      node.assertPoolHoldsOnlyTips(first.ids());
      DataChain second = chain(node, 6, "after-restart", 500);
      node.submit(second.arrival(DataChain.Arrival.REVERSED, 0));

      assertLive(node, second.ids());
    }
  }
}
