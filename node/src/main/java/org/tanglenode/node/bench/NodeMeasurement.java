package org.tanglenode.node.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One node's part of a run, measured from its first send to the end: a tracker for stored and
 * confirmed counts and latency, and CPU snapshots of its process. Stored counts leave out the
 * milestones the node stored meanwhile, so they count the run's transactions only.
 */
final class NodeMeasurement implements AutoCloseable {

  private final NodeProcess node;
  private final ProgressTracker tracker;
  private final NodeClient.Info baseline;
  private final ThreadCpu.Snapshot cpuBefore;
  private ThreadCpu.Snapshot cpuAfter;
  private long endNanos;

  private NodeMeasurement(
      NodeProcess node,
      ProgressTracker tracker,
      NodeClient.Info baseline,
      ThreadCpu.Snapshot cpuBefore) {
    this.node = node;
    this.tracker = tracker;
    this.baseline = baseline;
    this.cpuBefore = cpuBefore;
  }

  static NodeMeasurement begin(
      NodeProcess node, NodeClient client, Map<String, Long> submitted, long startNanos) {
    NodeClient.Info baseline = client.info();
    ProgressTracker tracker =
        new ProgressTracker(client.withOwnConnections(), submitted, startNanos);
    tracker.start();
    return new NodeMeasurement(node, tracker, baseline, ThreadCpu.snapshot(node.pid()));
  }

  String name() {
    return node.name();
  }

  /**
   * As {@link #begin}, for a node started just now: counts and CPU from zero, so everything it
   * stored and spent since its JVM started is in the window.
   */
  static NodeMeasurement beginFromProcessStart(
      NodeProcess node, NodeClient client, Map<String, Long> submitted, long startNanos) {
    ProgressTracker tracker =
        new ProgressTracker(client.withOwnConnections(), submitted, startNanos);
    tracker.startFromGenesis();
    return new NodeMeasurement(
        node, tracker, new NodeClient.Info(0, 0, 0), new ThreadCpu.Snapshot(Map.of(), Map.of(), 0));
  }

  /** The run's transactions this node has stored so far (from the last poll). */
  long storedOurs() {
    return storedOf(tracker.lastInfo().transactions(), tracker.lastInfo().latestMilestone());
  }

  long confirmedOurs() {
    return tracker.confirmedOurs();
  }

  private long storedOf(long transactions, int latestMilestone) {
    return Math.max(
        0,
        (transactions - baseline.transactions()) - (latestMilestone - baseline.latestMilestone()));
  }

  /** Ends the measured window: CPU is taken now, polling stops. */
  void end() {
    cpuAfter = ThreadCpu.snapshot(node.pid());
    endNanos = System.nanoTime();
    tracker.close();
  }

  BenchResult.NodeResult result(
      long count, Calibration.Costs costs, long startNanos, BenchResult.Latency propagation) {
    List<ProgressTracker.Sample> samples = tracker.samples();
    long stored = samples.isEmpty() ? 0 : storedOf(last(samples));
    long confirmed = tracker.confirmedOurs();
    double elapsed = (endNanos - startNanos) / 1e9;
    double storedSeconds = secondsUntil(samples, s -> storedOf(s) >= stored, elapsed);
    double confirmedSeconds = secondsUntil(samples, s -> s.confirmedOurs() >= confirmed, elapsed);
    return new BenchResult.NodeResult(
        node.name(),
        stored,
        confirmed,
        round(stored / Math.max(storedSeconds, 1e-3)),
        round(confirmed / Math.max(confirmedSeconds, 1e-3)),
        latency(tracker.latencyMs()),
        propagation,
        cpu(Math.max(1, Math.min(stored, confirmed)), costs),
        tracker.pollFailures(),
        timeline(samples));
  }

  private long storedOf(ProgressTracker.Sample s) {
    return storedOf(s.transactions(), s.latestMilestone());
  }

  private static ProgressTracker.Sample last(List<ProgressTracker.Sample> samples) {
    return samples.get(samples.size() - 1);
  }

  private static double secondsUntil(
      List<ProgressTracker.Sample> samples,
      java.util.function.Predicate<ProgressTracker.Sample> reached,
      double otherwise) {
    for (ProgressTracker.Sample s : samples) {
      if (reached.test(s)) {
        return s.atMs() / 1000.0;
      }
    }
    return otherwise;
  }

  private BenchResult.Cpu cpu(long transactions, Calibration.Costs costs) {
    double total = ThreadCpu.processSeconds(cpuBefore, cpuAfter);
    double perTx = total * 1e6 / transactions;
    List<BenchResult.CpuGroup> groups = new ArrayList<>();
    ThreadCpu.secondsByGroup(cpuBefore, cpuAfter)
        .forEach(
            (group, seconds) ->
                groups.add(
                    new BenchResult.CpuGroup(
                        group, round(seconds), round(seconds * 1e6 / transactions))));
    groups.sort(Comparator.comparingDouble(BenchResult.CpuGroup::seconds).reversed());
    // HotSpot names its compiler threads "C1 CompilerThread0", "C2 CompilerThread1".
    double jit =
        groups.stream()
            .filter(g -> g.group().contains("CompilerThre"))
            .mapToDouble(BenchResult.CpuGroup::seconds)
            .sum();
    return new BenchResult.Cpu(
        round(total),
        round(perTx),
        round(perTx / costs.verifyMicros()),
        round(perTx / costs.validateMicros()),
        round(jit),
        round((total - jit) * 1e6 / transactions),
        groups);
  }

  private List<BenchResult.TimelinePoint> timeline(List<ProgressTracker.Sample> samples) {
    List<BenchResult.TimelinePoint> points = new ArrayList<>();
    long previousStored = 0;
    long previousConfirmed = 0;
    int i = 0;
    for (long second = 1; i < samples.size(); second++) {
      ProgressTracker.Sample atEnd = null;
      while (i < samples.size() && samples.get(i).atMs() < second * 1000) {
        atEnd = samples.get(i++);
      }
      if (atEnd == null) {
        points.add(new BenchResult.TimelinePoint(second, 0, 0));
        continue;
      }
      long stored = storedOf(atEnd);
      points.add(
          new BenchResult.TimelinePoint(
              second, stored - previousStored, atEnd.confirmedOurs() - previousConfirmed));
      previousStored = stored;
      previousConfirmed = atEnd.confirmedOurs();
    }
    return points;
  }

  static BenchResult.Latency latency(Histogram h) {
    if (h.getTotalCount() == 0) {
      return new BenchResult.Latency(0, 0, 0, 0, 0, 0);
    }
    return new BenchResult.Latency(
        h.getTotalCount(),
        h.getValueAtPercentile(50),
        h.getValueAtPercentile(90),
        h.getValueAtPercentile(99),
        h.getValueAtPercentile(99.9),
        h.getMaxValue());
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  @Override
  public void close() {
    tracker.close();
  }
}
