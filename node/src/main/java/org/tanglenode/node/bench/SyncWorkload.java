package org.tanglenode.node.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code sync}: node-1 (the coordinator) takes the generated transactions over REST as fast as it
 * can and confirms them; then a fresh node-2, peered with it, is started and timed until it holds
 * every transaction node-1 holds and has confirmed node-1's confirmed milestone. Node-2's result
 * counts its stored and confirmed transactions of the run, with latency measured from the start of
 * the sync, and its CPU from its JVM's start.
 */
final class SyncWorkload {

  private final BenchSettings settings;
  private final ObjectMapper json;

  SyncWorkload(BenchSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
  }

  BenchResult run() {
    WorkloadSteps.Setup setup = WorkloadSteps.prepare(settings, 0);
    String startedAt = setup.startedAt();
    String loadAtStart = setup.loadAtStart();
    BenchNetwork files = setup.files();
    List<GeneratedTransaction> txs = setup.measured();
    Calibration.Costs costs = setup.costs();
    List<String> notes = new ArrayList<>();
    HttpClient http = setup.http();
    try (NodeProcess source =
        NodeProcess.start(
            "node-1",
            files.nodeConfig("node-1", true, List.of(), settings.durability()),
            settings.nodeJvmFlags(),
            Duration.ofSeconds(60))) {
      NodeClient sourceClient = new NodeClient(source.api(), http, json);
      Map<String, Long> loaded = new ConcurrentHashMap<>();
      long loadStart = System.nanoTime();
      RestLoad.Outcome outcome;
      try (NodeMeasurement loading =
          NodeMeasurement.begin(source, sourceClient, loaded, loadStart)) {
        outcome = RestLoad.closedLoop(List.of(sourceClient), txs, loaded, settings.connections());
        WorkloadSteps.awaitConfirmed(
            List.of(loading), outcome.accepted(), settings.timeout(), notes);
        loading.end();
      }
      BenchResult.Send send =
          new BenchResult.Send(
              "rest",
              txs.size(),
              outcome.accepted(),
              outcome.refused(),
              outcome.late(),
              WorkloadSteps.seconds(loadStart));
      // The target: everything node-1 holds now (milestones go on being issued meanwhile).
      NodeClient.Info target = sourceClient.info();
      long start = System.nanoTime();
      Map<String, Long> since = new ConcurrentHashMap<>();
      txs.forEach(tx -> since.put(tx.id().toHex(), start));
      try (NodeProcess fresh =
          NodeProcess.start(
              "node-2",
              files.nodeConfig(
                  "node-2", false, List.of(source.gossipAddress()), settings.durability()),
              settings.nodeJvmFlags(),
              Duration.ofSeconds(60))) {
        NodeClient freshClient = new NodeClient(fresh.api(), http, json);
        try (NodeMeasurement syncing =
            NodeMeasurement.beginFromProcessStart(fresh, freshClient, since, start)) {
          long deadline = System.nanoTime() + settings.timeout().toNanos();
          NodeClient.Info now = freshClient.info();
          while (now.transactions() < target.transactions()
              || now.confirmedMilestone() < target.confirmedMilestone()) {
            if (System.nanoTime() > deadline) {
              notes.add(
                  "sync timed out after "
                      + settings.timeout().toSeconds()
                      + " s at "
                      + now.transactions()
                      + " of "
                      + target.transactions()
                      + " transactions, milestone "
                      + now.confirmedMilestone()
                      + " of "
                      + target.confirmedMilestone());
              break;
            }
            WorkloadSteps.sleep(ProgressTracker.POLL_MS);
            now = freshClient.info();
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          WorkloadSteps.awaitConfirmed(
              List.of(syncing), outcome.accepted(), Duration.ofSeconds(5), new ArrayList<>());
          syncing.end();
          BenchResult.NodeResult result =
              syncing.result(txs.size(), costs, start, BenchResult.Latency.NONE);
          return new BenchResult(
              "sync",
              startedAt,
              settings.asMap(),
              WorkloadSteps.machine(settings, loadAtStart),
              costs,
              send,
              List.of(result),
              notes,
              new BenchResult.Sync(
                  now.transactions(),
                  now.confirmedMilestone(),
                  NodeMeasurement.round(seconds),
                  NodeMeasurement.round(now.transactions() / Math.max(seconds, 1e-3))));
        }
      }
    }
  }
}
