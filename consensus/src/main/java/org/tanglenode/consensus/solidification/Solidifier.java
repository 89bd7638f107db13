package org.tanglenode.consensus.solidification;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.UpdateOutcome;

/**
 * Finds out which stored transactions are solid, on its own thread ({@code solidifier}). The node
 * {@linkplain #offer offers} each transaction once it is stored; the {@link SolidityTracker}
 * decides, requests missing parents through the {@link MissingTransactionRequester}, and the
 * transactions that became solid are marked in storage in one update per batch; once written, the
 * {@link SolidListener}s hear of them (the confirmation service and the tip pool).
 *
 * <p>The input queue is bounded ({@link SolidifierConfig#queueCapacity()}): {@code offer} never
 * waits, answers {@link OfferOutcome.QueueFull} and counts it. Metrics: {@code
 * tangle.consensus.solidifier.queue.depth} and {@code .waiting} (gauges), {@code .rejected}, {@code
 * .dropped} (tag {@code reason}: {@code capacity}, {@code age}), {@code .requested}, {@code
 * .rerequested}, {@code .solid}. At start it resumes what a previous run left unsolid ({@link
 * SolidityTracker#resume}).
 */
public final class Solidifier implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Solidifier.class);

  private final SolidifierConfig config;
  private final SolidityStore store;
  private final MeterRegistry registry;
  private final Clock clock;
  private final SolidityTracker tracker;
  private final BlockingQueue<Arrival> queue;
  private final List<SolidListener> listeners = new CopyOnWriteArrayList<>();

  private volatile boolean running;
  private volatile int waitingCount;
  private Thread thread;
  private Counter rejected;
  private Counter solid;
  private boolean started;
  private boolean closed;

  public Solidifier(
      SolidifierConfig config,
      SolidityStore store,
      MissingTransactionRequester requester,
      MeterRegistry registry,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.store = Objects.requireNonNull(store, "store");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tracker = new SolidityTracker(config, store, requester, clock);
    this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
  }

  public void addListener(SolidListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("the solidifier was started before");
    }
    started = true;
    String prefix = "tangle.consensus.solidifier.";
    Gauge.builder(prefix + "queue.depth", queue, BlockingQueue::size)
        .description("offers waiting for the solidifier")
        .register(registry);
    Gauge.builder(prefix + "queue.capacity", queue, q -> config.queueCapacity())
        .description("offers the solidifier queue holds at most")
        .register(registry);
    Gauge.builder(prefix + "waiting", this, s -> s.waitingCount)
        .description("transactions waiting for a parent")
        .register(registry);
    rejected =
        Counter.builder(prefix + "rejected")
            .description("offers refused because the queue was full")
            .register(registry);
    solid =
        Counter.builder(prefix + "solid")
            .description("transactions marked solid")
            .register(registry);
    FunctionCounter.builder(prefix + "dropped", tracker, SolidityTracker::droppedForCapacity)
        .tag("reason", "capacity")
        .description("waiting transactions dropped")
        .register(registry);
    FunctionCounter.builder(prefix + "dropped", tracker, SolidityTracker::droppedForAge)
        .tag("reason", "age")
        .description("waiting transactions dropped")
        .register(registry);
    FunctionCounter.builder(prefix + "requested", tracker, SolidityTracker::requested)
        .description("missing parents requested from peers")
        .register(registry);
    FunctionCounter.builder(prefix + "rerequested", tracker, SolidityTracker::rerequested)
        .description("missing parents requested again because they were still missing")
        .register(registry);
    FunctionCounter.builder(prefix + "requests.refused", tracker, SolidityTracker::requestsRefused)
        .description("requests for missing parents that could not be queued")
        .register(registry);
    running = true;
    thread = new Thread(this::loop, "solidifier");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Queues a stored transaction to be looked at; never waits. Call it after the transaction is
   * stored (its solid mark is written with {@code MarkSolid}, which storage refuses for unknown
   * transactions).
   */
  public OfferOutcome offer(TransactionId id, List<TransactionId> parents) {
    Arrival arrival = new Arrival(id, List.copyOf(parents));
    if (!running || !queue.offer(arrival)) {
      if (rejected != null) {
        rejected.increment();
      }
      return new OfferOutcome.QueueFull(id);
    }
    return new OfferOutcome.Accepted(id);
  }

  private void loop() {
    resume();
    long sweepMillis = config.sweepInterval().toMillis();
    long nextSweep = clock.millis() + sweepMillis;
    List<Arrival> batch = new ArrayList<>(config.maxBatch());
    while (running || !queue.isEmpty()) {
      try {
        // While a cascade is under way, new arrivals join it between steps instead of waiting
        // for it to end (a backlog of a million takes minutes).
        Arrival first =
            tracker.hasWork() ? queue.poll() : queue.poll(Math.min(sweepMillis, 100), MILLISECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, config.maxBatch() - 1);
          for (Arrival arrival : batch) {
            tracker.enqueue(arrival.id, arrival.parents);
          }
          batch.clear();
        }
        step();
        if (clock.millis() >= nextSweep) {
          tracker.sweep();
          nextSweep = clock.millis() + sweepMillis;
        }
        waitingCount = tracker.waitingCount();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        batch.clear();
        LOG.error("The solidifier failed on a batch; it goes on with the next", e);
      }
    }
  }

  /**
   * One bounded step of the tracker: at most about {@code maxBatch} transactions become solid and
   * are marked with one update. If work is left (a cascade), waits until that update is written and
   * heard by the listeners before the next step, so a backlog that becomes solid at once holds one
   * batch of marks in memory at a time and the solid cache never has to cover more than that.
   */
  private void step() {
    boolean more = tracker.step(config.maxBatch());
    CompletableFuture<Void> written = flush();
    if (more) {
      written.join();
    }
  }

  /**
   * After a restart, transactions stored but not yet solid are in no queue: walks down from the
   * stored tips so each one whose cone is complete becomes solid (and the missing parents of the
   * others are requested) without waiting for new traffic.
   */
  private void resume() {
    try {
      int looked = 0;
      for (TransactionId tip : store.storedTips()) {
        if (tracker.resumeTip(tip)) {
          looked++;
        }
        while (tracker.hasWork() && running) {
          step();
        }
      }
      waitingCount = tracker.waitingCount();
      if (looked > 0) {
        LOG.info(
            "resumed {} stored tips that were not solid; {} transactions wait for parents",
            looked,
            tracker.waitingCount());
      }
    } catch (RuntimeException e) {
      LOG.error(
          "The solidifier could not resume the stored tips; new arrivals still reach them", e);
    }
  }

  private CompletableFuture<Void> flush() {
    List<TransactionId> ids = tracker.takeNewlySolid();
    if (ids.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return store
        .markSolid(ids)
        .handle(
            (outcome, failure) -> {
              if (failure != null) {
                LOG.error("Could not mark {} transactions solid", ids.size(), failure);
              } else if (outcome.code() != UpdateOutcome.Code.APPLIED) {
                LOG.error("Storage refused to mark {} transactions solid: {}", ids.size(), outcome);
              } else {
                solid.increment(ids.size());
                for (SolidListener listener : listeners) {
                  try {
                    listener.solid(ids);
                  } catch (RuntimeException e) {
                    LOG.error("A solid listener failed", e);
                  }
                }
              }
              return null;
            });
  }

  /** Looks at what is queued, then stops the thread. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    running = false;
    if (thread != null) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private record Arrival(TransactionId id, List<TransactionId> parents) {}
}
