package org.tanglenode.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tanglenode.node.TestNodes.ADMIN_TOKEN;
import static org.tanglenode.node.TestNodes.WRITE_TOKEN;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.storage.ConflictState;
import org.tanglenode.storage.TransactionMetadata;
import org.tanglenode.storage.TransactionStore;

/**
 * Two nodes on loopback, each with its own RocksDB folder; the coordinator (200 ms milestones) runs
 * on one. The writer is cut off for 60 milestones, records are written on both sides meanwhile,
 * then it reconnects. Nothing is written after the heal: both nodes end with the same milestones
 * and every record of either side, including the writer's partition-time records that only it held,
 * confirmed on both.
 */
class PartitionTest {

  private static final int PARTITION_MILESTONES = 60;

  @TempDir Path dir;

  @Test
  void recordsWrittenOnADisconnectedNodeAreConfirmedAfterItReconnects() {
    Genesis genesis = TestNetwork.genesis(4).withMilestoneIntervalMs(200);
    TestNodes nodes = new TestNodes(dir, genesis);
    try (Node coordinator = nodes.start("coordinator", List.of(), nodes.coordinatorYaml())) {
      String coordinatorAddress = "127.0.0.1:" + coordinator.gossipAddress().getPort();
      try (Node writer = nodes.start("writer", List.of(coordinatorAddress), "")) {
        Http apiC = new Http(coordinator.apiAddress().orElseThrow());
        Http apiW = new Http(writer.apiAddress().orElseThrow());
        awaitPeers(apiC, 1);
        awaitPeers(apiW, 1);
        List<TransactionId> before = write(apiW, "before", 5);
        awaitConfirmed(List.of(coordinator, writer), before, Duration.ofSeconds(30));

        Http.Answer cut = apiW.delete("/api/v1/peers/" + coordinatorAddress, ADMIN_TOKEN);
        assertThat(cut.status()).as(cut.toString()).isEqualTo(200);
        awaitPeers(apiC, 0);
        awaitPeers(apiW, 0);
        int cutAt = latest(coordinator);
        List<TransactionId> onWriter = write(apiW, "partition-writer", 10);
        List<TransactionId> onCoordinator = write(apiC, "partition-coordinator", 10);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> latest(coordinator) >= cutAt + PARTITION_MILESTONES);
        assertThat(onWriter).noneMatch(id -> coordinator.store().contains(id));
        assertThat(onCoordinator).noneMatch(id -> writer.store().contains(id));
        assertThat(latest(writer)).isLessThanOrEqualTo(cutAt + 1);

        Http.Answer heal =
            apiW.post(
                "/api/v1/peers", Http.json(Map.of("address", coordinatorAddress)), ADMIN_TOKEN);
        assertThat(heal.status()).as(heal.toString()).isIn(200, 201);
        awaitPeers(apiC, 1);

        List<TransactionId> all = new ArrayList<>(before);
        all.addAll(onWriter);
        all.addAll(onCoordinator);
        awaitConfirmed(List.of(coordinator, writer), all, Duration.ofSeconds(90));
        int healedAt = latest(coordinator);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> writer.store().restartState().confirmedMilestone() >= healedAt);
        for (int index = 1; index <= healedAt; index++) {
          assertThat(writer.store().milestone(index))
              .as("milestone %d", index)
              .isPresent()
              .isEqualTo(coordinator.store().milestone(index));
        }
      }
    }
  }

  private static List<TransactionId> write(Http api, String tag, int count) {
    List<TransactionId> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Http.Answer made =
          api.post(
              "/api/v1/transactions/data",
              Http.json(Map.of("tag", tag, "data", "record " + i)),
              WRITE_TOKEN);
      assertThat(made.status()).as(made.toString()).isEqualTo(201);
      ids.add(TransactionId.fromHex(made.json().path("id").asText()));
    }
    return ids;
  }

  private static int latest(Node node) {
    return node.store().restartState().latestMilestone();
  }

  private static void awaitPeers(Http api, int count) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(api.get("/api/v1/info").json().path("peers").asInt()).isEqualTo(count));
  }

  private static void awaitConfirmed(List<Node> nodes, List<TransactionId> ids, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              for (Node node : nodes) {
                TransactionStore store = node.store();
                for (TransactionId id : ids) {
                  Optional<TransactionMetadata> metadata = store.metadata(id);
                  assertThat(metadata).as("%s on %s", id, node.nodeKey()).isPresent();
                  assertThat(metadata.get().referencedByMilestone())
                      .as("%s on %s", id, node.nodeKey())
                      .isPresent();
                  assertThat(metadata.get().conflict()).isEqualTo(ConflictState.NONE);
                }
              }
            });
  }
}
