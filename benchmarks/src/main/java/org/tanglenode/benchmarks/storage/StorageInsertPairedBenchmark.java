package org.tanglenode.benchmarks.storage;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.rocksdb.RocksDBException;
import org.tanglenode.benchmarks.BenchmarkBase;

/**
 * The two inserts of {@link StorageInsertBenchmark}, measured in the same invocation: each
 * invocation puts one batch of {@value StorageInsertBenchmark#BATCH} transactions into the plain
 * RocksDB database and the same batch into the store (alternating which goes first), timing each.
 * On a shared machine whose load changes by the minute, the two rates then see the same load; the
 * separate benchmarks run minutes apart. Read the ratio from the secondary results: {@code
 * rawNanos} and {@code storeNanos} are the time spent in each per iteration, {@code transactions}
 * the transactions each inserted.
 */
public class StorageInsertPairedBenchmark extends BenchmarkBase {

  /** Time spent in each insert during one iteration (summed, not normalised). */
  @AuxCounters(AuxCounters.Type.EVENTS)
  @State(Scope.Thread)
  public static class Times {
    public long rawNanos;
    public long storeNanos;
    public long transactions;
    boolean rawFirst;

    @Setup(Level.Iteration)
    public void reset() {
      rawNanos = 0;
      storeNanos = 0;
      transactions = 0;
    }
  }

  @Benchmark
  @OperationsPerInvocation(2 * StorageInsertBenchmark.BATCH)
  public void rawAndStore(
      StorageInsertBenchmark.Store store, StorageInsertBenchmark.Raw raw, Times times)
      throws RocksDBException {
    times.rawFirst = !times.rawFirst;
    if (times.rawFirst) {
      times.rawNanos += timeRaw(raw);
      times.storeNanos += timeStore(store);
    } else {
      times.storeNanos += timeStore(store);
      times.rawNanos += timeRaw(raw);
    }
    times.transactions += StorageInsertBenchmark.BATCH;
  }

  private static long timeRaw(StorageInsertBenchmark.Raw raw) throws RocksDBException {
    long start = System.nanoTime();
    raw.putAll(raw.next);
    return System.nanoTime() - start;
  }

  private static long timeStore(StorageInsertBenchmark.Store store) {
    long start = System.nanoTime();
    store.storeAll(store.next);
    return System.nanoTime() - start;
  }
}
