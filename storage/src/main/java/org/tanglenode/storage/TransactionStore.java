package org.tanglenode.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.storage.schema.ApproverKeyCodec;
import org.tanglenode.storage.schema.Column;
import org.tanglenode.storage.schema.LedgerDiffKey;
import org.tanglenode.storage.schema.LedgerDiffKeyCodec;
import org.tanglenode.storage.schema.MerkleKey;
import org.tanglenode.storage.schema.MerkleKeyCodec;
import org.tanglenode.storage.schema.MetadataCodec;
import org.tanglenode.storage.schema.NodeStateKey;
import org.tanglenode.storage.schema.OutputCodec;
import org.tanglenode.storage.schema.OutputRefCodec;
import org.tanglenode.storage.schema.SpentOutputCodec;
import org.tanglenode.storage.schema.TagKey;
import org.tanglenode.storage.schema.TagKeyCodec;
import org.tanglenode.storage.schema.TransactionIdCodec;
import org.tanglenode.storage.schema.TransactionValueCodec;
import org.tanglenode.storage.schema.UInt32Codec;
import org.tanglenode.storage.schema.UInt64Codec;

/**
 * The DAG in the database: writes go through one writer thread with group commit; reads go straight
 * to RocksDB from any thread.
 *
 * <p>A write's future completes only after the batch holding it is written and, with the default
 * durability, fsynced. Futures complete on the writer thread: chain heavy work with the {@code
 * *Async} methods of {@link CompletableFuture}, never block in a non-async continuation.
 */
