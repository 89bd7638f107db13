package org.tanglenode.node.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Watches one node through its API while a workload runs: every {@link #POLL_MS} it reads {@code
 * /api/v1/info} (stored transactions, confirmed milestone), and when the confirmed milestone
 * advances it reads the ids each new milestone confirmed and, for the workload's own transactions,
 * records submit-to-confirmed latency: from the submit time to the poll that first saw the
 * milestone confirmed (so latencies are late by at most one poll and a request). Confirmation times
 * per second give confirmed/s; the stored count per poll gives stored/s.
 */
final class ProgressTracker implements AutoCloseable {

  static final long POLL_MS = 50;

  /**
   * One poll: milliseconds since the run's start, the node's transaction and latest-milestone
   * counts, and how many of the run's transactions it has confirmed so far.
   */
  record Sample(
      long atMs,
      long transactions,
      int latestMilestone,
      long confirmedOurs,
      int confirmedMilestone) {}

  private final NodeClient client;
  private final Map<String, Long> submittedNanos;
  private final long startNanos;
  private final Histogram latencyMs = new Histogram(3_600_000L, 3);
  private final List<Sample> samples = new ArrayList<>();
  private final AtomicLong confirmedOurs = new AtomicLong();
  private final AtomicLong pollFailures = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile RuntimeException failure;
  private volatile NodeClient.Info last;
  private int seenMilestone;

  /**
   * @param submittedNanos the workload's transactions (id hex to {@link System#nanoTime} of
   *     submission), filled in as they are sent; shared by the trackers of every node
   */
  ProgressTracker(NodeClient client, Map<String, Long> submittedNanos, long startNanos) {
    this.client = client;
    this.submittedNanos = submittedNanos;
    this.startNanos = startNanos;
    this.thread = new Thread(this::loop, "bench-progress-" + client.api().getPort());
    this.thread.setDaemon(true);
  }

  /**
   * Starts polling; milestones confirmed before now are not read, but see {@link
   * #startFromGenesis}.
   */
  void start() {
    NodeClient.Info first = client.info();
    seenMilestone = first.confirmedMilestone();
    last = first;
    thread.start();
  }

  /** Starts polling and reads every milestone the node confirms from the first on. */
  void startFromGenesis() {
    NodeClient.Info first = client.info();
    seenMilestone = 0;
    last = first;
    thread.start();
  }

  private void loop() {
    try {
      while (running) {
        long now = System.nanoTime();
        try {
          poll(now);
        } catch (BenchFailedException e) {
          // A node busy beyond its API timeout: counted, and the same milestone is read again on
          // the next poll, so nothing is counted twice or lost.
          pollFailures.incrementAndGet();
        }
        long sleep = POLL_MS - (System.nanoTime() - now) / 1_000_000;
        if (sleep > 0) {
          Thread.sleep(sleep);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  private void poll(long now) {
    NodeClient.Info info = client.info();
    last = info;
    for (int index = seenMilestone + 1; index <= info.confirmedMilestone(); index++) {
      List<String> ids = client.confirmedBy(index);
      for (String id : ids) {
        Long submitted = submittedNanos.get(id);
        if (submitted != null) {
          latencyMs.recordValue(Math.max(0, (now - submitted) / 1_000_000));
          confirmedOurs.incrementAndGet();
        }
      }
      seenMilestone = index;
    }
    synchronized (samples) {
      samples.add(
          new Sample(
              (now - startNanos) / 1_000_000,
              info.transactions(),
              info.latestMilestone(),
              confirmedOurs.get(),
              info.confirmedMilestone()));
    }
  }

  /** Polls that failed (a request timed out or was refused) and were retried. */
  long pollFailures() {
    return pollFailures.get();
  }

  /** Of the workload's transactions, how many this node has seen confirmed. */
  long confirmedOurs() {
    check();
    return confirmedOurs.get();
  }

  NodeClient.Info lastInfo() {
    check();
    return last;
  }

  Histogram latencyMs() {
    return latencyMs;
  }

  List<Sample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  private void check() {
    if (failure != null) {
      throw new BenchFailedException("watching " + client.api() + " failed: " + failure, failure);
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
