package org.tanglenode.node.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.node.config.IngestConfig;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.RejectReason;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.storage.StateUpdate;
import org.tanglenode.storage.StorableTransaction;
import org.tanglenode.storage.StoreOutcome;
import org.tanglenode.storage.TransactionStore;
import org.tanglenode.storage.UpdateOutcome;

/**
 * The path of one transaction (docs/architecture.md), from bytes to stored: the cheap checks and
 * the seen-before filter on the caller's thread (a Netty event loop: nothing here blocks), then the
 * bounded queue to the signature workers, the storage look-up and signature check on a worker, the
 * group-commit write (a worker waits while storage's queue is full, so a full storage fills this
 * queue and callers get QUEUE_FULL), and last the {@link StoredListener} and the caller's answer,
 * run by the {@code listeners} executor (the node's {@link ListenerHandOff}, so that they are off
 * the storage writer's thread, in the order the writer stored the transactions).
 *
 * <p>Gossip and the API feed the same pipeline through {@link #submit}.
 *
 * <pre>
 *   NEW --start()--> RUNNING --close()--> CLOSED   (close() is idempotent)
 * </pre>
 */
public final class IngestPipeline implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
  private static final long CLOSE_WAIT_SECONDS = 10;

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  private final IngestConfig config;
  private final TransactionValidator validator;
  private final TransactionStore store;
  private final StoredListener listener;
  private final Executor listeners;
  private final MilestoneGate milestones;
  private final MeterRegistry meters;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final RecentIds recent;
  private final ArrayBlockingQueue<Runnable> queue;
  private final Map<Source, Counter> received = new EnumMap<>(Source.class);
  private Counter valid;
  private Counter duplicates;
  private Counter stored;
  private Counter rejected;
  private ThreadPoolExecutor workers;

  /**
   * As below, with the listener and the answers run on the storage writer's thread (no hand-off).
   */
  public IngestPipeline(
      IngestConfig config,
      TransactionValidator validator,
      TransactionStore store,
      StoredListener listener,
      MilestoneGate milestones,
      MeterRegistry meters) {
    this(config, validator, store, listener, Runnable::run, milestones, meters);
  }

  /**
   * Assigns only; {@link #start()} starts the signature workers. {@code listeners} runs each stored
   * transaction's listener call and answer, in the order given; it may block the writer for
   * back-pressure but must run the tasks in order.
   */
  public IngestPipeline(
      IngestConfig config,
      TransactionValidator validator,
      TransactionStore store,
      StoredListener listener,
      Executor listeners,
      MilestoneGate milestones,
      MeterRegistry meters) {
    this.config = config;
    this.validator = validator;
    this.store = store;
    this.listener = listener;
    this.listeners = listeners;
    this.milestones = milestones;
    this.meters = meters;
    this.recent = new RecentIds(config.recentIds());
    this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
  }

  public void start() {
    if (!state.compareAndSet(State.NEW, State.RUNNING)) {
      throw new IllegalStateException("the ingest pipeline was started before or is closed");
    }
    for (Source source : Source.values()) {
      received.put(
          source,
          Counter.builder("tangle.ingest.received")
              .tag("source", source.tag())
              .description("transactions handed to the ingest pipeline")
              .register(meters));
    }
    valid =
        Counter.builder("tangle.ingest.valid")
            .description("transactions that passed every check")
            .register(meters);
    duplicates =
        Counter.builder("tangle.ingest.duplicate")
            .description("transactions already stored or being checked")
            .register(meters);
    stored =
        Counter.builder("tangle.ingest.stored")
            .description("transactions stored by the pipeline")
            .register(meters);
    rejected =
        Counter.builder("tangle.ingest.queue.rejected")
            .description("transactions refused because the signature queue was full")
            .register(meters);
    Gauge.builder("tangle.ingest.queue.depth", queue, ArrayBlockingQueue::size)
        .description("transactions waiting for a signature worker")
        .register(meters);
    Gauge.builder("tangle.ingest.queue.capacity", config, IngestConfig::queueCapacity)
        .description("transactions the signature queue holds at most")
        .register(meters);
    Gauge.builder("tangle.ingest.recent.size", recent, RecentIds::size)
        .description("ids in the seen-before filter")
        .register(meters);
    AtomicInteger number = new AtomicInteger();
    workers =
        new ThreadPoolExecutor(
            config.signatureWorkers(),
            config.signatureWorkers(),
            0,
            TimeUnit.SECONDS,
            queue,
            r -> {
              Thread t = new Thread(r, "ingest-signatures-" + number.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    workers.prestartAllCoreThreads();
  }

  /**
   * Takes a transaction's bytes (ownership passes to the pipeline; the caller must not modify them)
   * and answers when it is stored or refused. Never blocks: safe on an event loop. The stage
   * completes on a worker or the storage writer's thread, or at once for cheap refusals.
   */
  public CompletionStage<IngestResult> submit(byte[] bytes, Source source) {
    return submit(bytes, null, source);
  }

  /**
   * As {@link #submit(byte[], Source)} for a caller that hashed the bytes already: {@code knownId}
   * is {@link TransactionId#of} exactly these bytes (gossip hashes every frame for its seen
   * filter), so the id is hashed once per transaction, not twice; null when not known.
   */
  public CompletionStage<IngestResult> submit(byte[] bytes, TransactionId knownId, Source source) {
    if (state.get() != State.RUNNING) {
      return CompletableFuture.completedFuture(new IngestResult.Unavailable());
    }
    received.get(source).increment();
    ValidationResult cheap = validator.checkCheap(bytes, knownId);
    if (cheap instanceof ValidationResult.Invalid invalid) {
      return CompletableFuture.completedFuture(invalid(invalid.reason(), invalid.detail()));
    }
    Transaction tx = ((ValidationResult.Valid) cheap).transaction();
    TransactionId id = tx.id();
    // A milestone copy goes on even if seen: the stored one may wait for an index (see regate).
    if (!recent.add(id) && !(tx.payload() instanceof Payload.Milestone)) {
      duplicates.increment();
      return CompletableFuture.completedFuture(new IngestResult.Duplicate(id));
    }
    CompletableFuture<IngestResult> done = new CompletableFuture<>();
    try {
      workers.execute(() -> check(tx, done));
    } catch (RejectedExecutionException e) {
      recent.remove(id);
      if (state.get() != State.RUNNING) {
        return CompletableFuture.completedFuture(new IngestResult.Unavailable());
      }
      rejected.increment();
      return CompletableFuture.completedFuture(new IngestResult.QueueFull());
    }
    return done;
  }

  /** On a signature worker: storage look-up, signatures, then the (possibly waiting) write. */
  private void check(Transaction tx, CompletableFuture<IngestResult> done) {
    TransactionId id = tx.id();
    try {
      if (store.contains(id)) {
        regate(tx);
        duplicates.increment();
        done.complete(new IngestResult.Duplicate(id));
        return;
      }
      ValidationResult verdict = validator.checkSignatures(tx);
      if (verdict instanceof ValidationResult.Invalid invalid) {
        recent.remove(id);
        done.complete(invalid(invalid.reason(), invalid.detail()));
        return;
      }
      valid.increment();
      store
          .store(storable(tx))
          .whenComplete(
              (outcome, error) -> {
                if (error != null) {
                  recent.remove(id);
                  done.completeExceptionally(error);
                } else {
                  // On the writer's thread: hand the listeners and the answer over.
                  listeners.execute(() -> finish(tx, outcome, done));
                }
              });
    } catch (RuntimeException e) {
      recent.remove(id);
      LOG.error("ingest of {} failed", id, e);
      done.completeExceptionally(e);
    }
  }

  /**
   * A stored milestone that is not the one indexed at its index is offered to the gate again when a
   * copy arrives (a peer answering the node's sync request for that index): it may have been stored
   * plainly before its committee was known and not remembered (or forgotten in a restart). If the
   * index is empty and the gate passes it, it is indexed; if another holds the index, the gate may
   * remember it as a contender for the confirmer. Copies of the indexed one cost one read.
   */
  private void regate(Transaction tx) {
    if (!(tx.payload() instanceof Payload.Milestone milestone)) {
      return;
    }
    Optional<TransactionId> indexed = store.milestone(milestone.index());
    if (indexed.isPresent() && indexed.get().equals(tx.id())) {
      return;
    }
    // Index taken by another: the gate may remember this one as a contender for the confirmer.
    if (!milestones.mayIndex(tx) || indexed.isPresent()) {
      return;
    }
    UpdateOutcome outcome =
        store
            .update(
                new StateUpdate(
                    List.of(new StateUpdate.IndexMilestone(milestone.index(), tx.id()))))
            .join();
    LOG.info(
        "stored milestone {} indexed as milestone {} when a copy arrived: {}",
        tx.id(),
        milestone.index(),
        outcome.code());
  }

  /** Indexed as a milestone only if its committee signatures pass the {@link MilestoneGate}. */
  private StorableTransaction storable(Transaction tx) {
    StorableTransaction storable = StorableTransaction.from(tx);
    if (storable.milestoneIndex().isEmpty() || milestones.mayIndex(tx)) {
      return storable;
    }
    LOG.warn(
        "milestone {} fails the committee signature check; stored as a plain transaction", tx.id());
    return new StorableTransaction(
        storable.id(),
        storable.bytes(),
        storable.parents(),
        storable.tag(),
        storable.timestampMs(),
        OptionalInt.empty());
  }

  private void finish(Transaction tx, StoreOutcome outcome, CompletableFuture<IngestResult> done) {
    switch (outcome.code()) {
      case STORED -> {
        stored.increment();
        listener.onStored(tx);
        done.complete(new IngestResult.Stored(tx));
      }
      case ALREADY_STORED -> {
        duplicates.increment();
        done.complete(new IngestResult.Duplicate(tx.id()));
      }
    }
  }

  private IngestResult invalid(RejectReason reason, String detail) {
    Counter.builder("tangle.ingest.invalid")
        .tag("reason", reason.name())
        .description("transactions refused by a check")
        .register(meters)
        .increment();
    return new IngestResult.Invalid(reason, detail);
  }

  /** Transactions handed to the pipeline since start, from every source. */
  public long receivedCount() {
    return (long) received.values().stream().mapToDouble(Counter::count).sum();
  }

  /** Transactions the pipeline stored since start. */
  public long storedCount() {
    return stored == null ? 0 : (long) stored.count();
  }

  /** Transactions waiting for a signature worker now. */
  public int queueDepth() {
    return queue.size();
  }

  /**
   * Refuses new transactions, lets the workers finish what is queued (their writes reach storage,
   * which commits them when it closes) and stops the workers. Idempotent.
   */
  @Override
  public void close() {
    State previous = state.getAndSet(State.CLOSED);
    if (previous != State.RUNNING) {
      return;
    }
    workers.shutdown();
    try {
      if (!workers.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("signature workers still busy after {} s; stopping them", CLOSE_WAIT_SECONDS);
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
  }
}