public final class TransactionStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TransactionStore.class);

  /** The largest page {@link #byTag} and {@link #approvers(TransactionId, int)} return. */
  public static final int MAX_PAGE = 10_000;

  private final TangleDatabase db;
  private final StorageConfig config;
  private final Clock clock;
  private final MeterRegistry registry;
  private final ServiceState state = new ServiceState("the transaction store");
  private final BlockingQueue<PendingWrite> queue;

  private final TransactionIdCodec idCodec = new TransactionIdCodec();
  private final MetadataCodec metadataCodec = new MetadataCodec();
  private final TransactionValueCodec valueCodec = new TransactionValueCodec();
  private final ApproverKeyCodec approverCodec = new ApproverKeyCodec();
  private final TagKeyCodec tagCodec = new TagKeyCodec();
  private final UInt32Codec uint32 = new UInt32Codec();
  private final UInt64Codec uint64 = new UInt64Codec();
  private final MerkleKeyCodec merkleCodec = new MerkleKeyCodec();
  private final OutputRefCodec refCodec = new OutputRefCodec();
  private final OutputCodec outputCodec = new OutputCodec();
  private final SpentOutputCodec spentCodec = new SpentOutputCodec();
  private final LedgerDiffKeyCodec diffCodec = new LedgerDiffKeyCodec();

  private CommittedState committed;
  private GroupCommitWriter writer;
  private Thread writerThread;

  /** Assigns only; {@link #start()} loads the counters and starts the writer. */
  TransactionStore(
      TangleDatabase database, StorageConfig config, Clock clock, MeterRegistry registry) {
    this.db = database;
    this.config = config;
    this.clock = clock;
    this.registry = registry;
    this.queue = new ArrayBlockingQueue<>(config.writeQueueCapacity());
  }

  /** Loads the counters and the tip set (small columns only) and starts the writer thread. */
  public void start() {
    state.starting();
    Map<MilestoneKind, Integer> indexes = new EnumMap<>(MilestoneKind.class);
    for (MilestoneKind kind : MilestoneKind.values()) {
      indexes.put(kind, readInt(kind.key()));
    }
    committed =
        new CommittedState(
            readLong(NodeStateKey.TRANSACTION_COUNT),
            readLong(NodeStateKey.MILESTONE_COUNT),
            indexes,
            Counter.builder("tangle.storage.transactions.stored")
                .description("Transactions written")
                .register(registry));
    Set<TransactionId> tips = new HashSet<>(storedTips());
    Set<TransactionId> awaited = new HashSet<>(idsOf(Column.AWAITED_PARENTS));
    Gauge.builder("tangle.storage.write.queue.depth", queue, BlockingQueue::size)
        .description("Writes waiting for the writer")
        .register(registry);
    Gauge.builder("tangle.storage.compaction.pending.bytes", this, s -> s.pendingCompactionBytes())
        .description("RocksDB's estimate of the bytes compaction still has to rewrite")
        .register(registry);
    Gauge.builder("tangle.storage.write.queue.capacity", queue, q -> config.writeQueueCapacity())
        .description("Writes the write queue holds at most")
        .register(registry);
    writer = new GroupCommitWriter(db, queue, config, clock, committed, tips, awaited, registry);
    writerThread = new Thread(writer, "storage-writer");
    writerThread.setDaemon(false);
    writerThread.start();
  }

  // ---- writes -------------------------------------------------------------------------------

  /**
   * Queues {@code transaction} with all its indexes, waiting while the queue is full (the caller is
   * slowed down, nothing is dropped). The future completes when the write is durable.
   */
  public CompletableFuture<StoreOutcome> store(StorableTransaction transaction) {
    Objects.requireNonNull(transaction, "transaction");
    CompletableFuture<StoreOutcome> done = new CompletableFuture<>();
    enqueue(new PendingWrite.Insert(transaction, done));
    return done;
  }

  /** Applies {@code update} atomically, waiting while the queue is full. */
  public CompletableFuture<UpdateOutcome> update(StateUpdate update) {
    Objects.requireNonNull(update, "update");
    CompletableFuture<UpdateOutcome> done = new CompletableFuture<>();
    enqueue(new PendingWrite.Update(update, done));
    return done;
  }

  private void enqueue(PendingWrite write) {
    requireWriter();
    try {
      while (!queue.offer(write, 100, TimeUnit.MILLISECONDS)) {
        requireWriter();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageClosedException("interrupted while waiting for room in the write queue");
    }
  }

  private void requireWriter() {
    state.requireRunning();
    Throwable death = writer.death();
    if (death != null) {
      throw new StorageException("the storage writer died: " + death, death);
    }
  }

  // ---- reads --------------------------------------------------------------------------------

  public boolean contains(TransactionId id) {
    return db.contains(Column.TRANSACTIONS, id.bytes());
  }

  /** The transaction's bytes exactly as received. */
  public Optional<byte[]> transactionBytes(TransactionId id) {
    byte[] value = db.get(Column.TRANSACTIONS, id.bytes());
    return value == null ? Optional.empty() : Optional.of(valueCodec.bytes(value));
  }

  /**
   * The stored transaction {@code id}, decoded: the one typed read of a stored transaction for
   * every caller that needs its fields. Decoded under its stored id with {@link
   * TransactionDecoder#decodeStored} (no id hash, no canonical re-encode: the bytes passed both on
   * the way in). Stored bytes that no longer decode raise {@link DamagedTransactionException}: the
   * one policy for damaged data (docs/storage.md "Damaged data").
   */
  public Optional<Transaction> transaction(TransactionId id) {
    return transactionBytes(id).map(bytes -> decodeStored(id, bytes));
  }

  /** Decodes bytes stored under {@code id}; see {@link #transaction}. */
  public static Transaction decodeStored(TransactionId id, byte[] bytes) {
    ValidationResult decoded = TransactionDecoder.decodeStored(bytes, id);
    if (decoded instanceof ValidationResult.Valid valid) {
      return valid.transaction();
    }
    throw new DamagedTransactionException(id, decoded.toString());
  }

  /**
   * What the node learned about a stored transaction. A transaction with no metadata row (nothing
   * learned since it arrived) answers its arrival time from its value.
   */
  public Optional<TransactionMetadata> metadata(TransactionId id) {
    byte[] raw = db.get(Column.METADATA, id.bytes());
    if (raw != null) {
      return Optional.of(metadataCodec.decode(raw));
    }
    byte[] value = db.get(Column.TRANSACTIONS, id.bytes());
    return value == null
        ? Optional.empty()
        : Optional.of(TransactionMetadata.arrived(valueCodec.arrivalMs(value)));
  }

  /** The transactions that approve {@code id}, in id order, at most {@link #MAX_PAGE}. */
  public List<TransactionId> approvers(TransactionId id) {
    return approvers(id, MAX_PAGE);
  }

  /** At most {@code limit} transactions that approve {@code id}, in id order. */
  public List<TransactionId> approvers(TransactionId id, int limit) {
    checkLimit(limit);
    List<TransactionId> out = new ArrayList<>();
    byte[] prefix = approverCodec.prefix(id);
    db.scan(
        Column.APPROVERS,
        prefix,
        prefix,
        (key, value) -> {
          out.add(approverCodec.decode(key).child());
          return out.size() < limit;
        });
    return out;
  }

  /**
   * One page of the transactions tagged {@code tag}, in issuer-timestamp order (then id order),
   * starting after {@code after} or at the beginning of the trail.
   */
  public TagPage byTag(Tag tag, Optional<TagCursor> after, int limit) {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(after, "after");
    checkLimit(limit);
    byte[] prefix = tagCodec.prefix(tag);
    byte[] start =
        after.map(c -> tagCodec.encode(new TagKey(tag, c.timestampMs(), c.id()))).orElse(prefix);
    List<TagEntry> entries = new ArrayList<>();
    boolean[] more = new boolean[1];
    db.scan(
        Column.TAGS,
        prefix,
        start,
        (key, value) -> {
          if (after.isPresent() && Arrays.equals(key, start)) {
            return true; // the cursor's own entry was on the previous page
          }
          if (entries.size() == limit) {
            more[0] = true;
            return false;
          }
          TagKey decoded = tagCodec.decode(key);
          entries.add(new TagEntry(decoded.timestampMs(), decoded.id()));
          return true;
        });
    Optional<TagCursor> next =
        more[0] ? Optional.of(entries.get(entries.size() - 1).cursor()) : Optional.empty();
    return new TagPage(entries, next);
  }

  /** The id of the milestone transaction with index {@code index}. */
  public Optional<TransactionId> milestone(int index) {
    if (index < 1) {
      return Optional.empty();
    }
    byte[] raw = db.get(Column.MILESTONES, uint32.encode(index));
    return raw == null ? Optional.empty() : Optional.of(idCodec.decode(raw));
  }

  /** The unspent output {@code ref}, if the ledger has it. */
  public Optional<Output> unspentOutput(OutputRef ref) {
    byte[] raw = db.get(Column.LEDGER_OUTPUTS, refCodec.encode(ref));
    return raw == null ? Optional.empty() : Optional.of(outputCodec.decode(raw));
  }

  /**
   * Visits every unspent output in output-id order until {@code visitor} returns false (a scan of
   * the ledger column: for building an index at start, not for a hot path).
   */
  public void forEachUnspentOutput(java.util.function.BiPredicate<OutputRef, Output> visitor) {
    Objects.requireNonNull(visitor, "visitor");
    db.scan(
        Column.LEDGER_OUTPUTS,
        new byte[0],
        new byte[0],
        (key, value) -> visitor.test(refCodec.decode(key), outputCodec.decode(value)));
  }

  /** The spent output {@code ref} with its spender, if the ledger recorded it. */
  public Optional<SpentOutput> spentOutput(OutputRef ref) {
    byte[] raw = db.get(Column.SPENT_OUTPUTS, refCodec.encode(ref));
    return raw == null ? Optional.empty() : Optional.of(spentCodec.decode(ref, raw));
  }

  /** The outputs milestone {@code index} created and spent. */
  public LedgerDiff ledgerDiff(int index) {
    List<OutputRef> created = new ArrayList<>();
    List<OutputRef> spent = new ArrayList<>();
    byte[] prefix = diffCodec.prefix(index);
    db.scan(
        Column.LEDGER_DIFFS,
        prefix,
        prefix,
        (key, value) -> {
          LedgerDiffKey diff = diffCodec.decode(key);
          (diff.kind() == LedgerDiffKey.Kind.CREATED ? created : spent).add(diff.ref());
          return true;
        });
    return new LedgerDiff(index, created, spent);
  }

  /** Whether the ledger holds any output (spent or unspent). */
  boolean hasLedgerState() {
    return db.hasKeyWithPrefix(Column.LEDGER_OUTPUTS, new byte[0])
        || db.hasKeyWithPrefix(Column.SPENT_OUTPUTS, new byte[0]);
  }

  /** A stored node of the history tree. */
  public Optional<byte[]> historyNode(MerkleKey key) {
    return Optional.ofNullable(db.get(Column.MERKLE, merkleCodec.encode(key)));
  }

  /**
   * The ids confirmed as history-tree leaves {@code fromLeaf} (inclusive) to {@code toLeaf}
   * (exclusive), in confirmation order. Milestone m confirmed the leaves from the previous
   * milestone's {@code history_size} to its own. A leaf not written (yet) ends the list early.
   */
  public List<TransactionId> confirmedIds(long fromLeaf, long toLeaf) {
    if (fromLeaf < 0 || toLeaf < fromLeaf) {
      throw new IllegalArgumentException("leaf range [" + fromLeaf + ", " + toLeaf + ")");
    }
    List<TransactionId> ids = new ArrayList<>((int) Math.min(toLeaf - fromLeaf, 100_000));
    long[] expected = {fromLeaf};
    db.scan(
        Column.CONFIRMED,
        new byte[0],
        uint64.encode(fromLeaf),
        (key, value) -> {
          if (expected[0] >= toLeaf || uint64.decode(key) != expected[0]) {
            return false;
          }
          ids.add(idCodec.decode(value));
          expected[0]++;
          return true;
        });
    return ids;
  }

  /**
   * Visits the ids of the history-tree leaves {@code fromLeaf} (inclusive) to {@code toLeaf}
   * (exclusive) that are written, in leaf order, skipping missing leaves (those before an imported
   * snapshot), until {@code visitor} returns false.
   */
  void forEachConfirmedBetween(
      long fromLeaf, long toLeaf, java.util.function.Predicate<TransactionId> visitor) {
    db.scan(
        Column.CONFIRMED,
        new byte[0],
        uint64.encode(fromLeaf),
        (key, value) -> uint64.decode(key) < toLeaf && visitor.test(idCodec.decode(value)));
  }

  /** Visits every approver of {@code id} in id order until {@code visitor} returns false. */
  void forEachApprover(TransactionId id, java.util.function.Predicate<TransactionId> visitor) {
    byte[] prefix = approverCodec.prefix(id);
    db.scan(
        Column.APPROVERS,
        prefix,
        prefix,
        (key, value) -> visitor.test(approverCodec.decode(key).child()));
  }

  /**
   * The highest milestone index whose confirmed transactions are pruned, 0 if nothing is (see
   * {@link Pruner}).
   */
  public int prunedMilestone() {
    return readInt(NodeStateKey.PRUNED_MILESTONE);
  }

  /** RocksDB's estimate of the bytes compaction still has to rewrite, over all column families. */
  public long pendingCompactionBytes() {
    long total = 0;
    for (Column column : Column.values()) {
      total += db.longProperty(column, "rocksdb.estimate-pending-compaction-bytes");
    }
    return total;
  }

  /**
   * Whether RocksDB has flushes or compactions running or due (for benchmarks that measure after a
   * bulk load, and for operators wondering why writes slowed down).
   */
  public boolean backgroundWorkPending() {
    Column any = Column.NODE_STATE;
    return pendingCompactionBytes() > 0
        || db.longProperty(any, "rocksdb.num-running-compactions") > 0
        || db.longProperty(any, "rocksdb.num-running-flushes") > 0
        || db.longProperty(any, "rocksdb.mem-table-flush-pending") > 0;
  }

  /** Transactions stored, as of the last written group. */
  public long transactionCount() {
    state.requireRunning();
    return committed.transactionCount();
  }

  /** Milestones indexed, as of the last written group. */
  public long milestoneCount() {
    state.requireRunning();
    return committed.milestoneCount();
  }

  /** A tracked milestone index, 0 if none yet. */
  public int milestoneIndex(MilestoneKind kind) {
    state.requireRunning();
    return committed.milestoneIndex(kind);
  }

  /**
   * What the node needs at start: tips, solid entry points, milestone indexes and counts, read from
   * small columns and node-state keys only (never a scan of the transactions).
   */
  public RestartState restartState() {
    Map<TransactionId, Integer> entryPoints = new HashMap<>();
    db.scan(
        Column.SOLID_ENTRY_POINTS,
        new byte[0],
        new byte[0],
        (key, value) -> {
          entryPoints.put(idCodec.decode(key), uint32.decode(value));
          return true;
        });
    return new RestartState(
        storedTips(),
        entryPoints,
        readInt(NodeStateKey.LATEST_MILESTONE),
        readInt(NodeStateKey.SOLID_MILESTONE),
        readInt(NodeStateKey.CONFIRMED_MILESTONE),
        readLong(NodeStateKey.TRANSACTION_COUNT),
        readLong(NodeStateKey.MILESTONE_COUNT));
  }

  private Set<TransactionId> storedTips() {
    return idsOf(Column.TIPS);
  }

  /** The keys of a small column keyed by id (tips, awaited parents). */
  private Set<TransactionId> idsOf(Column column) {
    Set<TransactionId> tips = new HashSet<>();
    db.scan(
        column,
        new byte[0],
        new byte[0],
        (key, value) -> {
          tips.add(idCodec.decode(key));
          return true;
        });
    return tips;
  }

  private long readLong(NodeStateKey key) {
    byte[] raw = db.get(Column.NODE_STATE, key.keyBytes());
    return raw == null ? 0 : uint64.decode(raw);
  }

  private int readInt(NodeStateKey key) {
    byte[] raw = db.get(Column.NODE_STATE, key.keyBytes());
    return raw == null ? 0 : uint32.decode(raw);
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("a page holds 1.." + MAX_PAGE + " entries, not " + limit);
    }
  }

  // ---- close --------------------------------------------------------------------------------

  /**
   * Stops taking writes, commits every write already queued, then stops the writer. Idempotent. The
   * database itself is closed by its owner afterwards.
   */
  @Override
  public void close() {
    boolean wasRunning = state.running();
    if (!state.closing() || !wasRunning) {
      return;
    }
    writer.stop();
    try {
      writerThread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("Interrupted while the writer finished its queue");
    }
    List<PendingWrite> left = new ArrayList<>();
    queue.drainTo(left);
    for (PendingWrite write : left) {
      write.fail(new StorageClosedException("the store closed before this write was taken"));
    }
  }
}
