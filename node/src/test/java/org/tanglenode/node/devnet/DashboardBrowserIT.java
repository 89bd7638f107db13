package org.tanglenode.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser: headless Chromium opens a devnet node's {@code /}, and the graph
 * of the newest transactions, the rate chart and the confirmed marks keep updating from the node's
 * API and event stream. Leaves a screenshot in {@code node/target/dashboard.png}.
 */
class DashboardBrowserIT {

  /** What the page shows, read from the dashboard's data attributes and texts. */
  private static final String STATE =
      "(() => { const g = document.getElementById('graph');"
          + " const r = document.getElementById('rates');"
          + " return { nodes: +g.dataset.nodes, edges: +g.dataset.edges,"
          + " confirmed: +g.dataset.confirmed, newest: g.dataset.newest,"
          + " points: +r.dataset.points,"
          + " status: document.getElementById('status').className,"
          + " transactions: document.getElementById('transactions').textContent,"
          + " received: document.getElementById('received').textContent }; })()";

  @TempDir Path dir;

  @Test
  void theDashboardDrawsTheGraphAndRatesAndMarksConfirmations() throws Exception {
    HeadlessChromium.requireBinary();
    try (DevnetProcess devnet = DevnetProcess.fromClassPath(dir, 2);
        HeadlessChromium browser =
            HeadlessChromium.open(
                URI.create("http://127.0.0.1:" + devnet.apiPorts().get(0) + "/"), dir)) {
      AtomicReference<JsonNode> first = new AtomicReference<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                JsonNode state = browser.evaluate(STATE);
                assertThat(state.path("status").asText()).as(state.toString()).contains("ok");
                assertThat(state.path("nodes").asInt()).as(state.toString()).isPositive();
                assertThat(state.path("edges").asInt()).as(state.toString()).isPositive();
                assertThat(state.path("points").asInt()).as(state.toString()).isPositive();
                first.set(state);
              });

      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                JsonNode state = browser.evaluate(STATE);
                String both = "first " + first.get() + "\nnow   " + state;
                assertThat(state.path("points").asInt())
                    .as("the rate chart gained points\n" + both)
                    .isGreaterThan(first.get().path("points").asInt());
                assertThat(state.path("newest").asText())
                    .as("newer transactions reached the graph\n" + both)
                    .isNotEqualTo(first.get().path("newest").asText());
                assertThat(state.path("transactions").asText())
                    .as("the transaction count changed\n" + both)
                    .isNotEqualTo(first.get().path("transactions").asText());
                assertThat(state.path("confirmed").asInt())
                    .as("confirmed transactions are marked\n" + both)
                    .isPositive();
              });

      Path screenshot = Path.of("target", "dashboard.png");
      browser.screenshot(screenshot);
      assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }
  }
}
