package org.tanglenode.node.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Propagation latency on one node: it subscribes to the node's {@code /api/v1/events} and, for each
 * {@code transaction} event (stored) of a run's transaction that was submitted to another node,
 * records the time from that submission to the event's arrival here. Used by {@code network} only:
 * serialising events costs the node CPU, which {@code ingest} measures.
 */
final class StoredEvents implements AutoCloseable {

  private static final String ID_FIELD = "data: {\"id\":\"";

  private final Histogram propagationMs = new Histogram(3_600_000L, 3);
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private final Thread reader;

  /**
   * @param submittedNanos id hex to submit time, shared with the sender
   * @param origin id hex to the name of the node it was submitted to
   */
  StoredEvents(
      NodeClient client,
      HttpClient http,
      String nodeName,
      Map<String, Long> submittedNanos,
      Map<String, String> origin) {
    HttpRequest request =
        HttpRequest.newBuilder(client.api().resolve("/api/v1/events?tag=bench")).GET().build();
    this.response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    this.reader =
        new Thread(() -> read(nodeName, submittedNanos, origin), "bench-events-" + nodeName);
    this.reader.setDaemon(true);
  }

  void start() {
    reader.start();
  }

  private void read(String nodeName, Map<String, Long> submittedNanos, Map<String, String> origin) {
    try (Stream<String> lines = response.join().body()) {
      String event = "";
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.startsWith("event: ")) {
          event = line.substring(7).strip();
        } else if (event.equals("transaction") && line.startsWith(ID_FIELD)) {
          long now = System.nanoTime();
          String id = line.substring(ID_FIELD.length(), ID_FIELD.length() + 64);
          Long submitted = submittedNanos.get(id);
          if (submitted != null && !nodeName.equals(origin.get(id))) {
            synchronized (propagationMs) {
              propagationMs.recordValue(Math.max(0, (now - submitted) / 1_000_000));
            }
          }
        }
      }
    } catch (RuntimeException e) {
      // the stream ended: the node closed it or was stopped
    }
  }

  BenchResult.Latency propagation() {
    synchronized (propagationMs) {
      return NodeMeasurement.latency(propagationMs);
    }
  }

  @Override
  public void close() {
    response.thenAccept(r -> r.body().close());
    response.cancel(true);
  }
}
