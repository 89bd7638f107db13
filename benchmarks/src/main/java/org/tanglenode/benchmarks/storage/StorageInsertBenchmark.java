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
 * as the database grows. Each benchmark has its own state, so a trial preloads only the database it
 * measures; both generators start from the same seed, so both see the same bytes.
 */
public class StorageInsertBenchmark extends BenchmarkBase {

  static final int BATCH = 1000;

  /** The transaction store with all its indexes, default settings. */
  @State(Scope.Benchmark)
  public static class Store {
    @Param({"0"})
    int preload;

    /** Where each transaction's second parent comes from: RECENT, OLD or MISSING. */
    @Param({"RECENT"})
    String parents;

    private GeneratedTransactions generator;
    private Path folder;
    private Storage storage;
    List<StorableTransaction> next;

    @Setup(Level.Trial)
    public void open() {
      generator = new GeneratedTransactions(SEED, GeneratedTransactions.Parents.valueOf(parents));
      folder = TempFolder.create("bench-store");
      storage =
          Storage.open(
              StorageConfig.defaults(folder), new SimpleMeterRegistry(), Clock.systemUTC());
      for (int done = 0; done < preload; done += BATCH) {
        storeAll(generator.next(BATCH));
      }
      // A bulk preload leaves compaction debt that a node growing over hours would not have.
      BackgroundWork.await(() -> storage.transactions().backgroundWorkPending());
    }

    @Setup(Level.Invocation)
    public void nextBatch() {
      next = generator.next(BATCH);
    }

    List<CompletableFuture<StoreOutcome>> storeAll(List<StorableTransaction> txs) {
      List<CompletableFuture<StoreOutcome>> futures = new ArrayList<>(txs.size());
      for (StorableTransaction tx : txs) {
        futures.add(storage.transactions().store(tx));
      }
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
      return futures;
    }

    @TearDown(Level.Trial)
    public void close() {
      storage.close();
      TempFolder.delete(folder);
    }
  }

  /** A plain RocksDB database with default options: id -> bytes, one entry per transaction. */
  @State(Scope.Benchmark)
  public static class Raw {
    @Param({"0"})
    int preload;

    /** As the store's, so that both insert the same transactions. */
    @Param({"RECENT"})
    String parents;

    private GeneratedTransactions generator;
    private Path folder;
    private RocksDB raw;
    private Options options;
    private WriteOptions sync;
    List<StorableTransaction> next;

    @Setup(Level.Trial)
    public void open() throws RocksDBException {
      generator = new GeneratedTransactions(SEED, GeneratedTransactions.Parents.valueOf(parents));
      folder = TempFolder.create("bench-raw");
      RocksDB.loadLibrary();
      options = new Options().setCreateIfMissing(true);
      raw = RocksDB.open(options, folder.toString());
      sync = new WriteOptions().setSync(true);
      for (int done = 0; done < preload; done += BATCH) {
        putAll(generator.next(BATCH));
      }
      BackgroundWork.await(this::backgroundWorkPending);
    }

    private boolean backgroundWorkPending() {
      try {
        return raw.getLongProperty("rocksdb.estimate-pending-compaction-bytes") > 0
            || raw.getLongProperty("rocksdb.num-running-compactions") > 0
            || raw.getLongProperty("rocksdb.num-running-flushes") > 0
            || raw.getLongProperty("rocksdb.mem-table-flush-pending") > 0;
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Setup(Level.Invocation)
    public void nextBatch() {
      next = generator.next(BATCH);
    }

    void putAll(List<StorableTransaction> txs) throws RocksDBException {
      try (WriteBatch batch = new WriteBatch()) {
        for (StorableTransaction tx : txs) {
          batch.put(tx.id().bytes(), tx.bytes());
        }
        raw.write(sync, batch);
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      raw.close();
      sync.close();
      options.close();
      TempFolder.delete(folder);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void storeWithAllIndexes(Store store, Blackhole blackhole) {
    blackhole.consume(store.storeAll(store.next));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void rawRocksDbPut(Raw raw) throws RocksDBException {
    raw.putAll(raw.next);
  }
}
