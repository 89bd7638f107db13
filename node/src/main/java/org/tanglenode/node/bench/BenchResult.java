package org.tanglenode.node.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The JSON result of one {@code tangle bench} run (docs/benchmarks.md lists every field). Times are
 * in the unit their name says; counts are of the workload's own transactions, milestones left out.
 */
record BenchResult(
    String workload,
    String startedAt,
    Map<String, Object> parameters,
    Machine machine,
    Calibration.Costs calibration,
    Send send,
    List<NodeResult> nodes,
    List<String> notes,
    @JsonInclude(JsonInclude.Include.NON_NULL) Sync sync) {

  /**
   * {@code sync} only: a fresh node caught up {@code transactions} stored by its peer (milestones
   * included) in {@code seconds}, from its JVM's start to holding them all and the peer's confirmed
   * milestone.
   */
  record Sync(long transactions, int milestone, double seconds, double transactionsPerSecond) {}

  /** Where and how it ran. */
  record Machine(
      String cpu,
      int cores,
      String os,
      String java,
      String loadAverageAtStart,
      String loadAverageAtEnd,
      List<String> nodeJvmFlags,
      String gitCommit) {}

  /**
   * The generator's side: refused counts each refused or timed-out attempt (each is retried); late
   * counts open-loop sends that went out over 1 s after their time.
   */
  record Send(String via, long offered, long accepted, long refused, long late, double seconds) {}

  /** What one node did with the workload. */
  record NodeResult(
      String name,
      long stored,
      long confirmed,
      double storedPerSecond,
      double confirmedPerSecond,
      Latency latencyMs,
      Latency propagationMs,
      Cpu cpu,
      long failedPolls,
      List<TimelinePoint> timeline) {}

  /** Percentiles of a latency, in milliseconds; count 0 when nothing was measured. */
  record Latency(long count, long p50, long p90, long p99, long p999, long max) {
    static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0);
  }

  /**
   * The node's CPU over the measured window: in all, per transaction stored and confirmed, and that
   * as a multiple of one Ed25519 verify and one validate timed in the harness.
   */
  record Cpu(
      double seconds,
      double microsPerTransaction,
      double verifiesPerTransaction,
      double validatesPerTransaction,
      double jitSeconds,
      double microsPerTransactionWithoutJit,
      List<CpuGroup> groups) {}

  record CpuGroup(String group, double seconds, double microsPerTransaction) {}

  /** Per second since the first send: the run's transactions stored and confirmed in it. */
  record TimelinePoint(long second, long stored, long confirmed) {}
}
