package org.tanglenode.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tanglenode.node.TestNodes.WRITE_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.genesis.Genesis;

/**
 * Two nodes on loopback, each with its own RocksDB folder: the coordinator holds the committee keys
 * of a test genesis with a 300 ms milestone interval. A data transaction submitted on the other
 * node is confirmed on both, by the same milestone, the milestone is served by index, and the
 * peer's event stream carries the milestone and the transaction's confirmation.
 */
class ConfirmationTest {

  @TempDir Path dir;

  @Test
  void aTransactionSubmittedOnAPeerIsConfirmedOnBothNodes() {
    Genesis base = TestNetwork.genesis(4);
    Genesis genesis = base.withMilestoneIntervalMs(300);
    TestNodes nodes = new TestNodes(dir, genesis);
    try (Node coordinator = nodes.start("coordinator", List.of(), nodes.coordinatorYaml());
        Node peer =
            nodes.start(
                "peer", List.of("127.0.0.1:" + coordinator.gossipAddress().getPort()), "")) {
      Http apiC = new Http(coordinator.apiAddress().orElseThrow());
      Http apiP = new Http(peer.apiAddress().orElseThrow());
      try {
        await()
            .atMost(Duration.ofSeconds(15))
            .untilAsserted(
                () ->
                    assertThat(confirmed(apiP)).as("the peer follows the milestones").isPositive());
        List<String> events = new CopyOnWriteArrayList<>();
        apiP.client()
            .sendAsync(
                HttpRequest.newBuilder(apiP.base().resolve("/api/v1/events")).build(),
                HttpResponse.BodyHandlers.ofLines())
            .thenAccept(response -> response.body().forEach(events::add));

        Http.Answer made =
            apiP.post(
                "/api/v1/transactions/data",
                Http.json(Map.of("tag", "shipment-4711", "data", "received at the port")),
                WRITE_TOKEN);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String id = made.json().path("id").asText();

        await()
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(
                () -> {
                  JsonNode onC = metadata(apiC, id);
                  JsonNode onP = metadata(apiP, id);
                  assertThat(onC.path("solid").asBoolean()).as(onC.toString()).isTrue();
                  assertThat(onC.path("confirmed").asBoolean()).as(onC.toString()).isTrue();
                  assertThat(onP.path("confirmed").asBoolean()).as(onP.toString()).isTrue();
                  assertThat(onP.path("referencedByMilestone").asInt())
                      .isPositive()
                      .isEqualTo(onC.path("referencedByMilestone").asInt());
                });
        int index = metadata(apiP, id).path("referencedByMilestone").asInt();
        JsonNode milestone = apiP.get("/api/v1/milestones/" + index).json();
        assertThat(milestone.path("index").asInt()).isEqualTo(index);
        assertThat(milestone.path("transaction").path("issuer").asText())
            .isEqualTo(TestNetwork.committeeKeys().get(0).publicKey().toHex());
        assertThat(metadata(apiP, id).path("conflicting").asBoolean()).isFalse();
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    assertThat(events)
                        .contains("event: milestone", "event: confirmation")
                        .anyMatch(
                            line ->
                                line.contains(
                                    "\"id\":\"" + id + "\",\"milestone\":" + index + ",")));
      } catch (AssertionError e) {
        System.err.println("coordinator: " + apiC.get("/api/v1/info").body());
        System.err.println("peer: " + apiP.get("/api/v1/info").body());
        throw e;
      }
    }
  }

  private static int confirmed(Http api) {
    return api.get("/api/v1/info").json().path("milestones").path("confirmed").asInt();
  }

  private static JsonNode metadata(Http api, String id) {
    return api.get("/api/v1/transactions/" + id + "/metadata").json();
  }
}
