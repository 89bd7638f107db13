package org.tanglenode.node.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.TransactionMetadata;
import org.tanglenode.storage.TransactionStore;

/**
 * Announces the node's unconfirmed tips to its peers again, so records a peer never heard of reach
 * the coordinator: a transaction is broadcast once, when it is stored, and a peer that was not
 * connected then (a partition, a restart, a dropped connection) would otherwise never learn of it,
 * and nothing the coordinator references would ever approve it.
 *
 * <p>Every {@code interval} it reads storage's tip column (stored transactions without an approver)
 * and broadcasts up to {@code maxPerRound} of those that are solid, not referenced by a milestone
 * and stored at least {@code minAge} ago (younger ones were just broadcast). A peer that lacks one
 * stores it and asks for its missing past cone, so one tip brings a whole backlog along. Gossip
 * sends a transaction to a connection at most once, so a tip is re-sent only to a new connection.
 */
public final class TipAnnouncer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TipAnnouncer.class);

  /** Where announcements go: gossip's broadcast. */
  @FunctionalInterface
  public interface Broadcast {
    void send(TransactionId id, byte[] bytes);
  }

  private final TransactionStore store;
  private final Broadcast broadcast;
  private final Duration interval;
  private final Duration minAge;
  private final int maxPerRound;
  private final Clock clock;
  private ScheduledExecutorService scheduler;
  private volatile long announced;

  public TipAnnouncer(
      TransactionStore store,
      Broadcast broadcast,
      Duration interval,
      Duration minAge,
      int maxPerRound,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.broadcast = Objects.requireNonNull(broadcast, "broadcast");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.minAge = Objects.requireNonNull(minAge, "minAge");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (interval.isNegative() || interval.isZero() || minAge.isNegative() || maxPerRound < 1) {
      throw new IllegalArgumentException(
          "the tip announcer needs a positive interval and round size, and an age of 0 or more");
    }
    this.maxPerRound = maxPerRound;
  }

  public synchronized void start() {
    if (scheduler != null) {
      throw new IllegalStateException("the tip announcer was started before");
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tip-announcer");
              t.setDaemon(true);
              return t;
            });
    long millis = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::announce, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** One round; returns how many tips were broadcast. */
  public int announce() {
    try {
      long newest = clock.millis() - minAge.toMillis();
      int sent = 0;
      for (TransactionId tip : store.restartState().tips()) {
        if (sent >= maxPerRound) {
          break;
        }
        Optional<TransactionMetadata> metadata = store.metadata(tip);
        if (metadata.isEmpty()
            || !metadata.get().solid()
            || metadata.get().referenced()
            || metadata.get().arrivalMs() > newest) {
          continue;
        }
        Optional<byte[]> bytes = store.transactionBytes(tip);
        if (bytes.isPresent()) {
          broadcast.send(tip, bytes.get());
          sent++;
        }
      }
      announced += sent;
      return sent;
    } catch (RuntimeException e) {
      LOG.warn("announcing unconfirmed tips failed; trying again next round", e);
      return 0;
    }
  }

  /** Tips broadcast so far. */
  public long announced() {
    return announced;
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
