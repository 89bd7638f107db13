package org.tanglenode.node.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the generated transactions with {@code POST /api/v1/transactions}. Closed loop (rate 0):
 * {@code connections} threads each send the next transaction as soon as their previous one was
 * answered, retrying 503 (the node's backpressure), so the node runs as fast as it can. Open loop
 * (rate above 0): one transaction every 1/rate seconds whatever the answers, with the intended send
 * time as its submit time, so a slow node shows as latency instead of a lower offered rate; at most
 * {@code MAX_OUTSTANDING} requests are in flight, beyond which sends are counted as not offered.
 */
final class RestLoad {

  /**
   * Requests in flight at most in open loop; a node this far behind is overloaded, and sends beyond
   * it are counted as not offered rather than piling up connections.
   */
  static final int MAX_OUTSTANDING = 1_000;

  /** What happened to the sends. */
  record Outcome(long accepted, long refused, long notOffered) {}

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
    long notOffered = 0;
    Semaphore outstanding = new Semaphore(MAX_OUTSTANDING);
    long start = System.nanoTime();
    double intervalNanos = 1e9 / ratePerSecond;
    for (int i = 0; i < txs.size(); i++) {
      long due = start + (long) (i * intervalNanos);
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      if (!outstanding.tryAcquire()) {
        notOffered++;
        continue;
      }
      GeneratedTransaction tx = txs.get(i);
      submitted.put(tx.id().toHex(), due);
      nodes
          .get(i % nodes.size())
          .submit(tx.bytes())
          .whenComplete(
              (status, error) -> {
                boolean ok = error == null && (status == 201 || status == 200);
                (ok ? accepted : refused).incrementAndGet();
                outstanding.release();
              });
    }
    outstanding.acquireUninterruptibly(MAX_OUTSTANDING);
    outstanding.release(MAX_OUTSTANDING);
    return new Outcome(accepted.get(), refused.get(), notOffered);
  }
}
