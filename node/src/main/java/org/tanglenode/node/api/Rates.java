package org.tanglenode.node.api;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Transactions per second received, stored and confirmed, over the last {@value #WINDOW_MS} ms,
 * from two ever-growing counts. Sampled when asked (at most one sample per second kept), so it
 * needs no thread of its own.
 */
final class Rates {

  static final long WINDOW_MS = 10_000;

  record Snapshot(double receivedPerSecond, double storedPerSecond, double confirmedPerSecond) {}

  private record Sample(long atMs, long received, long stored, long confirmed) {}

  private final LongSupplier received;
  private final LongSupplier stored;
  private final LongSupplier confirmed;
  private final Clock clock;
  private final Deque<Sample> samples = new ArrayDeque<>();

  Rates(LongSupplier received, LongSupplier stored, LongSupplier confirmed, Clock clock) {
    this.received = received;
    this.stored = stored;
    this.confirmed = confirmed;
    this.clock = clock;
  }

  synchronized Snapshot now() {
    long now = clock.millis();
    Sample current =
        new Sample(now, received.getAsLong(), stored.getAsLong(), confirmed.getAsLong());
    if (samples.isEmpty() || now - samples.peekLast().atMs() >= 1000) {
      samples.addLast(current);
    }
    while (samples.size() > 1 && now - samples.peekFirst().atMs() > WINDOW_MS) {
      samples.removeFirst();
    }
    Sample first = samples.peekFirst();
    double seconds = (current.atMs() - first.atMs()) / 1000.0;
    if (seconds < 0.5) {
      return new Snapshot(0, 0, 0);
    }
    return new Snapshot(
        (current.received() - first.received()) / seconds,
        (current.stored() - first.stored()) / seconds,
        (current.confirmed() - first.confirmed()) / seconds);
  }
}
