package org.tanglenode.benchmarks.storage;

import java.util.function.BooleanSupplier;

/** Waits after a preload until RocksDB has no flush or compaction running or due. */
final class BackgroundWork {

  /** The longest wait; a benchmark then measures with whatever debt is left. */
  static final long MAX_WAIT_MS = 600_000;

  private static final long POLL_MS = 200;

  private BackgroundWork() {}

  static void await(BooleanSupplier pending) {
    long start = System.currentTimeMillis();
    while (pending.getAsBoolean()) {
      if (System.currentTimeMillis() - start > MAX_WAIT_MS) {
        System.out.println("background work still pending after " + MAX_WAIT_MS + " ms");
        return;
      }
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    System.out.println(
        "preload: background work done after " + (System.currentTimeMillis() - start) + " ms");
  }
}
