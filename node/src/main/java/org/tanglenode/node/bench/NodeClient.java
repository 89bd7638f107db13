package org.tanglenode.node.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The REST calls the harness makes on one node (docs/api.md), nothing node-internal. */
final class NodeClient {

  /** What {@code GET /api/v1/info} says about progress. */
  record Info(long transactions, int confirmedMilestone, int latestMilestone) {}

  private final URI api;
  private final HttpClient http;
  private final ObjectMapper json;
  private final boolean binary;

  NodeClient(URI api, HttpClient http, ObjectMapper json) {
    this(api, http, json, false);
  }

  private NodeClient(URI api, HttpClient http, ObjectMapper json, boolean binary) {
    this.api = api;
    this.http = http;
    this.json = json;
    this.binary = binary;
  }

  /**
   * This client, submitting each transaction as an {@code application/octet-stream} body (the
   * binary submit, docs/api.md) instead of JSON with base64.
   */
  NodeClient withBinarySubmit() {
    return new NodeClient(api, http, json, true);
  }

  URI api() {
    return api;
  }

  /**
   * A client of the same node with its own connections, so reads are not queued behind thousands of
   * submissions in flight on this one's.
   */
  NodeClient withOwnConnections() {
    return new NodeClient(
        api, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), json, binary);
  }

  Info info() {
    JsonNode body = get("/api/v1/info");
    JsonNode milestones = body.path("milestones");
    return new Info(
        body.path("transactions").asLong(),
        milestones.path("confirmed").asInt(),
        milestones.path("latest").asInt());
  }

  /** The ids (hex) milestone {@code index} newly confirmed, every page of them. */
  List<String> confirmedBy(int index) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          get(
              "/api/v1/milestones/"
                  + index
                  + "/confirmed"
                  + (cursor == null ? "" : "?cursor=" + cursor));
      page.path("transactions").forEach(id -> ids.add(id.asText()));
      JsonNode next = page.path("next");
      cursor = next.isNull() || next.isMissingNode() ? null : next.asText();
    } while (cursor != null);
    return ids;
  }

  /** When the node stored transaction {@code idHex}, by its own clock (ms since the epoch). */
  long arrivalMs(String idHex) {
    return get("/api/v1/transactions/" + idHex + "/metadata").path("arrivalTime").asLong();
  }

  /** {@code POST /api/v1/transactions} of a finished transaction; completes with the status. */
  CompletableFuture<Integer> submit(byte[] bytes) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(api.resolve("/api/v1/transactions")).timeout(Duration.ofSeconds(60));
    if (binary) {
      builder
          .header("Content-Type", "application/octet-stream")
          .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    } else {
      String body = "{\"base64\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}";
      builder
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }
    HttpRequest request = builder.build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApply(HttpResponse::statusCode);
  }

  /**
   * Submits and waits, retrying a 503 (the node's backpressure) or a failed request after a short
   * pause, up to 1,000 times.
   */
  int submitBlocking(byte[] bytes) {
    for (int attempt = 0; ; attempt++) {
      int status;
      try {
        status = submit(bytes).join();
      } catch (java.util.concurrent.CompletionException e) {
        status = 503; // a timeout or a dropped connection: retried like the node's backpressure
      }
      if (status != 503 || attempt >= 1000) {
        return status;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return status;
      }
    }
  }

  private JsonNode get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new BenchFailedException(
            "GET " + path + " answered " + response.statusCode() + " at " + api);
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new BenchFailedException("GET " + path + " failed at " + api + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailedException("interrupted during GET " + path);
    }
  }
}
