package org.tanglenode.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.protocol.TransactionId;

/**
 * {@code tangle node} in a JVM of its own, stopped with SIGTERM: it stops within seconds, logs its
 * stop (as JSON lines, configured by environment), releases the data folder, and what it had stored
 * is there when the folder is opened again.
 */
class ShutdownTest {

  @TempDir Path dir;

  @Test
  void sigtermStopsTheNodeCleanlyWithinSeconds() throws Exception {
    TestNodes nodes = new TestNodes(dir, 0);
    Path config = nodes.configFile("proc", List.of(), "");
    Path stderr = dir.resolve("stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.tanglenode.node.cli.TangleCommand",
                "node",
                "--config",
                config.toString())
            .redirectError(stderr.toFile());
    builder.environment().put("TANGLE_LOGGING_FORMAT", "json");
    Process process = builder.start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      int port = -1;
      Pattern api = Pattern.compile("api: +http://127\\.0\\.0\\.1:(\\d+)/");
      String line;
      while ((line = out.readLine()) != null) {
        Matcher m = api.matcher(line);
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
        }
        if (line.startsWith("stop with")) {
          break;
        }
      }
      assertThat(port)
          .as("the node printed its API address; stderr:\n" + Files.readString(stderr))
          .isPositive();
      Http http = new Http(new java.net.InetSocketAddress("127.0.0.1", port));
      Http.Answer made =
          http.post(
              "/api/v1/transactions/data",
              Http.json(Map.of("tag", "before-stop", "data", "kept")),
              TestNodes.WRITE_TOKEN);
      assertThat(made.status()).as(made.toString()).isEqualTo(201);
      String id = made.json().path("id").asText();

      long stopping = System.nanoTime();
      process.destroy(); // SIGTERM
      assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("stopped within 15 s").isTrue();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
      assertThat(millis).isLessThan(10_000);
      List<String> logLines = Files.readAllLines(stderr);
      assertThat(logLines).anyMatch(l -> l.startsWith("{") && l.contains("node stopped in"));
      for (String logLine : logLines) {
        if (logLine.startsWith("{")) {
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(logLine); // JSON lines
        }
      }

      try (Node again = nodes.start("proc", List.of(), "")) {
        assertThat(again.store().contains(TransactionId.fromHex(id))).isTrue();
      }
    } finally {
      process.destroyForcibly();
      await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
    }
  }
}
