package org.tanglenode.benchmarks.storage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.tanglenode.benchmarks.BenchmarkBase;
import org.tanglenode.storage.StorableTransaction;
import org.tanglenode.storage.Storage;
import org.tanglenode.storage.StorageConfig;
import org.tanglenode.storage.StoreOutcome;

/**
 * Inserts per second: {@link #storeWithAllIndexes} hands {@value #BATCH} transactions to the {@code
 * TransactionStore} (one writer, group commit, fsync per group: the default durability) and waits
 * for all acknowledgements; {@link #rawRocksDbPut} writes the same bytes under their ids into a
 * plain RocksDB database, {@value #BATCH} puts per WriteBatch, fsynced the same way. Both report
 * operations per second, one operation being one transaction.
 *
 * <p>{@code -p preload=N} stores N transactions before measuring, to see whether inserts slow down
 * as the database grows.
 */
@State(Scope.Benchmark)
public class StorageInsertBenchmark extends BenchmarkBase {

  static final int BATCH = 1000;

  @Param({"0"})
  int preload;

  private final GeneratedTransactions generator = new GeneratedTransactions(SEED);
  private Path storeFolder;
  private Path rawFolder;
  private Storage storage;
  private RocksDB raw;
  private Options rawOptions;
  private WriteOptions rawSync;
  private List<StorableTransaction> next;

  @Setup(Level.Trial)
  public void open() throws RocksDBException {
    storeFolder = TempFolder.create("bench-store");
    rawFolder = TempFolder.create("bench-raw");
    storage =
        Storage.open(
            StorageConfig.defaults(storeFolder), new SimpleMeterRegistry(), Clock.systemUTC());
    RocksDB.loadLibrary();
    rawOptions = new Options().setCreateIfMissing(true);
    raw = RocksDB.open(rawOptions, rawFolder.toString());
    rawSync = new WriteOptions().setSync(true);
    for (int done = 0; done < preload; done += BATCH) {
      List<StorableTransaction> txs = generator.next(BATCH);
      storeAll(txs);
      putAll(txs);
    }
  }

  @Setup(Level.Invocation)
  public void nextBatch() {
    next = generator.next(BATCH);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void storeWithAllIndexes(Blackhole blackhole) {
    blackhole.consume(storeAll(next));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void rawRocksDbPut() throws RocksDBException {
    putAll(next);
  }

  private List<CompletableFuture<StoreOutcome>> storeAll(List<StorableTransaction> txs) {
    List<CompletableFuture<StoreOutcome>> futures = new ArrayList<>(txs.size());
    for (StorableTransaction tx : txs) {
      futures.add(storage.transactions().store(tx));
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    return futures;
  }

  private void putAll(List<StorableTransaction> txs) throws RocksDBException {
    try (WriteBatch batch = new WriteBatch()) {
      for (StorableTransaction tx : txs) {
        batch.put(tx.id().bytes(), tx.bytes());
      }
      raw.write(rawSync, batch);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    storage.close();
    raw.close();
    rawSync.close();
    rawOptions.close();
    TempFolder.delete(storeFolder);
    TempFolder.delete(rawFolder);
  }
}
