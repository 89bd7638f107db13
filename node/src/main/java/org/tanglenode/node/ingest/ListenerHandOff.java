package org.tanglenode.node.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs what the storage writer would otherwise run itself once a group is written (the stored
 * listeners with the callers' answers, and the tip pool's solid notifications) on one thread of its
 * own, in the order handed over, so the writer goes back to writing.
 *
 * <p>Bounded, with back-pressure: at {@code capacity} tasks waiting, {@link #execute} blocks the
 * handing thread (the writer) until there is room. The writer then stops taking groups, storage's
 * queue fills, the signature workers wait on it, the ingest queue fills and callers are told
 * QUEUE_FULL: the same chain as a slow disk (docs/node.md), nothing dropped and nothing unbounded.
 * A task must never wait for the writer (it would wait for itself); none of the listeners does.
 *
 * <p>One thread, first in first out: each listener sees transactions in the order the writer
 * completed them, as it did on the writer's thread (a transaction's stored notification before its
 * solid one; parents' solid notifications before their children's).
 *
 * <pre>
 *   NEW --start()--> RUNNING --close()--> CLOSED   (close() runs what is queued; idempotent)
 * </pre>
 *
 * After {@link #close} a task runs on the caller's thread, so late completions of writes still
 * answer their callers while the node stops.
 */
public final class ListenerHandOff implements Executor, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ListenerHandOff.class);
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final BlockingQueue<Runnable> queue;
  private final int capacity;
  private final Counter waits;
  private final Thread thread;
  private volatile boolean closed;

  public ListenerHandOff(int capacity, MeterRegistry meters) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the hand-off needs room for at least one task");
    }
    this.capacity = capacity;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.waits =
        Counter.builder("tangle.ingest.handoff.waits")
            .description("times the storage writer waited for room in the listener hand-off")
            .register(meters);
    Gauge.builder("tangle.ingest.handoff.depth", queue, BlockingQueue::size)
        .description("stored and solid notifications waiting for the listener thread")
        .register(meters);
    this.thread = new Thread(this::loop, "stored-listeners");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Queues {@code task}; waits while {@code capacity} tasks are queued (back-pressure). */
  @Override
  public void execute(Runnable task) {
    if (closed || Thread.currentThread() == thread) {
      // Closed: nobody drains the queue any more. Our own thread (a listener whose work completes
      // a write inline): waiting for room would wait for itself, so it runs in place.
      runSafely(task);
      return;
    }
    if (queue.offer(task)) {
      if (closed) {
        drain(); // the thread may have ended before this task got in
      }
      return;
    }
    waits.increment();
    try {
      while (!queue.offer(task, 100, TimeUnit.MILLISECONDS)) {
        if (closed) {
          runSafely(task);
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      runSafely(task);
    }
  }

  /** Tasks waiting now. */
  public int depth() {
    return queue.size();
  }

  public int capacity() {
    return capacity;
  }

  /** Times a handing thread had to wait for room. */
  public long waits() {
    return (long) waits.count();
  }

  private void loop() {
    try {
      while (!closed || !queue.isEmpty()) {
        Runnable task = queue.poll(100, TimeUnit.MILLISECONDS);
        if (task != null) {
          runSafely(task);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain() {
    Runnable task;
    while ((task = queue.poll()) != null) {
      runSafely(task);
    }
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("a stored or solid listener failed", e);
    }
  }

  /** Runs what is queued, then stops the thread. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (thread.isAlive()) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (thread.isAlive()) {
      LOG.warn("stored listeners still busy after {} s; leaving them", CLOSE_WAIT_SECONDS);
      return;
    }
    drain(); // never started, or a task got in after the thread's last look
  }
}
