package org.tanglenode.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tanglenode.node.TestNodes.WRITE_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.protocol.TransactionId;

/**
 * Two nodes in one JVM, each with its own RocksDB folder, gossip on loopback: a record written
 * through one node's API is read back from the other's.
 */
class TwoNodeTest {

  @TempDir Path dir;

  @Test
  void aTransactionSubmittedToOneNodeIsReadFromTheOther() {
    TestNodes nodes = new TestNodes(dir, 4);
    try (Node b = nodes.start("b", List.of(), "")) {
      InetSocketAddress bGossip = b.gossipAddress();
      try (Node a = nodes.start("a", List.of("127.0.0.1:" + bGossip.getPort()), "")) {
        Http apiA = new Http(a.apiAddress().orElseThrow());
        Http apiB = new Http(b.apiAddress().orElseThrow());
        await()
            .atMost(Duration.ofSeconds(15))
            .untilAsserted(
                () ->
                    assertThat(apiB.get("/api/v1/info").json().path("peers").asInt()).isEqualTo(1));

        Http.Answer made =
            apiA.post(
                "/api/v1/transactions/data",
                Http.json(Map.of("tag", "shipment-4711", "data", "delivered to clinic 3")),
                WRITE_TOKEN);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String id = made.json().path("id").asText();

        await()
            .atMost(Duration.ofSeconds(15))
            .untilAsserted(
                () -> assertThat(apiB.get("/api/v1/transactions/" + id).status()).isEqualTo(200));
        JsonNode onB = apiB.get("/api/v1/transactions/" + id).json();
        assertThat(onB.path("issuer").asText()).isEqualTo(a.nodeKey().toHex());
        assertThat(b.store().contains(TransactionId.fromHex(id))).isTrue();
        JsonNode trail = apiB.get("/api/v1/tags/shipment-4711/transactions").json();
        assertThat(trail.path("transactions").get(0).path("id").asText()).isEqualTo(id);
        // With a peer connected, gossip's per-peer meters are in the output too.
        Promtool.assertAccepts(apiB.get("/metrics").body(), dir);
        Promtool.assertAccepts(apiA.get("/metrics").body(), dir);
      }
    }
  }
}
