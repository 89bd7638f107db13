package org.tanglenode.node.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.node.Node;
import org.tanglenode.node.TestNodes;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.sensor.SensorReading;

/**
 * The gateway benchmark of benchmarks/RESULTS.md ("Sensor gateway"): readings per second through
 * one gateway into anchored (milestone-confirmed) batches, over HTTP in bulk and over MQTT, with a
 * real Mosquitto and a coordinator in this JVM. Tagged {@code long}; run with
 *
 * <pre>
 * ./mvnw -B -q -pl node -am test -Dtest=GatewayThroughputTest -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dtest.excludedGroups= -Dgroups=long -DskipWebVerifier [-Dtangle.gateway.readings=200000]
 * </pre>
 */
@Tag("long")
class GatewayThroughputTest {

  private static final int READINGS = Integer.getInteger("tangle.gateway.readings", 200_000);

  @TempDir Path dir;

  @Test
  void readingsPerSecondIntoAnchoredBatches() throws Exception {
    TestNodes nodes =
        new TestNodes(
            java.nio.file.Files.createDirectories(dir.resolve("net")),
            TestNetwork.genesis(4).withMilestoneIntervalMs(1000));
    try (Mosquitto broker = Mosquitto.start(dir.resolve("mqtt"));
        Node coordinator = nodes.start("coordinator", List.of(), nodes.coordinatorYaml())) {
      URI nodeUrl =
          URI.create("http://127.0.0.1:" + coordinator.apiAddress().orElseThrow().getPort() + "/");
      GatewayConfig config =
          GatewayFixture.config(
              GatewayFixture.write(
                  dir.resolve("gateway"),
                  nodeUrl,
                  broker.url(),
                  "5s",
                  8192,
                  "  maxReadingsPerSecond: 0\n"));
      try (Gateway gateway =
          new Gateway(config, GatewayFixture.KEY, Clock.systemUTC(), new SimpleMeterRegistry())) {
        gateway.start();
        System.out.println("load before: " + load());

        // HTTP: 4 clients, 1,000 readings per request.
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newHttpClient();
        URI post = URI.create("http://127.0.0.1:" + gateway.httpAddress().getPort() + "/readings");
        AtomicLong next = new AtomicLong();
        List<Future<?>> done = new ArrayList<>();
        long base = System.currentTimeMillis();
        for (int c = 0; c < 4; c++) {
          done.add(
              clients.submit(
                  () -> {
                    long from;
                    while ((from = next.getAndAdd(1000)) < READINGS) {
                      StringBuilder body = new StringBuilder("[");
                      for (long i = from; i < Math.min(READINGS, from + 1000); i++) {
                        if (i > from) {
                          body.append(',');
                        }
                        body.append(
                            new String(
                                SensorReading.unsigned(
                                        "bulk-" + (i % 10_000), base + i, "4.5", "Cel")
                                    .encode(),
                                StandardCharsets.US_ASCII));
                      }
                      body.append(']');
                      HttpResponse<String> answer =
                          http.send(
                              HttpRequest.newBuilder(post)
                                  .header("Content-Type", "application/json")
                                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                  .build(),
                              HttpResponse.BodyHandlers.ofString());
                      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
        double stored = (System.nanoTime() - start) / 1e9;
        await()
            .atMost(Duration.ofMinutes(10))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> gateway.confirmedUpTo() >= READINGS);
        double anchored = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        clients.shutdown();
        System.out.printf(
            "HTTP bulk: %d readings stored in %.2f s (%.0f/s), all anchored after %.2f s (%.0f/s);"
                + " this JVM (gateway, node, clients) used %.1f CPU-s: %.0f readings per CPU-s;"
                + " load %s%n",
            READINGS,
            stored,
            READINGS / stored,
            anchored,
            READINGS / anchored,
            cpu,
            READINGS / cpu,
            load());

        // MQTT: 2 publishers of 10,000 sensors each, as fast as the broker takes them.
        int rounds = Math.max(1, READINGS / 20_000);
        long mqttCpuStart = cpuNanos();
        long mqttStart = System.nanoTime();
        ExecutorService publishers = Executors.newFixedThreadPool(2);
        List<Future<Long>> published = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
          SensorSimulator simulator =
              new SensorSimulator(
                  broker.url(),
                  "bench-publisher-" + p,
                  new SensorSimulator.Plan(
                      10_000,
                      Duration.ZERO,
                      Optional.empty(),
                      rounds,
                      0,
                      false,
                      "mqtt-" + p + "-",
                      "tangle/readings"),
                  Clock.systemUTC(),
                  p,
                  r -> {});
          published.add(publishers.submit(simulator::run));
        }
        long total = 0;
        for (Future<Long> f : published) {
          total += f.get();
        }
        double sent = (System.nanoTime() - mqttStart) / 1e9;
        long expected = READINGS + total;
        await()
            .atMost(Duration.ofMinutes(10))
            .pollInterval(Duration.ofMillis(100))
            .until(
                () -> gateway.stored() >= expected && gateway.confirmedUpTo() >= gateway.stored());
        double mqttAnchored = (System.nanoTime() - mqttStart) / 1e9;
        double mqttCpu = (cpuNanos() - mqttCpuStart) / 1e9;
        publishers.shutdown();
        System.out.printf(
            "MQTT: %d readings acknowledged by the broker in %.2f s (%.0f/s), all stored and anchored after %.2f s (%.0f/s); stored %d (same device and ms counted once); load %s%n",
            total,
            sent,
            total / sent,
            mqttAnchored,
            total / mqttAnchored,
            gateway.stored() - READINGS,
            load());
      }
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String load() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
