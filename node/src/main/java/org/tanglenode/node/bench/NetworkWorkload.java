package org.tanglenode.node.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * {@code network}: three nodes in their own JVMs on loopback (node-1 the coordinator; node-2 peers
 * with node-1; node-3 with both), an open-loop generator at a fixed offered rate sending each
 * transaction over REST to the nodes in turn. Per node: confirmed/s, confirmation latency (submit
 * to confirmed there) and propagation latency (submitted elsewhere, stored there, from a sample).
 */
final class NetworkWorkload {

  static final int NODES = 3;

  /** Transactions sampled for propagation (about two thirds of them were sent elsewhere). */
  static final int PROPAGATION_SAMPLE = 450;

  private final BenchSettings settings;
  private final ObjectMapper json;

  NetworkWorkload(BenchSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
  }

  BenchResult run() {
    if (settings.rate() <= 0) {
      throw new IllegalArgumentException("network needs an offered --rate above 0");
    }
    WorkloadSteps.Setup setup = WorkloadSteps.prepare(settings, settings.warmup());
    String startedAt = setup.startedAt();
    String loadAtStart = setup.loadAtStart();
    BenchNetwork files = setup.files();
    List<GeneratedTransaction> warmup = setup.warmupTransactions();
    List<GeneratedTransaction> txs = setup.measured();
    Calibration.Costs costs = setup.costs();
    List<String> notes = new ArrayList<>();
    HttpClient http = setup.http();
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      for (int i = 1; i <= NODES; i++) {
        List<String> peers = nodes.stream().map(NodeProcess::gossipAddress).toList();
        String name = "node-" + i;
        nodes.add(
            NodeProcess.start(
                name,
                files.nodeConfig(name, i == 1, peers, settings.durability()),
                settings.nodeJvmFlags(),
                Duration.ofSeconds(60)));
      }
      List<NodeClient> clients =
          nodes.stream().map(n -> new NodeClient(n.api(), http, json)).toList();
      awaitSameMilestone(clients);
      if (!warmup.isEmpty()) {
        phase(nodes, clients, warmup, costs, new ArrayList<>());
      }
      List<BenchResult.NodeResult> results = new ArrayList<>();
      BenchResult.Send send = phase(nodes, clients, txs, costs, results, notes);
      return new BenchResult(
          "network",
          startedAt,
          settings.asMap(),
          WorkloadSteps.machine(settings, loadAtStart),
          costs,
          send,
          results,
          notes,
          null);
    } finally {
      for (int i = nodes.size() - 1; i >= 0; i--) {
        nodes.get(i).close();
      }
    }
  }

  private BenchResult.Send phase(
      List<NodeProcess> nodes,
      List<NodeClient> clients,
      List<GeneratedTransaction> txs,
      Calibration.Costs costs,
      List<String> notes) {
    return phase(nodes, clients, txs, costs, new ArrayList<>(), notes);
  }

  private BenchResult.Send phase(
      List<NodeProcess> nodes,
      List<NodeClient> clients,
      List<GeneratedTransaction> txs,
      Calibration.Costs costs,
      List<BenchResult.NodeResult> results,
      List<String> notes) {
    Map<String, Long> submitted = new ConcurrentHashMap<>();
    Map<String, String> origin = new ConcurrentHashMap<>();
    for (int i = 0; i < txs.size(); i++) {
      origin.put(txs.get(i).id().toHex(), nodes.get(i % nodes.size()).name());
    }
    List<NodeMeasurement> measurements = new ArrayList<>();
    try {
      long start = System.nanoTime();
      long startWallMs = System.currentTimeMillis();
      for (int i = 0; i < nodes.size(); i++) {
        measurements.add(NodeMeasurement.begin(nodes.get(i), clients.get(i), submitted, start));
      }
      RestLoad.Outcome outcome = RestLoad.openLoop(clients, txs, submitted, settings.rate());
      BenchResult.Send send =
          new BenchResult.Send(
              "rest",
              txs.size(),
              outcome.accepted(),
              outcome.refused(),
              outcome.late(),
              WorkloadSteps.seconds(start));
      WorkloadSteps.awaitConfirmed(measurements, outcome.accepted(), settings.timeout(), notes);
      for (NodeMeasurement measurement : measurements) {
        measurement.end();
      }
      for (int i = 0; i < nodes.size(); i++) {
        BenchResult.Latency propagation =
            propagation(
                nodes.get(i).name(), clients.get(i), txs, submitted, origin, start, startWallMs);
        results.add(measurements.get(i).result(txs.size(), costs, start, propagation));
      }
      return send;
    } finally {
      measurements.forEach(NodeMeasurement::close);
    }
  }

  /**
   * Propagation to one node, read after the run from a sample of the transactions submitted to the
   * other nodes: the node's own {@code arrivalTime} (metadata) minus the intended submit time. All
   * nodes and the harness share this machine's clock, so the two are comparable; a sample keeps the
   * reads few.
   */
  private static BenchResult.Latency propagation(
      String nodeName,
      NodeClient client,
      List<GeneratedTransaction> txs,
      Map<String, Long> submitted,
      Map<String, String> origin,
      long startNanos,
      long startWallMs) {
    Histogram histogram = new Histogram(3_600_000L, 3);
    int stride = Math.max(1, txs.size() / PROPAGATION_SAMPLE);
    for (int i = 0; i < txs.size(); i += stride) {
      String id = txs.get(i).id().toHex();
      Long submittedNanos = submitted.get(id);
      if (submittedNanos == null || nodeName.equals(origin.get(id))) {
        continue;
      }
      long submittedWallMs = startWallMs + (submittedNanos - startNanos) / 1_000_000;
      histogram.recordValue(Math.max(0, client.arrivalMs(id) - submittedWallMs));
    }
    return NodeMeasurement.latency(histogram);
  }

  /** Waits until the peers have the coordinator's first milestone: connected and in step. */
  private void awaitSameMilestone(List<NodeClient> clients) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      int coordinator = clients.get(0).info().confirmedMilestone();
      boolean inStep =
          coordinator >= 1
              && clients.stream().allMatch(c -> c.info().confirmedMilestone() >= coordinator);
      if (inStep) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new BenchFailedException("the peers did not follow the coordinator within 60 s");
      }
      WorkloadSteps.sleep(200);
    }
  }
}
