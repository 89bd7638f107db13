package org.tanglenode.node.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.record.TrailEvent;
import org.tanglenode.protocol.sensor.ReadingBatch;
import org.tanglenode.protocol.sensor.SensorFormatException;
import org.tanglenode.protocol.sensor.SensorReading;
import org.tanglenode.storage.gateway.BatchRow;
import org.tanglenode.storage.gateway.BatchState;
import org.tanglenode.storage.gateway.GatewayStore;
import org.tanglenode.storage.gateway.StoredReading;

/**
 * Closes batches and brings them onto the ledger, on one thread of its own:
 *
 * <ol>
 *   <li>A batch closes when {@code gateway.maxBatchReadings} readings wait, or {@code
 *       gateway.batchInterval} after the last close when at least one waits. Closing computes the
 *       root, signs the batch record's transaction (parents: the node's tips, proof of work done
 *       here) and stores the batch row with the transaction's bytes, fsynced: from then on the
 *       batch's readings are fixed.
 *   <li>The stored transaction is sent to the node; a batch the node has not acknowledged (after a
 *       crash, or while the node is down) is sent again, the same bytes, so the node answers {@code
 *       known} if it had it: idempotent.
 *   <li>A submitted batch is watched until a milestone confirms it; one not confirmed within {@code
 *       node.reissueAfter} is re-issued: the same record with fresh parents, a new transaction
 *       (docs/consensus.md section 8), which replaces the old one in the batch row.
 * </ol>
 *
 * Trail events (cold-chain excursions) are issued on the same thread, because the issuer is not
 * shared.
 */
