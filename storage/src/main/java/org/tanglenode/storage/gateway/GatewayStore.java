package org.tanglenode.storage.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's database. Readings are written by one writer thread in groups: it takes every
 * waiting request (up to {@code maxGroupReadings} readings), gives each new reading the next
 * sequence number, writes the group as one WriteBatch with the write-ahead log fsynced, and only
 * then completes the requests' futures, so a completed future means the reading survives a kill -9
 * and a power cut (group commit: one fsync for many readings). A reading whose leaf hash is stored
 * already is not stored again; its future names the first copy's sequence number.
 *
 * <p>Batches are written directly (rarely: one per batch interval), also with the log fsynced.
 *
 * <pre>
 *   NEW --start()--> RUNNING --close()--> CLOSED   (close() is idempotent)
 * </pre>
 */
public final class GatewayStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayStore.class);
  private static final byte[] DEFAULT_FAMILY = RocksDB.DEFAULT_COLUMN_FAMILY;

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  private record Pending(List<IncomingReading> readings, CompletableFuture<List<Appended>> done) {}

  private final Path directory;
  private final int maxGroupReadings;
  private final BlockingQueue<Pending> queue;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final Counter rejected;
  private final DistributionSummary groupSizes;
  private final BatchRowCodec batchCodec = new BatchRowCodec();
  private final List<AutoCloseable> natives = new ArrayList<>();
  private final Map<GatewayColumn, ColumnFamilyHandle> handles = new HashMap<>();
  private final List<ColumnFamilyHandle> allHandles = new ArrayList<>();
  private RocksDB db;
  private WriteOptions syncWrite;
  private Thread writer;
  private volatile boolean stopping;
  private volatile long nextSequence;

  /**
   * @param directory the database folder (created if absent)
   * @param queueCapacity how many requests (each one or more readings) may wait for the writer
   * @param maxGroupReadings the most readings written under one fsync
   */
  public GatewayStore(
      Path directory, int queueCapacity, int maxGroupReadings, MeterRegistry meters) {
    if (queueCapacity < 1 || maxGroupReadings < 1) {
      throw new IllegalArgumentException("queue capacity and group size are at least 1");
    }
    this.directory = directory;
    this.maxGroupReadings = maxGroupReadings;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    Gauge.builder("tangle.gateway.store.queue", queue, BlockingQueue::size)
        .description("Requests of readings waiting for the gateway's writer")
        .register(meters);
    this.rejected =
        Counter.builder("tangle.gateway.store.rejected")
            .description("Requests refused because the writer's queue was full")
            .register(meters);
    this.groupSizes =
        DistributionSummary.builder("tangle.gateway.store.group.size")
            .description("Readings written under one fsync")
            .register(meters);
  }

  /** Opens (or creates) the database and starts the writer. */
  public void start() {
    if (!state.compareAndSet(State.NEW, State.RUNNING)) {
      throw new IllegalStateException("the gateway store was started before or is closed");
    }
    RocksDB.loadLibrary();
    try {
      Files.createDirectories(directory);
      DBOptions options =
          track(
              new DBOptions()
                  .setCreateIfMissing(true)
                  .setCreateMissingColumnFamilies(true)
                  .setParanoidChecks(true)
                  .setKeepLogFileNum(5)
                  .setMaxBackgroundJobs(2));
      ColumnFamilyOptions columnOptions = track(new ColumnFamilyOptions());
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      descriptors.add(new ColumnFamilyDescriptor(DEFAULT_FAMILY, columnOptions));
      for (GatewayColumn column : GatewayColumn.values()) {
        descriptors.add(new ColumnFamilyDescriptor(column.nameBytes(), columnOptions));
      }
      db = RocksDB.open(options, directory.toString(), descriptors, allHandles);
      for (GatewayColumn column : GatewayColumn.values()) {
        handles.put(column, allHandles.get(column.ordinal() + 1));
      }
      syncWrite = track(new WriteOptions().setSync(true));
      nextSequence = lastKey(GatewayColumn.READINGS).map(k -> k + 1).orElse(0L);
    } catch (IOException e) {
      releaseNatives();
      throw new GatewayStoreException("cannot use the folder " + directory + ": " + e, e);
    } catch (RocksDBException e) {
      releaseNatives();
      throw translate("open " + directory, e);
    }
    writer = new Thread(this::writeLoop, "gateway-store-writer");
    writer.start();
    LOG.info("Opened the gateway database in {} ({} readings stored)", directory, nextSequence);
  }

  /**
   * Queues readings for the writer, failing at once with {@link StoreFullException} when the queue
   * is full. The future completes when every reading is durable (or fails with a {@link
   * GatewayStoreException}); its list is in the order of {@code readings}.
   */
  public CompletableFuture<List<Appended>> tryAppend(List<IncomingReading> readings) {
    Pending pending = pending(readings);
    if (!queue.offer(pending)) {
      rejected.increment();
      throw new StoreFullException(queue.remainingCapacity() + queue.size());
    }
    return pending.done();
  }

  /**
   * Like {@link #tryAppend} but waits for room in the queue: for a source that has its own flow
   * control (MQTT: the broker keeps what is not acknowledged).
   */
  public CompletableFuture<List<Appended>> append(List<IncomingReading> readings)
      throws InterruptedException {
    Pending pending = pending(readings);
    while (!queue.offer(pending, 100, TimeUnit.MILLISECONDS)) {
      running();
    }
    return pending.done();
  }

  private Pending pending(List<IncomingReading> readings) {
    running();
    if (readings.isEmpty()) {
      throw new IllegalArgumentException("no readings");
    }
    return new Pending(List.copyOf(readings), new CompletableFuture<>());
  }

  private void running() {
    if (state.get() != State.RUNNING || stopping) {
      throw new GatewayStoreException("the gateway store is closed");
    }
  }

  /** How many readings are stored: the next sequence number. */
  public long nextSequence() {
    return nextSequence;
  }

  /** The reading with this sequence number. */
  public Optional<StoredReading> reading(long sequence) {
    byte[] value = get(GatewayColumn.READINGS, BatchRowCodec.key(sequence));
    return Optional.ofNullable(value).map(v -> decodeReading(sequence, v));
  }

  /** Up to {@code max} readings from {@code firstSequence} on, in sequence order. */
  public List<StoredReading> readings(long firstSequence, int max) {
    List<StoredReading> out = new ArrayList<>();
    try (RocksIterator it = db.newIterator(handle(GatewayColumn.READINGS))) {
      for (it.seek(BatchRowCodec.key(firstSequence)); it.isValid() && out.size() < max; it.next()) {
        out.add(decodeReading(BatchRowCodec.sequence(it.key()), it.value()));
      }
      checkIterator(it);
    }
    return out;
  }

  /** The sequence number of the reading with this leaf hash, if it is stored. */
  public Optional<Long> sequenceOf(Leaf leaf) {
    byte[] value = get(GatewayColumn.READING_INDEX, leaf.hash());
    return Optional.ofNullable(value).map(BatchRowCodec::sequence);
  }

  /** Stores (or replaces) a batch row, fsynced before it returns. */
  public void putBatch(BatchRow row) {
    running();
    try {
      db.put(
          handle(GatewayColumn.BATCHES),
          syncWrite,
          BatchRowCodec.key(row.firstSequence()),
          batchCodec.encode(row));
    } catch (RocksDBException e) {
      throw translate("write batch " + row.firstSequence(), e);
    }
  }

  /** The batch that holds the reading with this sequence number, if it is closed. */
  public Optional<BatchRow> batchHolding(long sequence) {
    try (RocksIterator it = db.newIterator(handle(GatewayColumn.BATCHES))) {
      it.seekForPrev(BatchRowCodec.key(sequence));
      if (!it.isValid()) {
        checkIterator(it);
        return Optional.empty();
      }
      BatchRow row = batchCodec.decode(BatchRowCodec.sequence(it.key()), it.value());
      return row.holds(sequence) ? Optional.of(row) : Optional.empty();
    }
  }

  /** Every batch from {@code firstSequence} on, in order. */
  public List<BatchRow> batches(long firstSequence, int max) {
    List<BatchRow> out = new ArrayList<>();
    try (RocksIterator it = db.newIterator(handle(GatewayColumn.BATCHES))) {
      for (it.seek(BatchRowCodec.key(firstSequence)); it.isValid() && out.size() < max; it.next()) {
        out.add(batchCodec.decode(BatchRowCodec.sequence(it.key()), it.value()));
      }
      checkIterator(it);
    }
    return out;
  }

  /** The sequence number after the last closed batch: where the next batch starts. */
  public long batchedUpTo() {
    try (RocksIterator it = db.newIterator(handle(GatewayColumn.BATCHES))) {
      it.seekToLast();
      if (!it.isValid()) {
        checkIterator(it);
        return 0;
      }
      return batchCodec.decode(BatchRowCodec.sequence(it.key()), it.value()).endSequence();
    }
  }

  private void writeLoop() {
    List<Pending> group = new ArrayList<>();
    while (true) {
      try {
        Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (stopping) {
            return;
          }
          continue;
        }
        group.add(first);
        int readings = first.readings().size();
        Pending next;
        while (readings < maxGroupReadings && (next = queue.peek()) != null) {
          if (readings + next.readings().size() > maxGroupReadings) {
            break;
          }
          group.add(queue.poll());
          readings += next.readings().size();
        }
        commit(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("The gateway's writer failed a group of {} requests", group.size(), e);
        for (Pending p : group) {
          p.done().completeExceptionally(e);
        }
      } finally {
        group.clear();
      }
    }
  }

  private void commit(List<Pending> group) {
    Map<Leaf, Long> inGroup = new HashMap<>();
    List<List<Appended>> results = new ArrayList<>(group.size());
    long sequence = nextSequence;
    int written = 0;
    try (WriteBatch batch = new WriteBatch()) {
      for (Pending p : group) {
        List<Appended> result = new ArrayList<>(p.readings().size());
        for (IncomingReading r : p.readings()) {
          Long known = inGroup.get(r.leaf());
          if (known == null) {
            byte[] stored = db.get(handle(GatewayColumn.READING_INDEX), r.leaf().hash());
            known = stored == null ? null : BatchRowCodec.sequence(stored);
          }
          if (known != null) {
            result.add(new Appended(known, true));
            continue;
          }
          byte[] leaf = r.leaf().hash();
          byte[] canonical = r.canonical();
          byte[] value =
              ByteBuffer.allocate(32 + canonical.length).put(leaf).put(canonical).array();
          batch.put(handle(GatewayColumn.READINGS), BatchRowCodec.key(sequence), value);
          batch.put(handle(GatewayColumn.READING_INDEX), leaf, BatchRowCodec.key(sequence));
          inGroup.put(r.leaf(), sequence);
          result.add(new Appended(sequence, false));
          sequence++;
          written++;
        }
        results.add(result);
      }
      if (written > 0) {
        db.write(syncWrite, batch);
      }
    } catch (RocksDBException e) {
      throw translate("write readings", e);
    }
    nextSequence = sequence;
    groupSizes.record(written);
    for (int i = 0; i < group.size(); i++) {
      group.get(i).done().complete(List.copyOf(results.get(i)));
    }
  }

  private StoredReading decodeReading(long sequence, byte[] value) {
    if (value.length <= 32) {
      throw new GatewayStoreException("damaged reading at sequence " + sequence);
    }
    return new StoredReading(
        sequence,
        new Leaf(Arrays.copyOfRange(value, 0, 32)),
        Arrays.copyOfRange(value, 32, value.length));
  }

  private Optional<Long> lastKey(GatewayColumn column) {
    try (RocksIterator it = db.newIterator(handle(column))) {
      it.seekToLast();
      if (!it.isValid()) {
        checkIterator(it);
        return Optional.empty();
      }
      return Optional.of(BatchRowCodec.sequence(it.key()));
    }
  }

  private byte[] get(GatewayColumn column, byte[] key) {
    if (state.get() != State.RUNNING) {
      throw new GatewayStoreException("the gateway store is not open");
    }
    try {
      return db.get(handle(column), key);
    } catch (RocksDBException e) {
      throw translate("read " + column, e);
    }
  }

  private ColumnFamilyHandle handle(GatewayColumn column) {
    ColumnFamilyHandle handle = handles.get(column);
    if (handle == null) {
      throw new GatewayStoreException("the gateway store is not open");
    }
    return handle;
  }

  private static void checkIterator(RocksIterator it) {
    try {
      it.status();
    } catch (RocksDBException e) {
      throw translate("scan", e);
    }
  }

  private static GatewayStoreException translate(String what, RocksDBException e) {
    return new GatewayStoreException("cannot " + what + ": " + e.getMessage(), e);
  }

  private <T extends AutoCloseable> T track(T resource) {
    natives.add(resource);
    return resource;
  }

  /** Stops the writer (finishing the queued requests) and closes the database. */
  @Override
  public void close() {
    State before = state.getAndSet(State.CLOSED);
    if (before != State.RUNNING) {
      return;
    }
    stopping = true;
    if (writer != null) {
      try {
        writer.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Pending p; (p = queue.poll()) != null; ) {
      p.done().completeExceptionally(new GatewayStoreException("the gateway store closed"));
    }
    releaseNatives();
  }

  private void releaseNatives() {
    for (ColumnFamilyHandle h : allHandles) {
      h.close();
    }
    allHandles.clear();
    handles.clear();
    if (db != null) {
      db.close();
      db = null;
    }
    for (int i = natives.size() - 1; i >= 0; i--) {
      try {
        natives.get(i).close();
      } catch (Exception e) {
        LOG.debug("closing a RocksDB resource", e);
      }
    }
    natives.clear();
  }
}
