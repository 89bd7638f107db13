package org.tanglenode.gossip;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that do what must not run on an event loop: handshake signatures and the host's
 * look-ups. A bounded queue; a task that does not fit is refused and counted, never queued.
 */
final class WorkerPool implements AutoCloseable {

  private final ThreadPoolExecutor executor;
  private final Counter rejected;

  WorkerPool(int threads, int queue, MeterRegistry meters) {
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queue),
            r -> {
              Thread t = new Thread(r, "gossip-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    this.rejected =
        Counter.builder("gossip.worker.rejected")
            .description("tasks refused because the worker queue was full")
            .register(meters);
    Gauge.builder("gossip.worker.queue", executor, e -> e.getQueue().size())
        .description("tasks waiting for a gossip worker")
        .register(meters);
  }

  /** Runs {@code task} on a worker; false (and counted) if the queue is full or closed. */
  boolean submit(Runnable task) {
    try {
      executor.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      rejected.increment();
      return false;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
