package org.tanglenode.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tanglenode.node.TestNodes.ADMIN_TOKEN;
import static org.tanglenode.node.TestNodes.WRITE_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.address.Address;
import org.tanglenode.node.BuildInfo;
import org.tanglenode.node.Http;
import org.tanglenode.node.Http.Answer;
import org.tanglenode.node.Node;
import org.tanglenode.node.TestNodes;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.TestTransactions;
import org.tanglenode.protocol.Transaction;

/** Every endpoint over real HTTP on 127.0.0.1, with each error path. One node for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {

  private Node node;
  private Http http;
  private TestTransactions transactions;

  @BeforeAll
  void start(@TempDir Path dir) {
    TestNodes nodes = new TestNodes(dir, 8);
    node = nodes.start("api", List.of(), "");
    http = new Http(node.apiAddress().orElseThrow());
    transactions = new TestTransactions(nodes.network(), 7);
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private Answer submit(Transaction tx) {
    return http.post(
        "/api/v1/transactions",
        Http.json(Map.of("hex", HexFormat.of().formatHex(tx.bytes()))),
        WRITE_TOKEN);
  }

  private static void assertError(Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(answer.json().path("error").asText()).as(answer.toString()).isEqualTo(code);
    assertThat(answer.json().path("message").asText()).isNotBlank();
    assertThat(answer.json().size()).isEqualTo(2);
  }

  // ---- info, health, documents --------------------------------------------------------------

  @Test
  void infoShowsTheNetworkAndTheNode() {
    JsonNode info = http.get("/api/v1/info").json();

    assertThat(info.path("network").asText()).isEqualTo("test-network");
    assertThat(info.path("networkId").asText()).isEqualTo(TestNetwork.network(8).id().toHex());
    assertThat(info.path("nodeKey").asText()).isEqualTo(node.nodeKey().toHex());
    assertThat(info.path("version").asText()).isEqualTo(BuildInfo.current().version());
    assertThat(info.path("commit").asText()).isEqualTo(BuildInfo.current().commit());
    assertThat(info.path("milestones").path("latest").asInt()).isZero();
    assertThat(info.has("rates")).isTrue();
    assertThat(info.path("peers").asInt()).isZero();
  }

  @Test
  void healthAndReadinessAnswer() {
    assertThat(http.get("/health").json().path("status").asText()).isEqualTo("UP");
    Answer ready = http.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().path("status").asText()).isEqualTo("READY");
  }

  @Test
  void servesTheOpenApiDocumentAndTheDashboard() {
    JsonNode openApi = http.get("/api/v1/openapi.json").json();
    assertThat(openApi.path("openapi").asText()).startsWith("3.");
    assertThat(openApi.path("paths").has("/api/v1/transactions/{id}")).isTrue();

    Answer page = http.get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("<canvas id=\"graph\"");
    assertThat(http.get("/dashboard.js").body()).contains("EventSource");
  }

  @Test
  void everyPathOfTheOpenApiDocumentIsServed() {
    JsonNode paths = http.get("/api/v1/openapi.json").json().path("paths");
    List<String> missing = new ArrayList<>();
    paths
        .fieldNames()
        .forEachRemaining(
            template -> {
              String path =
                  template
                      .replace("{id}", "ab".repeat(32))
                      .replace("{tag}", "t")
                      .replace("{index}", "1")
                      .replace("{address}", "a");
              paths
                  .path(template)
                  .fieldNames()
                  .forEachRemaining(
                      method -> {
                        if (path.endsWith("/events")) {
                          return; // a stream; EventsAndMetricsTest reads it
                        }
                        Answer answer =
                            switch (method) {
                              case "get" -> http.get(path, ADMIN_TOKEN);
                              case "post" -> http.post(path, "{}", ADMIN_TOKEN);
                              case "delete" -> http.delete(path, ADMIN_TOKEN);
                              default -> throw new AssertionError(method);
                            };
                        if (answer.body().contains("no such endpoint") || answer.status() == 405) {
                          missing.add(method + " " + template);
                        }
                      });
            });

    assertThat(missing).isEmpty();
    assertThat(paths.size()).isGreaterThanOrEqualTo(18);
  }

  @Test
  void unknownEndpointsAndMethodsAreJsonErrors() {
    assertError(http.get("/api/v1/nothing-here"), 404, "NOT_FOUND");
    assertError(http.delete("/api/v1/info", null), 405, "METHOD_NOT_ALLOWED");
  }

  // ---- submitting a fully built transaction ---------------------------------------------------

  @Test
  void aSubmittedTransactionIsStoredAndReadBackByItsId() {
    Transaction tx = transactions.data(100);

    Answer stored = submit(tx);

    assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
    assertThat(stored.json().path("id").asText()).isEqualTo(tx.id().toHex());
    JsonNode read = http.get("/api/v1/transactions/" + tx.id().toHex()).json();
    assertThat(read.path("bytes").asText()).isEqualTo(HexFormat.of().formatHex(tx.bytes()));
    assertThat(read.path("issuer").asText()).isEqualTo(tx.issuer().toHex());
    assertThat(read.path("payload").path("kind").asText()).isEqualTo("DATA");
    JsonNode metadata = http.get("/api/v1/transactions/" + tx.id().toHex() + "/metadata").json();
    assertThat(metadata.path("solid").asBoolean()).isFalse();
    assertThat(metadata.path("confirmed").asBoolean()).isFalse();
    assertThat(metadata.path("referencedByMilestone").isNull()).isTrue();
  }

  @Test
  void aTransactionSentTwiceIsKnownTheSecondTime() {
    Transaction tx = transactions.data(50);
    assertThat(submit(tx).status()).isEqualTo(201);

    Answer again =
        http.post(
            "/api/v1/transactions",
            Http.json(Map.of("base64", Base64.getEncoder().encodeToString(tx.bytes()))),
            WRITE_TOKEN);

    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().path("status").asText()).isEqualTo("known");
  }

  @Test
  void submittingNeedsTheWriteToken() {
    String body = Http.json(Map.of("hex", HexFormat.of().formatHex(transactions.data(10).bytes())));

    Answer none = http.post("/api/v1/transactions", body, null);
    assertError(none, 401, "UNAUTHORIZED");
    assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertError(
        http.post("/api/v1/transactions", body, "wrong-token-0123456789"), 403, "FORBIDDEN");
  }

  @Test
  void badRequestBodiesAreTheCallersFault() {
    assertError(
        http.post("/api/v1/transactions", "{\"hex\": ", WRITE_TOKEN), 400, "MALFORMED_JSON");
    assertError(http.post("/api/v1/transactions", "", WRITE_TOKEN), 400, "MALFORMED_JSON");
    assertError(http.post("/api/v1/transactions", "[1,2]", WRITE_TOKEN), 400, "WRONG_TYPE");
    assertError(http.post("/api/v1/transactions", "{\"hex\": 5}", WRITE_TOKEN), 400, "WRONG_TYPE");
    assertError(
        http.post("/api/v1/transactions", "{\"hex\": \"00\", \"extra\": 1}", WRITE_TOKEN),
        400,
        "UNKNOWN_FIELD");
    assertError(http.post("/api/v1/transactions", "{}", WRITE_TOKEN), 400, "MISSING_FIELD");
    assertError(
        http.post("/api/v1/transactions", "{\"hex\": \"zz\"}", WRITE_TOKEN),
        400,
        "INVALID_ENCODING");
  }

  @Test
  void anOversizedBodyIsRefusedWith413() {
    String big = "{\"hex\": \"" + "00".repeat(20_000) + "\"}";

    assertError(http.post("/api/v1/transactions", big, WRITE_TOKEN), 413, "BODY_TOO_LARGE");
  }

  @Test
  void anInvalidTransactionIsRefusedWithItsRejectReason() {
    assertError(
        http.post("/api/v1/transactions", "{\"hex\": \"0102030405\"}", WRITE_TOKEN),
        400,
        "UNDECODABLE");

    Transaction tx = transactions.data(20);
    byte[] bytes = tx.bytes();
    byte[] signature = tx.signature().bytes();
    int at = indexOf(bytes, signature);
    bytes[at + 10] ^= 1;
    Answer forged =
        http.post(
            "/api/v1/transactions",
            Http.json(Map.of("hex", HexFormat.of().formatHex(bytes))),
            WRITE_TOKEN);
    assertError(forged, 400, "BAD_SIGNATURE");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  // ---- binary submit, one and a batch ---------------------------------------------------------

  private Answer submitBinary(byte[] body) {
    return http.post("/api/v1/transactions", body, "application/octet-stream", WRITE_TOKEN);
  }

  private Answer submitBatch(byte[] body) {
    return http.post("/api/v1/transactions/batch", body, "application/octet-stream", WRITE_TOKEN);
  }

  @Test
  void aBinaryBodyIsOneTransactionAnsweredAsTheJsonForm() {
    Transaction tx = transactions.data(100);

    Answer stored = submitBinary(tx.bytes());
    Answer again = submitBinary(tx.bytes());

    assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
    assertThat(stored.json().path("id").asText()).isEqualTo(tx.id().toHex());
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().path("status").asText()).isEqualTo("known");
    JsonNode read = http.get("/api/v1/transactions/" + tx.id().toHex()).json();
    assertThat(read.path("bytes").asText()).isEqualTo(HexFormat.of().formatHex(tx.bytes()));
  }

  @Test
  void badBinaryBodiesAreTypedErrors() {
    assertError(submitBinary(new byte[0]), 400, "MISSING_BODY");
    assertError(submitBinary(new byte[] {1, 2, 3, 4, 5}), 400, "UNDECODABLE");
    assertError(submitBinary(new byte[40_000]), 413, "BODY_TOO_LARGE");
    assertError(
        http.post(
            "/api/v1/transactions",
            transactions.data(10).bytes(),
            "application/octet-stream",
            null),
        401,
        "UNAUTHORIZED");
  }

  @Test
  void aBatchGivesEachTransactionItsOwnResultInOrderAndLosesNone() {
    Transaction first = transactions.data(100);
    Transaction second = transactions.data(100);
    Transaction third = transactions.data(100);
    List<byte[]> items =
        List.of(first.bytes(), new byte[] {1, 2, 3}, second.bytes(), first.bytes(), third.bytes());

    Answer answer = submitBatch(TransactionBatch.frame(items));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode results = answer.json().path("results");
    assertThat(results.size()).isEqualTo(5);
    assertThat(results.get(0).path("status").asText()).isEqualTo("stored");
    assertThat(results.get(0).path("id").asText()).isEqualTo(first.id().toHex());
    assertThat(results.get(1).path("error").asText()).isEqualTo("UNDECODABLE");
    assertThat(results.get(1).path("message").asText()).isNotBlank();
    assertThat(results.get(2).path("status").asText()).isEqualTo("stored");
    assertThat(results.get(3).path("status").asText()).isEqualTo("known"); // first, again
    assertThat(results.get(4).path("id").asText()).isEqualTo(third.id().toHex());
    assertThat(answer.json().path("stored").asInt()).isEqualTo(3);
    assertThat(answer.json().path("known").asInt()).isEqualTo(1);
    assertThat(answer.json().path("refused").asInt()).isEqualTo(1);
    for (Transaction tx : List.of(first, second, third)) {
      assertThat(http.get("/api/v1/transactions/" + tx.id().toHex()).status()).isEqualTo(200);
    }
  }

  @Test
  void aMalformedBatchIsRefusedWholeAndSubmitsNothing() {
    Transaction tx = transactions.data(50);
    byte[] framed = TransactionBatch.frame(List.of(tx.bytes(), transactions.data(50).bytes()));
    byte[] cut = java.util.Arrays.copyOf(framed, framed.length - 1);

    assertError(submitBatch(cut), 400, "INVALID_BATCH");
    assertError(submitBatch(new byte[0]), 400, "INVALID_BATCH");
    assertError(submitBatch(new byte[] {0, 0, 0, 0}), 400, "INVALID_BATCH");
    List<byte[]> tooMany = new ArrayList<>();
    for (int i = 0; i <= TransactionBatch.MAX_ITEMS; i++) {
      tooMany.add(new byte[] {1});
    }
    assertError(submitBatch(TransactionBatch.frame(tooMany)), 400, "INVALID_BATCH");
    assertError(
        http.post("/api/v1/transactions/batch", "{}", WRITE_TOKEN), 415, "UNSUPPORTED_MEDIA_TYPE");
    assertThat(http.get("/api/v1/transactions/" + tx.id().toHex()).status()).isEqualTo(404);
  }

  // ---- reads ----------------------------------------------------------------------------------

  @Test
  void unknownAndMalformedIdsAre404And400() {
    String unknown = "ab".repeat(32);
    assertError(http.get("/api/v1/transactions/" + unknown), 404, "NOT_FOUND");
    assertError(http.get("/api/v1/transactions/" + unknown + "/metadata"), 404, "NOT_FOUND");
    assertError(http.get("/api/v1/transactions/" + unknown + "/children"), 404, "NOT_FOUND");
    assertError(http.get("/api/v1/transactions/xyz"), 400, "INVALID_ID");
    assertError(http.get("/api/v1/transactions/" + "g".repeat(64)), 400, "INVALID_ID");
  }

  @Test
  void aPayloadTheNodeCompletesIsSignedByTheNodeAndApprovesTips() {
    Answer made =
        http.post(
            "/api/v1/transactions/data",
            Http.json(Map.of("tag", "shipment-4711", "data", "left Mombasa")),
            WRITE_TOKEN);

    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    String id = made.json().path("id").asText();
    JsonNode tx = http.get("/api/v1/transactions/" + id).json();
    assertThat(tx.path("issuer").asText()).isEqualTo(node.nodeKey().toHex());
    assertThat(tx.path("payload").path("tag").asText()).isEqualTo("shipment-4711");
    assertThat(tx.path("payload").path("data").asText())
        .isEqualTo(HexFormat.of().formatHex("left Mombasa".getBytes()));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(http.get("/api/v1/tips").json().path("tips").toString()).contains(id));
    for (JsonNode parent : tx.path("parents")) {
      if (!parent.asText().equals(TestNetwork.network(8).rootId().toHex())) {
        JsonNode children =
            http.get("/api/v1/transactions/" + parent.asText() + "/children").json();
        assertThat(children.path("children").toString()).contains(id);
      }
    }
  }

  @Test
  void completingAPayloadNeedsTheWriteTokenAndAValidBody() {
    String body = Http.json(Map.of("data", "x"));
    assertError(http.post("/api/v1/transactions/data", body, null), 401, "UNAUTHORIZED");
    assertError(http.post("/api/v1/transactions/data", body, ADMIN_TOKEN + "x"), 403, "FORBIDDEN");
    assertError(
        http.post("/api/v1/transactions/data", "{\"data\": true}", WRITE_TOKEN), 400, "WRONG_TYPE");
    assertError(
        http.post(
            "/api/v1/transactions/data",
            Http.json(Map.of("tag", "t".repeat(65), "data", "x")),
            WRITE_TOKEN),
        400,
        "TAG_TOO_LONG");
    assertError(
        http.post(
            "/api/v1/transactions/data", Http.json(Map.of("data", "x".repeat(2000))), WRITE_TOKEN),
        400,
        "DATA_TOO_LARGE");
  }

  @Test
  void aTrailIsReadByTagInPages() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Answer made =
          http.post(
              "/api/v1/transactions/data",
              Http.json(Map.of("tag", "lot 12", "data", "event " + i)),
              WRITE_TOKEN);
      ids.add(made.json().path("id").asText());
    }

    JsonNode first = http.get("/api/v1/tags/lot%2012/transactions?limit=2").json();
    assertThat(first.path("transactions")).hasSize(2);
    String next = first.path("next").asText();
    JsonNode second = http.get("/api/v1/tags/lot%2012/transactions?limit=2&cursor=" + next).json();
    assertThat(second.path("transactions")).hasSize(1);
    assertThat(second.path("next").isNull()).isTrue();
    List<String> read = new ArrayList<>();
    first.path("transactions").forEach(t -> read.add(t.path("id").asText()));
    second.path("transactions").forEach(t -> read.add(t.path("id").asText()));
    assertThat(read).containsExactlyInAnyOrderElementsOf(ids);

    assertError(
        http.get("/api/v1/tags/lot%2012/transactions?cursor=nonsense"), 400, "INVALID_PARAMETER");
    assertError(http.get("/api/v1/tags/lot%2012/transactions?limit=0"), 400, "INVALID_PARAMETER");
    assertError(http.get("/api/v1/tags/lot%2012/transactions?limit=abc"), 400, "INVALID_PARAMETER");
  }

  @Test
  void aReceiptNeedsAConfirmedTransaction() {
    Transaction tx = transactions.data(30);
    assertThat(submit(tx).status()).isEqualTo(201);

    // This node has no coordinator: nothing is ever confirmed.
    assertError(
        http.get("/api/v1/transactions/" + tx.id().toHex() + "/receipt"), 409, "NOT_CONFIRMED");
    assertError(http.get("/api/v1/transactions/" + "cd".repeat(32) + "/receipt"), 404, "NOT_FOUND");
    assertError(http.get("/api/v1/transactions/xyz/receipt"), 400, "INVALID_ID");
  }

  @Test
  void aHistoryProofNeedsTwoConfirmedMilestonesInOrder() {
    assertError(http.get("/api/v1/history/consistency?from=1"), 400, "MISSING_PARAMETER");
    assertError(http.get("/api/v1/history/consistency?from=2&to=1"), 400, "INVALID_PARAMETER");
    assertError(http.get("/api/v1/history/consistency?from=0&to=1"), 400, "INVALID_PARAMETER");
    assertError(http.get("/api/v1/history/consistency?from=1&to=x"), 400, "INVALID_PARAMETER");
    assertError(http.get("/api/v1/history/consistency?from=1&to=1"), 404, "NOT_FOUND");
  }

  @Test
  void milestonesAreReadByIndex() {
    assertError(http.get("/api/v1/milestones/1"), 404, "NOT_FOUND");
    assertError(http.get("/api/v1/milestones/0"), 400, "INVALID_PARAMETER");
    assertError(http.get("/api/v1/milestones/abc"), 400, "INVALID_PARAMETER");
  }

  @Test
  void addressEndpointsReadTheLedger() {
    String address = Address.of(TestNetwork.key(1).publicKey()).encode("tst");

    Answer balance = http.get("/api/v1/addresses/" + address + "/balance");
    assertThat(balance.status()).as(balance.toString()).isEqualTo(200);
    assertThat(balance.json().path("balance").isIntegralNumber()).isTrue();
    Answer outputs = http.get("/api/v1/addresses/" + address + "/outputs");
    assertThat(outputs.status()).as(outputs.toString()).isEqualTo(200);
    assertThat(outputs.json().path("outputs").isArray()).isTrue();
    assertError(http.get("/api/v1/addresses/nonsense/balance"), 400, "INVALID_ADDRESS");
  }

  // ---- peers ----------------------------------------------------------------------------------

  @Test
  void peersNeedTheAdminToken() {
    assertError(http.get("/api/v1/peers"), 401, "UNAUTHORIZED");
    assertError(http.get("/api/v1/peers", WRITE_TOKEN), 403, "FORBIDDEN");
    assertError(
        http.post("/api/v1/peers", Http.json(Map.of("address", "127.0.0.1:1")), WRITE_TOKEN),
        403,
        "FORBIDDEN");
    assertError(http.delete("/api/v1/peers/127.0.0.1:1", null), 401, "UNAUTHORIZED");
  }

  @Test
  void peersAreAddedListedAndRemoved() {
    Answer added =
        http.post("/api/v1/peers", Http.json(Map.of("address", "127.0.0.1:9")), ADMIN_TOKEN);
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(http.get("/api/v1/peers", ADMIN_TOKEN).json().path("configured").toString())
        .contains("127.0.0.1:9");

    Answer removed = http.delete("/api/v1/peers/127.0.0.1%3A9", ADMIN_TOKEN);
    assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
    assertError(http.delete("/api/v1/peers/127.0.0.1%3A9", ADMIN_TOKEN), 404, "NOT_FOUND");
    assertError(
        http.post("/api/v1/peers", Http.json(Map.of("address", "no-port")), ADMIN_TOKEN),
        400,
        "INVALID_ADDRESS");
    assertError(http.post("/api/v1/peers", "{}", ADMIN_TOKEN), 400, "MISSING_FIELD");
  }
}
