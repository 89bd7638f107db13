package org.tanglenode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI smoke run of every {@code tangle bench} workload at a tiny size, so the harness never
 * rots: each starts real node JVMs on loopback and must produce a sane result with everything it
 * sent confirmed. It checks fields, not speed (docs/benchmarks.md: performance is measured, never
 * asserted).
 */
class BenchCommandTest {

  private static final String NODE_JVM = "-Xmx256m -XX:TieredStopAtLevel=1 -Xshare:auto";

  /** A multiple of three, so each node of {@code network} is sent as many. */
  private static final int COUNT = 150;

  @TempDir Path dir;

  private JsonNode run(String... args) throws Exception {
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as("stdout:\n%s\nstderr:\n%s", run.out(), run.err()).isZero();
    Path json = Path.of(run.field("result:"));
    assertThat(json.resolveSibling(json.getFileName().toString().replace(".json", ".html")))
        .content()
        .contains("<svg", "stored/s", "CPU by thread group", "git commit");
    return new ObjectMapper().readTree(Files.readString(json));
  }

  private static void assertSaneNode(JsonNode node, long count) {
    assertThat(node.path("stored").asLong()).isEqualTo(count);
    assertThat(node.path("confirmed").asLong()).isEqualTo(node.path("stored").asLong());
    assertThat(node.path("storedPerSecond").asDouble()).isPositive();
    assertThat(node.path("confirmedPerSecond").asDouble()).isPositive();
    JsonNode latency = node.path("latencyMs");
    assertThat(latency.path("count").asLong()).isEqualTo(count);
    assertThat(latency.path("p50").asLong()).isLessThanOrEqualTo(latency.path("p99").asLong());
    assertThat(latency.path("p99").asLong()).isLessThanOrEqualTo(latency.path("max").asLong());
    JsonNode cpu = node.path("cpu");
    assertThat(cpu.path("microsPerTransaction").asDouble()).isPositive();
    assertThat(cpu.path("verifiesPerTransaction").asDouble()).isPositive();
    assertThat(cpu.path("groups")).isNotEmpty();
    assertThat(node.path("timeline")).isNotEmpty();
  }

  private static void assertSaneRun(JsonNode result, String workload) {
    assertThat(result.path("workload").asText()).isEqualTo(workload);
    assertThat(result.path("machine").path("cores").asInt()).isPositive();
    assertThat(result.path("machine").path("gitCommit").asText()).isNotBlank();
    assertThat(result.path("machine").path("loadAverageAtStart").asText()).isNotBlank();
    assertThat(result.path("calibration").path("verifyMicros").asDouble()).isPositive();
    assertThat(result.path("calibration").path("validateMicros").asDouble()).isPositive();
    assertThat(result.path("notes")).isEmpty();
  }

  private String[] common(String workload, String... more) {
    String[] base = {
      "bench",
      workload,
      "--count",
      Integer.toString(COUNT),
      "--milestone-ms",
      "300",
      "--warmup",
      "30",
      "--timeout",
      "60",
      "--out",
      dir.resolve("out").toString(),
      "--work-dir",
      dir.resolve("work").toString(),
      "--node-jvm",
      NODE_JVM
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void ingestOverRestConfirmsEverythingItStored() throws Exception {
    JsonNode result = run(common("ingest", "--via", "rest", "--parents", "random"));
    assertSaneRun(result, "ingest");
    assertThat(result.path("send").path("accepted").asLong()).isEqualTo(COUNT);
    assertSaneNode(result.path("nodes").get(0), COUNT);
  }

  @Test
  void ingestOverRestWithBinaryBodiesConfirmsEverythingItStored() throws Exception {
    JsonNode result = run(common("ingest", "--via", "rest-binary", "--parents", "chained"));
    assertSaneRun(result, "ingest");
    assertThat(result.path("send").path("via").asText()).isEqualTo("rest-binary");
    assertThat(result.path("send").path("accepted").asLong()).isEqualTo(COUNT);
    assertSaneNode(result.path("nodes").get(0), COUNT);
  }

  @Test
  void ingestOverGossipOutOfOrderConfirmsEverythingItStored() throws Exception {
    JsonNode result = run(common("ingest", "--via", "gossip", "--parents", "out-of-order"));
    assertSaneRun(result, "ingest");
    assertSaneNode(result.path("nodes").get(0), COUNT);
  }

  @Test
  void networkConfirmsEverythingOnAllThreeNodesAndMeasuresPropagation() throws Exception {
    JsonNode result = run(common("network", "--rate", "100"));
    assertSaneRun(result, "network");
    assertThat(result.path("nodes")).hasSize(3);
    for (JsonNode node : result.path("nodes")) {
      assertSaneNode(node, COUNT);
      // Two of every three transactions were submitted to another node.
      assertThat(node.path("propagationMs").path("count").asLong()).isEqualTo(2 * COUNT / 3);
    }
  }

  @Test
  void syncCatchesAFreshNodeUpWithEverythingItsPeerHolds() throws Exception {
    JsonNode result = run(common("sync"));
    assertSaneRun(result, "sync");
    assertSaneNode(result.path("nodes").get(0), COUNT);
    JsonNode sync = result.path("sync");
    // The run's transactions and the milestones that confirmed them.
    assertThat(sync.path("transactions").asLong()).isGreaterThan(COUNT);
    assertThat(sync.path("milestone").asInt()).isPositive();
    assertThat(sync.path("transactionsPerSecond").asDouble()).isPositive();
  }

  @Test
  void networkRefusesToRunClosedLoop() {
    CliRun run = CliRun.of("bench", "network", "--count", "1");
    assertThat(run.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(run.err()).contains("--rate above 0");
  }

  @Test
  void refusesAnUnknownParentsPattern() {
    CliRun run = CliRun.of("bench", "ingest", "--parents", "sideways", "--count", "1");
    assertThat(run.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(run.err()).contains("--parents must be chained, random or out-of-order");
  }
}
