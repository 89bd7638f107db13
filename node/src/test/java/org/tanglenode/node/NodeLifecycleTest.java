package org.tanglenode.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.node.config.NodeConfig;

class NodeLifecycleTest {

  @TempDir Path dir;

  @Test
  void partsStartInDependencyOrderAndCloseIsIdempotent() {
    Node node = new TestNodes(dir, 0).start("order", List.of(), "");
    try {
      assertThat(node.runningParts())
          .containsExactly(
              "metrics",
              "storage",
              "events",
              "stored listeners",
              "consensus",
              "ingest",
              "gossip",
              "tip announcer",
              "proof-of-work solver",
              "api");
    } finally {
      node.close();
    }
    node.close();
    assertThat(node.runningParts()).isEmpty();
    assertThatThrownBy(node::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void disabledMetricsAreNotServed() {
    try (Node node =
        new TestNodes(dir, 0).start("quiet", List.of(), "metrics:\n  enabled: false\n")) {
      Http http = new Http(node.apiAddress().orElseThrow());
      assertThat(http.get("/metrics").status()).isEqualTo(404);
      assertThat(http.get("/health").status()).isEqualTo(200);
    }
  }

  @Test
  void aDisabledApiIsNotStarted() {
    NodeConfig config = new TestNodes(dir, 0).config("noapi", List.of(), "");
    NodeConfig withoutApi = config.withApi(ApiConfigs.disabled(config.api()));
    try (Node node = new Node(withoutApi, Clock.systemUTC(), new SplittableRandom(1))) {
      node.start();
      assertThat(node.apiAddress()).isEmpty();
      assertThat(node.runningParts()).doesNotContain("api", "proof-of-work solver");
    }
  }

  @Test
  void aMissingGenesisFileStopsTheStartAndLeavesNothingRunning() throws Exception {
    TestNodes nodes = new TestNodes(dir, 0);
    NodeConfig config = nodes.config("nogenesis", List.of(), "");
    Files.delete(config.genesisPath());
    Node node = new Node(config, Clock.systemUTC(), new SplittableRandom(1));

    assertThatThrownBy(node::start)
        .isInstanceOf(NodeStartException.class)
        .hasMessageContaining("genesis.json");
    assertThat(node.runningParts()).isEmpty();
  }
}
