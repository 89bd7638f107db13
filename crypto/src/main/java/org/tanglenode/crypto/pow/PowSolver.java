package org.tanglenode.crypto.pow;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds nonces that meet a difficulty (see {@link ProofOfWork}) on a fixed set of worker threads,
 * so a node can do the proof of work for clients too weak to do it themselves.
 *
 * <p>Each {@link #solve} splits the nonce space over all workers in disjoint strides: worker {@code
 * i} of {@code n} tries {@code i, i + n, i + 2n, ...}. The first nonce found completes the future;
 * which worker finds it first is not deterministic, so neither is the nonce. Cancelling the future
 * stops the workers within a few thousand hashes (each checks every {@value #CHECK_INTERVAL}
 * hashes), freeing them for the next solve. Solves queue up in order; at most {@code
 * maxPendingSolves} may be pending or running, beyond that {@code solve} returns a future failed
 * with {@link RejectedExecutionException}. A difficulty that cannot be met in practice (say 200)
 * runs until cancelled or closed.
 *
 * <p>Lifecycle, as for every owner of threads here:
 *
 * <pre>
 *   NEW --start()--> RUNNING --close()--> CLOSED
 *    '-------------------close()------------^
 * </pre>
 *
 * {@link #start()} is allowed once; {@link #close()} is idempotent, completes every unfinished
 * future with a {@link CancellationException} and waits briefly for the workers to end. {@link
 * #solve} outside RUNNING throws {@link IllegalStateException}.
 */
public final class PowSolver implements AutoCloseable {

  /** Hashes between two checks of the cancellation flag: well under a millisecond of work. */
  static final int CHECK_INTERVAL = 4096;

  public static final int DEFAULT_MAX_PENDING_SOLVES = 1024;

  private static final long CLOSE_WAIT_MILLIS = 2000;

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  private final int threads;
  private final int maxPendingSolves;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final Set<Job> jobs = ConcurrentHashMap.newKeySet();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicInteger busyWorkers = new AtomicInteger();
  private final AtomicInteger threadNumber = new AtomicInteger();
  private volatile ThreadPoolExecutor executor;

  /** A solver with one worker per available processor. */
  public PowSolver() {
    this(Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_PENDING_SOLVES);
  }

  /** A solver with {@code threads} workers. */
  public PowSolver(int threads) {
    this(threads, DEFAULT_MAX_PENDING_SOLVES);
  }

  /** A solver with {@code threads} workers, accepting up to {@code maxPendingSolves} at once. */
  public PowSolver(int threads, int maxPendingSolves) {
    if (threads < 1) {
      throw new IllegalArgumentException("a solver needs at least one thread, not " + threads);
    }
    if (maxPendingSolves < 1) {
      throw new IllegalArgumentException(
          "maxPendingSolves must be at least 1, not " + maxPendingSolves);
    }
    this.threads = threads;
    this.maxPendingSolves = maxPendingSolves;
  }

  /**
   * Starts the worker threads.
   *
   * @throws IllegalStateException if already started or closed
   */
  public void start() {
    if (!state.compareAndSet(State.NEW, State.RUNNING)) {
      throw new IllegalStateException("PowSolver cannot start: it is " + state.get());
    }
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "pow-solver-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.prestartAllCoreThreads();
    executor = pool;
    if (state.get() == State.CLOSED) {
      // close() ran between the state change and the assignment: it saw no executor.
      pool.shutdownNow();
    }
  }

  /**
   * A nonce that meets {@code difficulty} for the 32-byte essence {@code digest} (copied). Cancel
   * the future to stop the search.
   *
   * @throws IllegalArgumentException if the digest does not have 32 bytes or the difficulty is not
   *     0..255
   * @throws IllegalStateException if the solver is not running (not started, or closed)
   */
  public CompletableFuture<Long> solve(byte[] digest, int difficulty) {
    ProofOfWork.checkDigest(digest);
    ProofOfWork.checkDifficulty(difficulty);
    ThreadPoolExecutor pool = executor;
    State current = state.get();
    if (current != State.RUNNING || pool == null) {
      throw new IllegalStateException("PowSolver cannot solve: it is " + current);
    }
    if (pending.incrementAndGet() > maxPendingSolves) {
      pending.decrementAndGet();
      return CompletableFuture.failedFuture(
          new RejectedExecutionException(
              "PowSolver has " + maxPendingSolves + " solves pending already"));
    }
    Job job = new Job(digest.clone(), difficulty);
    jobs.add(job);
    job.future.whenComplete(
        (nonce, failure) -> {
          if (jobs.remove(job)) {
            pending.decrementAndGet();
          }
        });
    try {
      for (int worker = 0; worker < threads; worker++) {
        pool.execute(new Search(job, worker, threads));
      }
    } catch (RejectedExecutionException e) {
      job.future.completeExceptionally(new CancellationException("PowSolver closed"));
      throw new IllegalStateException("PowSolver cannot solve: it is " + state.get(), e);
    }
    return job.future;
  }

  /** The number of workers hashing right now, for a metrics gauge. */
  public int busyWorkers() {
    return busyWorkers.get();
  }

  /** The number of solves queued or running, for a metrics gauge. */
  public int pendingSolves() {
    return pending.get();
  }

  /** The number of worker threads. */
  public int threads() {
    return threads;
  }

  /**
   * Stops the workers and completes every unfinished future with a {@link CancellationException}.
   * Idempotent.
   */
  @Override
  public void close() {
    if (state.getAndSet(State.CLOSED) == State.CLOSED) {
      return;
    }
    ThreadPoolExecutor pool = executor;
    if (pool != null) {
      pool.shutdownNow();
    }
    for (Job job : jobs) {
      job.future.completeExceptionally(
          new CancellationException("PowSolver closed before a nonce was found"));
    }
    if (pool != null) {
      try {
        pool.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "PowSolver[threads="
        + threads
        + ", state="
        + state.get()
        + ", pending="
        + pending.get()
        + "]";
  }

  /** One solve: its input and the future the first finder completes. */
  private static final class Job {
    final byte[] digest;
    final int difficulty;
    final CompletableFuture<Long> future = new CompletableFuture<>();

    Job(byte[] digest, int difficulty) {
      this.digest = digest;
      this.difficulty = difficulty;
    }
  }

  /** One worker's share of a job: the nonces {@code first + k * stride}. */
  private final class Search implements Runnable {
    private final Job job;
    private final long first;
    private final long stride;

    Search(Job job, long first, long stride) {
      this.job = job;
      this.first = first;
      this.stride = stride;
    }

    @Override
    public void run() {
      if (job.future.isDone()) {
        return;
      }
      busyWorkers.incrementAndGet();
      try {
        PowHasher hasher = new PowHasher();
        hasher.setDigest(job.digest);
        long nonce = first;
        // 2^64 nonces are never exhausted in practice; the search ends when found or cancelled.
        while (!job.future.isDone() && !Thread.currentThread().isInterrupted()) {
          for (int i = 0; i < CHECK_INTERVAL; i++) {
            if (hasher.leadingZeroBits(nonce) >= job.difficulty) {
              job.future.complete(nonce);
              return;
            }
            nonce += stride;
          }
        }
      } catch (RuntimeException | Error e) {
        job.future.completeExceptionally(e);
        throw e;
      } finally {
        busyWorkers.decrementAndGet();
      }
    }
  }
}
