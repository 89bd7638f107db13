package org.tanglenode.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.node.Http;

/**
 * {@code tangle devnet --nodes 2 --api-port 0} in a JVM of its own, as the README's main command
 * runs it: it prints its nodes' API addresses, its demo shipment trail is confirmed on the peer,
 * and SIGTERM (as Ctrl-C) stops every node within seconds.
 */
class DevnetCommandTest {

  @TempDir Path dir;

  @Test
  void theDevnetCommandConfirmsItsTrafficAndStopsOnSigterm() throws Exception {
    Path stderr = dir.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.tanglenode.node.cli.TangleCommand",
                "devnet",
                "--nodes",
                "2",
                "--api-port",
                "0",
                "--dir",
                dir.resolve("devnet").toString())
            .redirectError(stderr.toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      List<Integer> ports = new ArrayList<>();
      Pattern api = Pattern.compile("api http://127\\.0\\.0\\.1:(\\d+)/api/v1/");
      String line;
      while ((line = out.readLine()) != null) {
        Matcher m = api.matcher(line);
        if (m.find()) {
          ports.add(Integer.parseInt(m.group(1)));
        }
        if (line.startsWith("stop with")) {
          break;
        }
      }
      assertThat(ports).as("stderr:\n" + Files.readString(stderr)).hasSize(2);
      Http peer = new Http(new InetSocketAddress("127.0.0.1", ports.get(1)));

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                JsonNode trail = peer.get("/api/v1/tags/shipment-4711/transactions").json();
                assertThat(trail.path("transactions").size()).isPositive();
                String id = trail.path("transactions").get(0).path("id").asText();
                JsonNode meta = peer.get("/api/v1/transactions/" + id + "/metadata").json();
                assertThat(meta.path("confirmed").asBoolean()).as(meta.toString()).isTrue();
              });

      process.destroy(); // SIGTERM, as Ctrl-C's SIGINT runs the same shutdown hook
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
      assertThat(Files.readAllLines(stderr).stream().filter(l -> l.contains("node stopped in")))
          .hasSize(2);
    } finally {
      process.destroyForcibly();
      await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
    }
  }
}
