package org.tanglenode.consensus.confirmation;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.protocol.TransactionId;

/**
 * Runs the {@link MilestoneConfirmer} on its own thread: whenever it is {@linkplain #trigger()
 * triggered} (the solidifier reports new solid transactions) and on a periodic tick, it confirms
 * milestones in index order for as long as the next one is stored and solid.
 *
 * <p>Triggers coalesce into at most one pending run (an atomic flag), so there is no queue to
 * bound: a burst of solid events costs one pass. A rejected milestone is logged once and then stays
 * unconfirmed: the node does not move past it (see docs/consensus.md).
 */
public final class ConfirmationService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConfirmationService.class);

  private final MilestoneConfirmer confirmer;
  private final Duration tick;
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile ScheduledExecutorService executor;
  private TransactionId lastRejected;
  private boolean started;
  private boolean closed;

  public ConfirmationService(MilestoneConfirmer confirmer, Duration tick) {
    this.confirmer = Objects.requireNonNull(confirmer, "confirmer");
    this.tick = Objects.requireNonNull(tick, "tick");
  }

  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("the confirmation service was started before");
    }
    started = true;
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "confirmation");
              thread.setDaemon(true);
              return thread;
            });
    long millis = Math.max(1, tick.toMillis());
    executor.scheduleWithFixedDelay(this::trigger, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Asks for a pass; returns at once. Safe from any thread, before start and after close. */
  public void trigger() {
    ExecutorService running = executor;
    if (running == null || running.isShutdown()) {
      return;
    }
    if (pending.compareAndSet(false, true)) {
      try {
        running.execute(this::pass);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        pending.set(false);
      }
    }
  }

  private void pass() {
    pending.set(false);
    try {
      while (true) {
        ConfirmationOutcome outcome = confirmer.confirmNext();
        if (outcome instanceof ConfirmationOutcome.Confirmed) {
          continue;
        }
        if (outcome instanceof ConfirmationOutcome.Rejected rejected
            && !rejected.milestone().equals(lastRejected)) {
          lastRejected = rejected.milestone();
          LOG.error(
              "Milestone {} was rejected ({}: {}); confirmation stays at {}",
              rejected.milestone(),
              rejected.verdict().code(),
              rejected.verdict().detail(),
              confirmer.confirmedIndex());
        }
        return;
      }
    } catch (RuntimeException e) {
      LOG.error("Confirming a milestone failed; the next pass retries", e);
    }
  }

  /** Stops the thread after the milestone in progress. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed || executor == null) {
      closed = true;
      return;
    }
    closed = true;
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
  }
}
