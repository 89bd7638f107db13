package org.tanglenode.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tanglenode.node.TestNodes.ADMIN_TOKEN;
import static org.tanglenode.node.TestNodes.WRITE_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.node.cli.CliRunner;
import org.tanglenode.protocol.TestNetwork;

/**
 * An NGO's node joins a running network from a snapshot: {@code tangle snapshot export} from the
 * coordinator's API, {@code tangle snapshot import} into the new node's empty folder, start, sync
 * what came after, and serve a receipt for a record confirmed after the snapshot that {@code tangle
 * verify} accepts with the genesis alone. The node confirms the later milestones only if the
 * history root it computes from the imported frontier is the one they state (MilestoneValidator).
 */
class SnapshotJoinTest {

  @TempDir Path dir;

  @Test
  void aNodeStartedFromASnapshotSyncsAndProvesLaterRecords() throws Exception {
    TestNodes nodes = new TestNodes(dir, TestNetwork.genesis(4).withMilestoneIntervalMs(300));
    Path snapshot = dir.resolve("network.snapshot");
    try (Node coordinator = nodes.start("coordinator", List.of(), nodes.coordinatorYaml())) {
      Http hub = new Http(coordinator.apiAddress().orElseThrow());
      String before = submit(hub, "before the snapshot");
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(confirmed(hub, before)).isTrue());

      assertThat(hub.get("/api/v1/snapshot").status()).as("admin only").isEqualTo(401);
      CliRunner.Result exported =
          CliRunner.run(
              "snapshot",
              "export",
              "--api",
              hub.base().toString(),
              "--token",
              ADMIN_TOKEN,
              "--out",
              snapshot.toString());
      assertThat(exported.exitCode()).as(exported.err()).isZero();
      assertThat(exported.out()).contains("snapshot of milestone", "BLAKE2b-256:");
      int snapshotIndex =
          Integer.parseInt(exported.out().replaceAll("(?s).*snapshot of milestone (\\d+).*", "$1"));
      // The node deletes its copy once the last byte is written, which may be just after the
      // client has read it.
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> {
                try (var left = Files.list(dir.resolve("coordinator/data/snapshot-exports"))) {
                  assertThat(left).as("the exported file is deleted once sent").isEmpty();
                }
              });

      Path joinerConfig =
          nodes.configFile(
              "ngo", List.of("127.0.0.1:" + coordinator.gossipAddress().getPort()), "");
      CliRunner.Result imported =
          CliRunner.run(
              "snapshot", "import", "--config", joinerConfig.toString(), snapshot.toString());
      assertThat(imported.exitCode()).as(imported.err()).isZero();
      assertThat(imported.out()).contains("imported milestone " + snapshotIndex);
      CliRunner.Result twice =
          CliRunner.run(
              "snapshot", "import", "--config", joinerConfig.toString(), snapshot.toString());
      assertThat(twice.exitCode()).isNotZero();
      assertThat(twice.err()).contains("empty database only");

      try (Node ngo =
          nodes.start("ngo", List.of("127.0.0.1:" + coordinator.gossipAddress().getPort()), "")) {
        Http own = new Http(ngo.apiAddress().orElseThrow());
        // Ready once synced: solid up to the milestone its peer knows, so its tips are current
        // (a transaction approving the snapshot's milestone would be too old to be confirmed).
        int hubLatest = hub.get("/api/v1/info").json().path("milestones").path("latest").asInt();
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  assertThat(own.get("/health/ready").status()).isEqualTo(200);
                  assertThat(
                          own.get("/api/v1/info").json().path("milestones").path("solid").asInt())
                      .isGreaterThanOrEqualTo(hubLatest);
                });
        String after = submit(own, "after the snapshot");
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(confirmed(own, after)).isTrue());
        int confirmedBy = metadata(own, after).path("referencedByMilestone").asInt();
        assertThat(confirmedBy).isGreaterThan(snapshotIndex);
        Path receipt = dir.resolve("receipt.json");
        CliRunner.Result fetched =
            CliRunner.run(
                "receipt", after, "--api", own.base().toString(), "--out", receipt.toString());
        assertThat(fetched.exitCode()).as(fetched.err()).isZero();
        CliRunner.Result verified =
            CliRunner.run(
                "verify", receipt.toString(), "--genesis", dir.resolve("genesis.json").toString());
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("receipt verified", after);
        // What was confirmed before the snapshot is not in this node's tree: no receipt, said so.
        assertThat(own.get("/api/v1/transactions/" + before + "/receipt").status())
            .isBetween(400, 499);
      }
    }
  }

  private static String submit(Http api, String text) {
    Http.Answer made =
        api.post(
            "/api/v1/transactions/data",
            Http.json(Map.of("tag", "ngo-join", "data", text)),
            WRITE_TOKEN);
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    return made.json().path("id").asText();
  }

  private static boolean confirmed(Http api, String id) {
    return metadata(api, id).path("confirmed").asBoolean();
  }

  private static JsonNode metadata(Http api, String id) {
    return api.get("/api/v1/transactions/" + id + "/metadata").json();
  }
}
