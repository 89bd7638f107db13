package org.tanglenode.node.bench;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;

/** Steps every workload takes: preparing the run, recording the machine, awaiting confirmation. */
final class WorkloadSteps {

  private WorkloadSteps() {}

  /**
   * What every workload has before its first node starts: the start time and load, the network's
   * files, the transactions signed in advance ({@code warmup} of them first) and the calibration.
   */
  record Setup(
      String startedAt,
      String loadAtStart,
      BenchNetwork files,
      List<GeneratedTransaction> all,
      int warmup,
      Calibration.Costs costs,
      HttpClient http) {

    List<GeneratedTransaction> warmupTransactions() {
      return all.subList(0, warmup);
    }

    List<GeneratedTransaction> measured() {
      return all.subList(warmup, all.size());
    }
  }

  static Setup prepare(BenchSettings settings, int warmup) {
    String startedAt = Instant.now().toString();
    String loadAtStart = MachineFacts.loadAverage();
    BenchNetwork files =
        BenchNetwork.create(
            settings.workDir(), settings.powDifficulty(), settings.milestoneIntervalMs());
    List<GeneratedTransaction> all =
        new TransactionGenerator(files.network(), files.issuers(), 1)
            .generate(warmup, settings.count(), settings.sizeBytes(), settings.parents());
    Calibration.Costs costs = Calibration.measure(files.network(), all.get(warmup).bytes());
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return new Setup(startedAt, loadAtStart, files, all, warmup, costs, http);
  }

  static BenchResult.Machine machine(BenchSettings settings, String loadAtStart) {
    return new BenchResult.Machine(
        MachineFacts.cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        MachineFacts.os(),
        MachineFacts.java(),
        loadAtStart,
        MachineFacts.loadAverage(),
        settings.nodeJvmFlags(),
        MachineFacts.gitCommit());
  }

  /**
   * Waits until every node has confirmed {@code expected} of the run's transactions, or the
   * timeout; on timeout a note says how far each got.
   */
  static void awaitConfirmed(
      List<NodeMeasurement> nodes, long expected, java.time.Duration timeout, List<String> notes) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (nodes.stream().anyMatch(n -> n.confirmedOurs() < expected)) {
      if (System.nanoTime() > deadline) {
        StringBuilder note =
            new StringBuilder("timed out after " + timeout.toSeconds() + " s waiting for ");
        note.append(expected).append(" confirmed:");
        for (NodeMeasurement n : nodes) {
          note.append(' ')
              .append(n.name())
              .append(" confirmed ")
              .append(n.confirmedOurs())
              .append(", stored ")
              .append(n.storedOurs())
              .append(';');
        }
        notes.add(note.toString());
        return;
      }
      sleep(ProgressTracker.POLL_MS);
    }
    // One more poll so the stored counts are read after the last confirmation.
    sleep(2 * ProgressTracker.POLL_MS);
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailedException("interrupted while waiting");
    }
  }

  static double seconds(long fromNanos) {
    return NodeMeasurement.round((System.nanoTime() - fromNanos) / 1e9);
  }
}
