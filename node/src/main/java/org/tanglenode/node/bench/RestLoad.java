package org.tanglenode.node.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the generated transactions with {@code POST /api/v1/transactions}. Closed loop (rate 0):
 * {@code connections} threads each send the next transaction as soon as their previous one was
 * answered, retrying 503 (the node's backpressure), so the node runs as fast as it can. Open loop
 * (rate above 0): one transaction every 1/rate seconds whatever the answers, with the intended send
 * time as its submit time, so a slow node shows as latency instead of a lower offered rate.
 */
final class RestLoad {

  /**
   * Requests in flight at most in open loop; a node this far behind is overloaded, and sends beyond
   * it are counted as not offered rather than piling up connections.
   */
  static final int MAX_OUTSTANDING = 1_000;

  /**
   * What happened to the sends: accepted (201 or 200), refusals (each 503 or timeout, retried,
   * counts once per attempt), and open-loop sends that went out more than 1 s after their time
   * because {@link #MAX_OUTSTANDING} were in flight.
   */
  record Outcome(long accepted, long refused, long late) {}

  static final long LATE_NANOS = 1_000_000_000L;
  static final long RETRY_MS = 20;

  private RestLoad() {}

  static Outcome closedLoop(
      List<NodeClient> nodes,
      List<GeneratedTransaction> txs,
      Map<String, Long> submitted,
      int connections) {
    AtomicInteger next = new AtomicInteger();
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Thread thread =
          new Thread(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < txs.size()) {
                  GeneratedTransaction tx = txs.get(i);
                  submitted.put(tx.id().toHex(), System.nanoTime());
                  int status = nodes.get(i % nodes.size()).submitBlocking(tx.bytes());
                  (status == 201 || status == 200 ? accepted : refused).incrementAndGet();
                }
              },
              "bench-rest-" + c);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BenchFailedException("interrupted while sending");
      }
    }
    return new Outcome(accepted.get(), refused.get(), 0);
  }

  static Outcome openLoop(
      List<NodeClient> nodes,
      List<GeneratedTransaction> txs,
      Map<String, Long> submitted,
      double ratePerSecond) {
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    long late = 0;
    Semaphore outstanding = new Semaphore(MAX_OUTSTANDING);
    long start = System.nanoTime();
    double intervalNanos = 1e9 / ratePerSecond;
    for (int i = 0; i < txs.size(); i++) {
      long due = start + (long) (i * intervalNanos);
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      // Blocks while MAX_OUTSTANDING are in flight; the submit time stays the intended one, so
      // the wait shows as latency (no coordinated omission).
      outstanding.acquireUninterruptibly();
      if (System.nanoTime() - due > LATE_NANOS) {
        late++;
      }
      GeneratedTransaction tx = txs.get(i);
      submitted.put(tx.id().toHex(), due);
      send(nodes.get(i % nodes.size()), tx, accepted, refused, outstanding);
    }
    outstanding.acquireUninterruptibly(MAX_OUTSTANDING);
    outstanding.release(MAX_OUTSTANDING);
    return new Outcome(accepted.get(), refused.get(), late);
  }

  /**
   * Sends until the node takes it: a refusal (503, a timeout) is counted and retried after a pause,
   * because a transaction left out would leave its children unsolid for good.
   */
  private static void send(
      NodeClient node,
      GeneratedTransaction tx,
      AtomicLong accepted,
      AtomicLong refused,
      Semaphore outstanding) {
    node.submit(tx.bytes())
        .whenComplete(
            (status, error) -> {
              if (error == null && (status == 201 || status == 200)) {
                accepted.incrementAndGet();
                outstanding.release();
              } else if (error == null && status != 503) {
                // Refused for good (a bug in the generator or the node): nothing to retry.
                refused.incrementAndGet();
                outstanding.release();
              } else {
                refused.incrementAndGet();
                CompletableFuture.delayedExecutor(RETRY_MS, TimeUnit.MILLISECONDS)
                    .execute(() -> send(node, tx, accepted, refused, outstanding));
              }
            });
  }
}
