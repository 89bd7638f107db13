package org.tanglenode.benchmarks.storage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.tanglenode.benchmarks.BenchmarkBase;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.Durability;
import org.tanglenode.storage.StorableTransaction;
import org.tanglenode.storage.Storage;
import org.tanglenode.storage.StorageConfig;
import org.tanglenode.storage.StoreOutcome;
import org.tanglenode.storage.TransactionMetadata;
import org.tanglenode.storage.TransactionStore;

/**
 * Point reads from a store holding {@code size} transactions: bytes by id, metadata by id, the
 * approvers of an id, and a read of an id that is not stored (what the seen-before filter asks).
 */
@State(Scope.Benchmark)
public class StorageReadBenchmark extends BenchmarkBase {

  @Param({"100000"})
  int size;

  private Path folder;
  private Storage storage;
  private TransactionStore store;
  private TransactionId[] ids;
  private TransactionId[] absent;

  @Setup(Level.Trial)
  public void fill() {
    folder = TempFolder.create("bench-read");
    storage =
        Storage.open(
            StorageConfig.defaults(folder)
                .withDurability(Durability.syncEvery(Duration.ofMillis(100))),
            new SimpleMeterRegistry(),
            Clock.systemUTC());
    store = storage.transactions();
    GeneratedTransactions generator = new GeneratedTransactions(SEED);
    ids = new TransactionId[size];
    List<CompletableFuture<StoreOutcome>> pending = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      StorableTransaction tx = generator.next();
      ids[i] = tx.id();
      pending.add(store.store(tx));
      if (pending.size() == 5_000) {
        pending.forEach(CompletableFuture::join);
        pending.clear();
      }
    }
    pending.forEach(CompletableFuture::join);
    GeneratedTransactions others = new GeneratedTransactions(SEED + 1);
    absent = new TransactionId[1024];
    for (int i = 0; i < absent.length; i++) {
      absent[i] = others.next().id();
    }
  }

  private TransactionId anyId() {
    return ids[ThreadLocalRandom.current().nextInt(ids.length)];
  }

  @Benchmark
  public Optional<byte[]> transactionById() {
    return store.transactionBytes(anyId());
  }

  @Benchmark
  public Optional<TransactionMetadata> metadataById() {
    return store.metadata(anyId());
  }

  @Benchmark
  public List<TransactionId> approversOfId() {
    return store.approvers(anyId());
  }

  @Benchmark
  public boolean containsAbsentId() {
    return store.contains(absent[ThreadLocalRandom.current().nextInt(absent.length)]);
  }

  @TearDown(Level.Trial)
  public void close() {
    storage.close();
    TempFolder.delete(folder);
  }
}
