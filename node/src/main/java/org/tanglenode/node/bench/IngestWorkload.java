package org.tanglenode.node.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ingest}: one node (the coordinator) in its own JVM takes the generated transactions over
 * REST or from a gossip load peer; measured from the first send until every one is confirmed (or
 * the timeout).
 */
final class IngestWorkload {

  private final BenchSettings settings;
  private final ObjectMapper json;

  IngestWorkload(BenchSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
  }

  BenchResult run() {
    WorkloadSteps.Setup setup = WorkloadSteps.prepare(settings, settings.warmup());
    String startedAt = setup.startedAt();
    String loadAtStart = setup.loadAtStart();
    BenchNetwork files = setup.files();
    List<GeneratedTransaction> all = setup.all();
    List<GeneratedTransaction> warmup = setup.warmupTransactions();
    List<GeneratedTransaction> txs = setup.measured();
    Calibration.Costs costs = setup.costs();
    List<String> notes = new ArrayList<>();
    HttpClient http = setup.http();
    try (NodeProcess node =
            NodeProcess.start(
                "node-1",
                files.nodeConfig("node-1", true, List.of(), settings.durability()),
                settings.nodeJvmFlags(),
                Duration.ofSeconds(60));
        GossipLoad peer = new GossipLoad(files.network(), all)) {
      NodeClient plain = new NodeClient(node.api(), http, json);
      NodeClient client = settings.via().equals("rest-binary") ? plain.withBinarySubmit() : plain;
      if (settings.via().equals("gossip")) {
        peer.connect(node.gossipAddress(), Duration.ofSeconds(30));
      }
      if (!warmup.isEmpty()) {
        // The same path as the measured run, so the JIT has compiled it before CPU is counted.
        long start = System.nanoTime();
        Map<String, Long> warmupSubmitted = new ConcurrentHashMap<>();
        try (NodeMeasurement measurement =
            NodeMeasurement.begin(node, client, warmupSubmitted, start)) {
          List<String> warmupNotes = new ArrayList<>();
          send(peer, client, warmup, warmupSubmitted, measurement, start, warmupNotes);
          if (!warmupNotes.isEmpty()) {
            notes.add("warm-up: " + warmupNotes);
          }
          measurement.end();
        }
      }
      Map<String, Long> submitted = new ConcurrentHashMap<>();
      long start = System.nanoTime();
      try (NodeMeasurement measurement = NodeMeasurement.begin(node, client, submitted, start)) {
        settings
            .jfr()
            .ifPresent(
                file ->
                    Jcmd.run(
                        node.pid(),
                        "JFR.start",
                        "name=bench",
                        "settings=profile",
                        "filename=" + file));
        BenchResult.Send send = send(peer, client, txs, submitted, measurement, start, notes);
        measurement.end();
        settings.jfr().ifPresent(file -> Jcmd.run(node.pid(), "JFR.stop", "name=bench"));
        BenchResult.NodeResult result =
            measurement.result(txs.size(), costs, start, BenchResult.Latency.NONE);
        return new BenchResult(
            "ingest",
            startedAt,
            settings.asMap(),
            WorkloadSteps.machine(settings, loadAtStart),
            costs,
            send,
            List.of(result),
            notes,
            null);
      }
    }
  }

  /** Sends {@code txs} the configured way and waits until they are confirmed or time runs out. */
  private BenchResult.Send send(
      GossipLoad peer,
      NodeClient client,
      List<GeneratedTransaction> txs,
      Map<String, Long> submitted,
      NodeMeasurement measurement,
      long start,
      List<String> notes) {
    BenchResult.Send send;
    if (settings.via().equals("gossip")) {
      long base = measurement.storedOurs();
      peer.send(txs, submitted, settings.gossipWindow(), () -> measurement.storedOurs() - base);
      send =
          new BenchResult.Send(
              "gossip", txs.size(), txs.size(), 0, 0, WorkloadSteps.seconds(start));
    } else {
      RestLoad.Outcome outcome =
          settings.rate() > 0
              ? RestLoad.openLoop(List.of(client), txs, submitted, settings.rate())
              : RestLoad.closedLoop(List.of(client), txs, submitted, settings.connections());
      send =
          new BenchResult.Send(
              settings.via(),
              txs.size(),
              outcome.accepted(),
              outcome.refused(),
              outcome.late(),
              WorkloadSteps.seconds(start));
    }
    WorkloadSteps.awaitConfirmed(List.of(measurement), send.accepted(), settings.timeout(), notes);
    return send;
  }
}