final class Batcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Batcher.class);
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long CONFIRM_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  /** A batch on its way, with when it was last sent. */
  private static final class Unconfirmed {
    BatchRow row;
    long sentAtNanos;

    Unconfirmed(BatchRow row) {
      this.row = row;
      this.sentAtNanos = System.nanoTime();
    }
  }

  private final String gatewayId;
  private final GatewayStore store;
  private final RecordIssuer issuer;
  private final NodeApi node;
  private final GatewayConfig.BatchLimits limits;
  private final long reissueAfterNanos;
  private final Clock clock;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final Map<Long, Unconfirmed> unconfirmed = new LinkedHashMap<>();
  private final ConcurrentLinkedQueue<TrailEvent> events = new ConcurrentLinkedQueue<>();
  private final Counter batchesClosed;
  private final Counter readingsConfirmed;
  private final Counter reissues;
  private Thread thread;
  private volatile long batchedUpTo;
  private volatile long confirmedUpTo;
  private volatile boolean stopping;
  private long lastCloseNanos;
  private long nodeRetryAtNanos;
  private long lastConfirmPollNanos;

  Batcher(
      String gatewayId,
      GatewayStore store,
      RecordIssuer issuer,
      NodeApi node,
      GatewayConfig.BatchLimits limits,
      java.time.Duration reissueAfter,
      Clock clock,
      MeterRegistry meters) {
    this.gatewayId = gatewayId;
    this.store = store;
    this.issuer = issuer;
    this.node = node;
    this.limits = limits;
    this.reissueAfterNanos = reissueAfter.toNanos();
    this.clock = clock;
    this.batchesClosed =
        Counter.builder("tangle.gateway.batches.closed")
            .description("Batches closed and signed")
            .register(meters);
    this.readingsConfirmed =
        Counter.builder("tangle.gateway.readings.confirmed")
            .description("Readings in batches a milestone confirmed")
            .register(meters);
    this.reissues =
        Counter.builder("tangle.gateway.batches.reissued")
            .description("Batch transactions re-issued with fresh parents")
            .register(meters);
    Gauge.builder("tangle.gateway.readings.unbatched", this, b -> b.unbatched())
        .description("Stored readings not in a closed batch yet")
        .register(meters);
  }

  /** Loads the batches not confirmed yet and starts the thread. */
  void start() {
    if (!state.compareAndSet(State.NEW, State.RUNNING)) {
      throw new IllegalStateException("the batcher was started before or is closed");
    }
    long from = 0;
    long confirmed = 0;
    boolean gap = false;
    while (true) {
      List<BatchRow> rows = store.batches(from, 1024);
      for (BatchRow row : rows) {
        if (row.state() != BatchState.CONFIRMED) {
          unconfirmed.put(row.firstSequence(), new Unconfirmed(row));
          gap = true;
        } else if (!gap) {
          confirmed = row.endSequence();
        }
        from = row.endSequence();
      }
      if (rows.size() < 1024) {
        break;
      }
    }
    batchedUpTo = from;
    confirmedUpTo = confirmed;
    if (!unconfirmed.isEmpty()) {
      LOG.info("{} batches are not confirmed yet; sending them again", unconfirmed.size());
    }
    lastCloseNanos = System.nanoTime();
    thread = new Thread(this::loop, "gateway-batcher");
    thread.start();
  }

  /** Readings stored but in no closed batch. */
  long unbatched() {
    return Math.max(0, store.nextSequence() - batchedUpTo);
  }

  /** The sequence number up to which every batch is confirmed. */
  long confirmedUpTo() {
    return confirmedUpTo;
  }

  /** Queues a trail event (signed by the gateway key) for the node. */
  void append(TrailEvent event) {
    events.add(event);
  }

  private void loop() {
    while (!stopping) {
      long now = System.nanoTime();
      try {
        if (now >= nodeRetryAtNanos) {
          work(now);
        }
      } catch (NodeApiException e) {
        LOG.warn(
            "The node cannot be reached or refused a request ({}); trying again in 1 s",
            e.getMessage());
        nodeRetryAtNanos = System.nanoTime() + RETRY_NANOS;
      } catch (RuntimeException e) {
        LOG.error("The batcher failed; trying again in 1 s", e);
        nodeRetryAtNanos = System.nanoTime() + RETRY_NANOS;
      }
      LockSupport.parkNanos(TICK_NANOS);
    }
  }

  private void work(long now) {
    long waiting = unbatched();
    if (waiting >= limits.maxReadings()
        || (waiting > 0 && now - lastCloseNanos >= limits.interval().toNanos())) {
      close((int) Math.min(waiting, limits.maxReadings()));
    }
    for (Unconfirmed u : unconfirmed.values()) {
      if (u.row.state() == BatchState.SIGNED) {
        submit(u);
      }
    }
    for (TrailEvent event; (event = events.peek()) != null; ) {
      Transaction tx = issuer.issue(event, TrailEvent.tagOf(event.trail()));
      node.submit(tx.bytes());
      events.poll();
      LOG.info("Appended {} to trail {} as {}", event.event(), event.trail(), tx.id().toHex());
    }
    if (now - lastConfirmPollNanos >= CONFIRM_POLL_NANOS) {
      lastConfirmPollNanos = now;
      pollConfirmations();
    }
  }

  private void close(int count) {
    long first = batchedUpTo;
    List<StoredReading> rows = store.readings(first, count);
    if (rows.size() != count || rows.get(0).sequence() != first) {
      throw new IllegalStateException(
          "readings " + first + ".." + (first + count) + " are not all stored");
    }
    List<SensorReading> readings = new ArrayList<>(count);
    for (StoredReading row : rows) {
      try {
        readings.add(SensorReading.parse(row.canonical()));
      } catch (SensorFormatException e) {
        throw new IllegalStateException("stored reading " + row.sequence() + " is damaged", e);
      }
    }
    ReadingBatch batch = ReadingBatch.of(gatewayId, readings);
    for (int i = 0; i < count; i++) {
      if (!Arrays.equals(batch.tree().leafHash(i), rows.get(i).leaf().hash())) {
        throw new IllegalStateException(
            "stored reading " + rows.get(i).sequence() + " has another leaf hash");
      }
    }
    Transaction tx = issuer.issue(batch.record(), batch.tag());
    BatchRow row =
        new BatchRow(
            first, count, batch.tree().root(), clock.millis(), BatchState.SIGNED, 0, tx.bytes());
    store.putBatch(row);
    batchedUpTo = row.endSequence();
    lastCloseNanos = System.nanoTime();
    batchesClosed.increment();
    unconfirmed.put(first, new Unconfirmed(row));
    LOG.debug("Closed batch {}..{} as {}", first, row.endSequence() - 1, tx.id().toHex());
  }

  private void submit(Unconfirmed u) {
    String status = node.submit(u.row.transaction());
    u.row = u.row.withState(BatchState.SUBMITTED, 0);
    u.sentAtNanos = System.nanoTime();
    store.putBatch(u.row);
    LOG.debug("Batch {}: the node answered {}", u.row.firstSequence(), status);
  }

  private void pollConfirmations() {
    List<Long> done = new ArrayList<>();
    for (Unconfirmed u : unconfirmed.values()) {
      if (u.row.state() != BatchState.SUBMITTED) {
        continue;
      }
      TransactionId id = TransactionId.of(u.row.transaction());
      JsonNode metadata;
      try {
        metadata = node.get("/api/v1/transactions/" + id.toHex() + "/metadata");
      } catch (NodeApiException e) {
        if (e.status() == 404) {
          // The node lost it (or never had it): send it again.
          u.row = u.row.withState(BatchState.SIGNED, 0);
          continue;
        }
        throw e;
      }
      if (metadata.path("confirmed").asBoolean()) {
        u.row =
            u.row.withState(BatchState.CONFIRMED, metadata.path("referencedByMilestone").asInt());
        store.putBatch(u.row);
        readingsConfirmed.increment(u.row.count());
        done.add(u.row.firstSequence());
      } else if (System.nanoTime() - u.sentAtNanos > reissueAfterNanos) {
        reissue(u, metadata);
      }
    }
    done.forEach(unconfirmed::remove);
    confirmedUpTo = unconfirmed.isEmpty() ? batchedUpTo : unconfirmed.keySet().iterator().next();
  }

  private void reissue(Unconfirmed u, JsonNode metadata) {
    List<StoredReading> rows = store.readings(u.row.firstSequence(), u.row.count());
    List<SensorReading> readings = new ArrayList<>(rows.size());
    for (StoredReading row : rows) {
      try {
        readings.add(SensorReading.parse(row.canonical()));
      } catch (SensorFormatException e) {
        throw new IllegalStateException("stored reading " + row.sequence() + " is damaged", e);
      }
    }
    ReadingBatch batch = ReadingBatch.of(gatewayId, readings);
    Transaction tx = issuer.issue(batch.record(), batch.tag());
    LOG.warn(
        "Batch {} ({}) not confirmed after {} s ({}); re-issued as {}",
        u.row.firstSequence(),
        TransactionId.of(u.row.transaction()).toHex(),
        TimeUnit.NANOSECONDS.toSeconds(reissueAfterNanos),
        metadata.path("pending").path("reason").asText("pending"),
        tx.id().toHex());
    u.row = u.row.withTransaction(tx.bytes());
    store.putBatch(u.row);
    reissues.increment();
    submit(u);
  }

  @Override
  public void close() {
    if (state.getAndSet(State.CLOSED) != State.RUNNING) {
      return;
    }
    stopping = true;
    if (thread != null) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
