package org.tanglenode.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tanglenode.node.TestNodes.WRITE_TOKEN;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.node.Http;
import org.tanglenode.node.Node;
import org.tanglenode.node.Promtool;
import org.tanglenode.node.TestNodes;

/** Server-sent events filtered by tag, and the Prometheus metrics, over real HTTP. */
class EventsAndMetricsTest {

  @TempDir Path dir;

  @Test
  void eventsStreamNewTransactionsFilteredByTag() throws Exception {
    try (Node node = new TestNodes(dir, 0).start("events", List.of(), "")) {
      Http http = new Http(node.apiAddress().orElseThrow());
      LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
      CompletableFuture<HttpResponse<Stream<String>>> stream =
          http.client()
              .sendAsync(
                  HttpRequest.newBuilder(http.base().resolve("/api/v1/events?tag=trail-a")).build(),
                  HttpResponse.BodyHandlers.ofLines());
      HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/event-stream");
      Thread reader =
          new Thread(
              () -> {
                try {
                  response.body().forEach(lines::add);
                } catch (java.io.UncheckedIOException closedByTheTest) {
                  // the test closes the stream at its end
                }
              },
              "sse-reader");
      reader.setDaemon(true);
      reader.start();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> http.get("/api/v1/info").json().path("eventSubscribers").asInt() == 1);

      String other = submit(http, "trail-b", "not for this stream");
      String wanted = submit(http, "trail-a", "for this stream");

      String data = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (data == null && System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null && line.startsWith("data: ")) {
          data = line;
        }
      }
      assertThat(data).isNotNull().contains(wanted).contains("\"tag\":\"trail-a\"");
      assertThat(String.join("\n", lines)).doesNotContain(other);
      response.body().close();
    }
  }

  private static String submit(Http http, String tag, String data) {
    Http.Answer made =
        http.post(
            "/api/v1/transactions/data", Http.json(Map.of("tag", tag, "data", data)), WRITE_TOKEN);
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    return made.json().path("id").asText();
  }

  @Test
  void metricsArePrometheusTextWithTheNodesMeters() throws Exception {
    try (Node node = new TestNodes(dir, 0).start("metrics", List.of(), "")) {
      Http http = new Http(node.apiAddress().orElseThrow());
      submit(http, "m", "one");

      Http.Answer metrics = http.get("/metrics");

      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.header("Content-Type")).startsWith("text/plain");
      assertThat(metrics.body())
          .contains("tangle_ingest_received_total{source=\"api\"} 1.0")
          .contains("tangle_ingest_stored_total 1.0")
          .contains("tangle_ingest_queue_depth")
          .contains("tangle_ingest_queue_rejected_total")
          .contains("tangle_storage_transactions_stored_total")
          .contains("tangle_storage_write_queue_depth")
          .contains("tangle_tips")
          .contains("tangle_milestones_lag")
          .contains("tangle_consensus_transactions_confirmed_total")
          .contains("gossip_peers")
          .contains("tangle_events_subscribers")
          .contains("tangle_api_worker_queue_depth")
          .contains("disk_free_bytes{path=")
          .contains("disk_total_bytes{path=")
          .contains("jvm_memory_used_bytes");
      Promtool.assertAccepts(metrics.body(), dir);
    }
  }
}
