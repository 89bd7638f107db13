package org.tanglenode.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.schema.ApproverKey;
import org.tanglenode.storage.schema.ApproverKeyCodec;
import org.tanglenode.storage.schema.Column;
import org.tanglenode.storage.schema.LedgerDiffKey;
import org.tanglenode.storage.schema.LedgerDiffKeyCodec;
import org.tanglenode.storage.schema.MerkleKeyCodec;
import org.tanglenode.storage.schema.MetadataCodec;
import org.tanglenode.storage.schema.NodeStateKey;
import org.tanglenode.storage.schema.OutputCodec;
import org.tanglenode.storage.schema.OutputRefCodec;
import org.tanglenode.storage.schema.SpentOutputCodec;
import org.tanglenode.storage.schema.TagKey;
import org.tanglenode.storage.schema.TagKeyCodec;
import org.tanglenode.storage.schema.TransactionValueCodec;
import org.tanglenode.storage.schema.UInt32Codec;
import org.tanglenode.storage.schema.UInt64Codec;

/**
 * The one writer: takes a group of pending writes from the queue, turns it into one WriteBatch with
 * every index, writes it (fsyncing the log per the durability setting) and only then completes the
 * writes' futures. Runs on its own thread; all fields but the published counters belong to that
 * thread.
 */
final class GroupCommitWriter implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final byte[] EMPTY = new byte[0];
  private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /**
   * The writer remembers the ids of this many recent groups (times the group size) so that a parent
   * stored lately is known to be stored without a read; older parents cost one multi-get per group.
   */
  static final int RECENT_GROUPS = 64;

  private static final int BATCH_BYTES_PER_WRITE = 512;

  private final TangleDatabase db;
  private final BlockingQueue<PendingWrite> queue;
  private final StorageConfig config;
  private final Clock clock;
  private final CommittedState committed;
  private final Set<TransactionId> tips;
  private final Set<TransactionId> awaited;
  private final RecentIds recent;

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

  private final DistributionSummary groupSizes;
  private final Timer commitTimer;
  private final Counter failures;
  private final Counter duplicateMilestones;

  private volatile boolean stopping;
  private volatile Throwable death;
  private long lastSyncNanos = System.nanoTime();
  private boolean unsynced;

  GroupCommitWriter(
      TangleDatabase db,
      BlockingQueue<PendingWrite> queue,
      StorageConfig config,
      Clock clock,
      CommittedState committed,
      Set<TransactionId> tips,
      Set<TransactionId> awaited,
      MeterRegistry registry) {
    this.db = db;
    this.queue = queue;
    this.config = config;
    this.clock = clock;
    this.committed = committed;
    this.tips = tips;
    this.awaited = awaited;
    this.recent = new RecentIds(RECENT_GROUPS * config.maxGroupSize());
    this.groupSizes =
        DistributionSummary.builder("tangle.storage.write.group.size")
            .description("Writes committed together in one batch")
            .register(registry);
    this.commitTimer =
        Timer.builder("tangle.storage.write.commit")
            .description("Time to write (and fsync, if configured) one group")
            .register(registry);
    this.failures =
        Counter.builder("tangle.storage.write.failures")
            .description("Groups whose batch could not be written")
            .register(registry);
    this.duplicateMilestones =
        Counter.builder("tangle.storage.milestones.duplicate")
            .description("Milestone transactions for an index that already has one")
            .register(registry);
  }

  /** What ended the writer if it died of an error it could not handle, else null. */
  Throwable death() {
    return death;
  }

  /** Asks the loop to commit what is queued and end. */
  void stop() {
    stopping = true;
  }

  @Override
  public void run() {
    try {
      loop();
    } catch (Throwable e) {
      death = e;
      LOG.error("The storage writer died; no more writes are accepted", e);
      List<PendingWrite> left = new ArrayList<>();
      queue.drainTo(left);
      StorageException failure = new StorageException("the storage writer died: " + e, e);
      left.forEach(write -> write.fail(failure));
      throw e;
    }
  }

  private void loop() {
    int maxGroup = config.maxGroupSize();
    long delayNanos = config.maxGroupDelay().toNanos();
    List<PendingWrite> group = new ArrayList<>(maxGroup);
    try {
      while (true) {
        PendingWrite first = queue.poll(pollNanos(), TimeUnit.NANOSECONDS);
        if (first == null) {
          if (stopping && queue.isEmpty()) {
            break;
          }
          maybeSyncPeriodically();
          continue;
        }
        group.add(first);
        queue.drainTo(group, maxGroup - group.size());
        if (delayNanos > 0 && group.size() < maxGroup) {
          long deadline = System.nanoTime() + delayNanos;
          long left;
          while (group.size() < maxGroup && (left = deadline - System.nanoTime()) > 0) {
            PendingWrite next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
              break;
            }
            group.add(next);
            queue.drainTo(group, maxGroup - group.size());
          }
        }
        commit(group);
        group.clear();
        maybeSyncPeriodically();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      for (PendingWrite write : group) {
        write.fail(new StorageClosedException("the writer was interrupted"));
      }
    }
    if (unsynced) {
      try {
        db.syncLog();
      } catch (RuntimeException e) {
        LOG.warn("Final sync of the log failed: {}", e.getMessage());
      }
    }
  }

  private long pollNanos() {
    if (config.durability().mode() != Durability.Mode.SYNC_PERIODICALLY || !unsynced) {
      return IDLE_POLL_NANOS;
    }
    long due = lastSyncNanos + config.durability().syncInterval().toNanos() - System.nanoTime();
    return Math.max(0, Math.min(due, IDLE_POLL_NANOS));
  }

  private void maybeSyncPeriodically() {
    if (!unsynced) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastSyncNanos >= config.durability().syncInterval().toNanos()) {
      try {
        db.syncLog();
        unsynced = false;
      } catch (RuntimeException e) {
        failures.increment();
        LOG.error("Periodic sync of the write-ahead log failed: {}", e.getMessage());
      }
      lastSyncNanos = now;
    }
  }

  // ---- one group ----------------------------------------------------------------------------

  /** What a group changes, kept apart until its batch is written. */
  private final class Group {
    final WriteBatch batch;
    final Set<TransactionId> inserted = new HashSet<>();
    final Set<TransactionId> approved = new HashSet<>();
    final Map<TransactionId, TransactionMetadata> metadata = new HashMap<>();
    final Set<Integer> milestones = new HashSet<>();
    final Set<TransactionId> tipsAdded = new LinkedHashSet<>();
    final Set<TransactionId> tipsRemoved = new HashSet<>();
    final Set<TransactionId> awaitedAdded = new HashSet<>();
    final Set<TransactionId> awaitedRemoved = new HashSet<>();

    /** Parents neither stored lately, in this group, nor awaited: looked up once at the end. */
    final Set<TransactionId> unknownParents = new LinkedHashSet<>();

    /** Transactions pruned by this group. */
    final Set<TransactionId> pruned = new HashSet<>();

    final Map<MilestoneKind, Integer> milestoneIndexes = new EnumMap<>(MilestoneKind.class);

    /** Outputs created (value present) or spent (value empty) earlier in this group. */
    final Map<OutputRef, Optional<Output>> outputs = new HashMap<>();

    /** Inserts of this group whose transaction was stored before the group. */
    final Set<TransactionId> storedBefore = new HashSet<>();

    final List<Runnable> completions = new ArrayList<>();
    long transactions;
    long milestoneCount;
    long stored;

    Group(WriteBatch batch) {
      this.batch = batch;
      this.transactions = committed.transactionCount();
      this.milestoneCount = committed.milestoneCount();
    }

    int milestoneIndex(MilestoneKind kind) {
      Integer value = milestoneIndexes.get(kind);
      return value != null ? value : committed.milestoneIndex(kind);
    }

    Optional<TransactionMetadata> metadata(TransactionId id) {
      TransactionMetadata pending = metadata.get(id);
      if (pending != null) {
        return Optional.of(pending);
      }
      if (pruned.contains(id)) {
        return Optional.empty();
      }
      byte[] raw = db.get(Column.METADATA, id.bytes());
      if (raw != null) {
        return Optional.of(metadataCodec.decode(raw));
      }
      byte[] value = db.get(Column.TRANSACTIONS, id.bytes());
      return value == null
          ? Optional.empty()
          : Optional.of(TransactionMetadata.arrived(valueCodec.arrivalMs(value)));
    }

    /** The unspent output {@code ref}, as of the changes so far in this group. */
    Optional<Output> unspent(OutputRef ref) {
      Optional<Output> pending = outputs.get(ref);
      if (pending != null) {
        return pending;
      }
      byte[] raw = db.get(Column.LEDGER_OUTPUTS, refCodec.encode(ref));
      return raw == null ? Optional.empty() : Optional.of(outputCodec.decode(raw));
    }

    void put(Column column, byte[] key, byte[] value) throws RocksDBException {
      batch.put(handle(column), key, value);
    }
  }

  private ColumnFamilyHandle handle(Column column) {
    return db.handle(column);
  }

  private void commit(List<PendingWrite> writes) {
    long start = System.nanoTime();
    // Reserved up front (about 500 bytes a transaction with its indexes), so the batch's buffer is
    // not regrown and copied a dozen times while a group is built.
    try (WriteBatch batch = new WriteBatch(writes.size() * BATCH_BYTES_PER_WRITE)) {
      Group group = new Group(batch);
      findStoredBefore(group, writes);
      for (PendingWrite write : writes) {
        if (write instanceof PendingWrite.Insert insert) {
          insert(group, insert);
        } else if (write instanceof PendingWrite.Update update) {
          update(group, update);
        }
      }
      resolveUnknownParents(group);
      if (batch.count() > 0) {
        writeCounters(group);
        boolean sync = config.durability().mode() == Durability.Mode.SYNC_EVERY_GROUP;
        db.write(batch, sync);
        if (sync) {
          lastSyncNanos = System.nanoTime();
        } else {
          unsynced = true;
        }
      }
      publish(group);
      groupSizes.record(writes.size());
      commitTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      for (Runnable completion : group.completions) {
        completion.run();
      }
    } catch (RocksDBException | RuntimeException e) {
      failures.increment();
      StorageException failure =
          e instanceof StorageException se
              ? se
              : new StorageException("could not write a group: " + e, e);
      LOG.error("A group of {} writes failed: {}", writes.size(), failure.getMessage());
      for (PendingWrite write : writes) {
        write.fail(failure);
      }
    }
  }

  /** One multi-get for every insert of the group instead of one lookup each. */
  private void findStoredBefore(Group group, List<PendingWrite> writes) {
    List<TransactionId> ids = new ArrayList<>();
    List<byte[]> keys = new ArrayList<>();
    for (PendingWrite write : writes) {
      if (write instanceof PendingWrite.Insert insert) {
        ids.add(insert.transaction().id());
        keys.add(insert.transaction().id().bytes());
      }
    }
    boolean[] present = db.containsAll(Column.TRANSACTIONS, keys);
    for (int i = 0; i < present.length; i++) {
      if (present[i]) {
        group.storedBefore.add(ids.get(i));
      }
    }
  }

  private void insert(Group group, PendingWrite.Insert write) throws RocksDBException {
    StorableTransaction tx = write.transaction();
    TransactionId id = tx.id();
    byte[] idBytes = id.bytes();
    if (group.inserted.contains(id) || group.storedBefore.contains(id)) {
      group.completions.add(() -> write.done().complete(new StoreOutcome.AlreadyStored(id)));
      return;
    }
    long arrivalMs = clock.millis();
    // No metadata row: "arrived, nothing learned yet" is the absence of one (docs/storage.md).
    group.put(Column.TRANSACTIONS, idBytes, valueCodec.encode(arrivalMs, tx.bytesUnsafe()));
    group.metadata.put(id, TransactionMetadata.arrived(arrivalMs));
    for (TransactionId parent : tx.distinctParents()) {
      group.put(Column.APPROVERS, approverCodec.encode(new ApproverKey(parent, id)), EMPTY);
      group.approved.add(parent);
      removeTip(group, parent);
      // A parent pruned earlier in this group is no longer stored, whatever the ring says.
      if (group.pruned.contains(parent)
          || (!group.inserted.contains(parent)
              && !recent.contains(parent)
              && !(awaited.contains(parent) && !group.awaitedRemoved.contains(parent)))) {
        group.unknownParents.add(parent);
      }
    }
    // Children seen before this transaction (in this group or, as awaited, in an earlier one)
    // already approve it: it is no tip. This replaces a seek in the approvers per insert.
    boolean approvedBefore = group.approved.contains(id);
    if (awaited.contains(id) && group.awaitedRemoved.add(id)) {
      // An awaited key is put once (the in-memory set says so) and deleted once.
      group.batch.singleDelete(handle(Column.AWAITED_PARENTS), idBytes);
      approvedBefore = true;
    }
    if (!approvedBefore) {
      group.tipsAdded.add(id); // put at the end of the group if no later write approves it
    }
    if (tx.tag().isPresent()) {
      group.put(
          Column.TAGS, tagCodec.encode(new TagKey(tx.tag().get(), tx.timestampMs(), id)), EMPTY);
    }
    if (tx.milestoneIndex().isPresent()) {
      indexMilestone(group, tx.milestoneIndex().getAsInt(), id);
    }
    group.inserted.add(id);
    group.transactions++;
    group.stored++;
    group.completions.add(() -> write.done().complete(new StoreOutcome.Stored(id)));
  }

  /** Indexes {@code id} as the milestone of {@code index} unless one is indexed already. */
  private void indexMilestone(Group group, int index, TransactionId id) throws RocksDBException {
    byte[] key = uint32.encode(index);
    if (group.milestones.contains(index) || db.get(Column.MILESTONES, key) != null) {
      duplicateMilestones.increment();
      LOG.warn("Milestone {} is already indexed; {} is stored but not indexed", index, id);
      return;
    }
    group.milestones.add(index);
    group.put(Column.MILESTONES, key, id.bytes());
    group.milestoneCount++;
    if (index > group.milestoneIndex(MilestoneKind.LATEST)) {
      group.milestoneIndexes.put(MilestoneKind.LATEST, index);
    }
  }

  /**
   * The parents of this group's inserts that are neither stored lately, nor stored in this group,
   * nor awaited already: one multi-get tells which are stored; the others become awaited.
   */
  private void resolveUnknownParents(Group group) throws RocksDBException {
    List<TransactionId> ids = new ArrayList<>(group.unknownParents.size());
    List<byte[]> keys = new ArrayList<>(group.unknownParents.size());
    for (TransactionId parent : group.unknownParents) {
      if (!group.inserted.contains(parent)) {
        ids.add(parent);
        keys.add(parent.bytes());
      }
    }
    boolean[] present = db.containsAll(Column.TRANSACTIONS, keys);
    for (int i = 0; i < present.length; i++) {
      TransactionId parent = ids.get(i);
      if (!present[i] || group.pruned.contains(parent)) {
        group.awaitedAdded.add(parent);
        group.put(Column.AWAITED_PARENTS, parent.bytes(), EMPTY);
      }
    }
  }

  /** Swaps the milestone of an index only if the expected one is indexed there (not this group). */
  private void replaceMilestone(Group group, StateUpdate.ReplaceMilestone replace)
      throws RocksDBException {
    byte[] key = uint32.encode(replace.index());
    byte[] indexed =
        group.milestones.contains(replace.index()) ? null : db.get(Column.MILESTONES, key);
    if (indexed == null || !Arrays.equals(indexed, replace.current().bytes())) {
      LOG.warn(
          "Milestone {} is not {}; {} does not replace it",
          replace.index(),
          replace.current(),
          replace.replacement());
      return;
    }
    group.milestones.add(replace.index());
    group.put(Column.MILESTONES, key, replace.replacement().bytes());
    LOG.info(
        "Milestone {} is now {} instead of {}",
        replace.index(),
        replace.replacement(),
        replace.current());
  }

  private void removeTip(Group group, TransactionId id) throws RocksDBException {
    if (group.tipsAdded.remove(id)) {
      return; // became a tip and stopped being one within this group: nothing to write
    }
    if (tips.contains(id) && group.tipsRemoved.add(id)) {
      // A tip key is put once and deleted once: SingleDelete leaves no lasting tombstone.
      group.batch.singleDelete(handle(Column.TIPS), id.bytes());
    }
  }

  private void update(Group group, PendingWrite.Update write) throws RocksDBException {
    List<TransactionId> unknown = new ArrayList<>();
    for (StateUpdate.Change change : write.update().changes()) {
      TransactionId id = metadataTarget(change);
      if (id != null && !unknown.contains(id) && group.metadata(id).isEmpty()) {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      group.completions.add(
          () -> write.done().complete(new UpdateOutcome.UnknownTransactions(unknown)));
      return;
    }
    List<OutputRef> unknownOutputs = unknownOutputs(group, write.update());
    if (!unknownOutputs.isEmpty()) {
      group.completions.add(
          () -> write.done().complete(new UpdateOutcome.UnknownOutputs(unknownOutputs)));
      return;
    }
    for (StateUpdate.Change change : write.update().changes()) {
      apply(group, change);
    }
    group.completions.add(() -> write.done().complete(new UpdateOutcome.Applied()));
  }

  /** The outputs {@code update} spends that are not unspent when it comes to spend them. */
  private List<OutputRef> unknownOutputs(Group group, StateUpdate update) {
    Map<OutputRef, Boolean> local = new HashMap<>(); // true: created here, false: spent here
    List<OutputRef> unknown = new ArrayList<>();
    for (StateUpdate.Change change : update.changes()) {
      if (change instanceof StateUpdate.CreateOutput create) {
        local.put(create.ref(), true);
      } else if (change instanceof StateUpdate.PutUnspentOutput put) {
        local.put(put.ref(), true);
      } else if (change instanceof StateUpdate.SpendOutput spend) {
        Boolean here = local.get(spend.ref());
        boolean available = here != null ? here : group.unspent(spend.ref()).isPresent();
        if (available) {
          local.put(spend.ref(), false);
        } else {
          unknown.add(spend.ref());
        }
      }
    }
    return unknown;
  }

  private static TransactionId metadataTarget(StateUpdate.Change change) {
    if (change instanceof StateUpdate.MarkSolid solid) {
      return solid.id();
    }
    if (change instanceof StateUpdate.MarkReferenced referenced) {
      return referenced.id();
    }
    if (change instanceof StateUpdate.IndexMilestone index) {
      return index.id();
    }
    if (change instanceof StateUpdate.ReplaceMilestone replace) {
      return replace.replacement();
    }
    return null;
  }

  private void apply(Group group, StateUpdate.Change change) throws RocksDBException {
    if (change instanceof StateUpdate.MarkSolid solid) {
      TransactionMetadata current = group.metadata(solid.id()).orElseThrow();
      if (!current.solid()) {
        putMetadata(group, solid.id(), current.withSolid());
      }
    } else if (change instanceof StateUpdate.MarkReferenced referenced) {
      TransactionMetadata current = group.metadata(referenced.id()).orElseThrow();
      if (!current.referenced()) { // the first milestone to reference it stays
        putMetadata(
            group,
            referenced.id(),
            current.withReferenced(referenced.milestoneIndex(), referenced.conflict()));
      }
    } else if (change instanceof StateUpdate.IndexMilestone index) {
      indexMilestone(group, index.index(), index.id());
    } else if (change instanceof StateUpdate.ReplaceMilestone replace) {
      replaceMilestone(group, replace);
    } else if (change instanceof StateUpdate.SetMilestoneIndex set) {
      group.milestoneIndexes.put(set.kind(), set.index());
    } else if (change instanceof StateUpdate.AddSolidEntryPoint add) {
      group.put(Column.SOLID_ENTRY_POINTS, add.id().bytes(), uint32.encode(add.milestoneIndex()));
    } else if (change instanceof StateUpdate.RemoveSolidEntryPoint remove) {
      group.batch.delete(handle(Column.SOLID_ENTRY_POINTS), remove.id().bytes());
    } else if (change instanceof StateUpdate.RemoveTip remove) {
      removeTip(group, remove.id());
    } else if (change instanceof StateUpdate.PutHistoryNode node) {
      group.put(Column.MERKLE, merkleCodec.encode(node.key()), node.hash());
    } else if (change instanceof StateUpdate.PutConfirmed confirmed) {
      group.put(Column.CONFIRMED, uint64.encode(confirmed.leafIndex()), confirmed.id().bytes());
    } else if (change instanceof StateUpdate.CreateOutput create) {
      group.outputs.put(create.ref(), Optional.of(create.output()));
      group.put(
          Column.LEDGER_OUTPUTS,
          refCodec.encode(create.ref()),
          outputCodec.encode(create.output()));
      group.put(
          Column.LEDGER_DIFFS,
          diffCodec.encode(
              new LedgerDiffKey(create.milestoneIndex(), LedgerDiffKey.Kind.CREATED, create.ref())),
          EMPTY);
    } else if (change instanceof StateUpdate.PutUnspentOutput put) {
      group.outputs.put(put.ref(), Optional.of(put.output()));
      group.put(
          Column.LEDGER_OUTPUTS, refCodec.encode(put.ref()), outputCodec.encode(put.output()));
    } else if (change instanceof StateUpdate.SpendOutput spend) {
      Output output = group.unspent(spend.ref()).orElseThrow();
      byte[] key = refCodec.encode(spend.ref());
      group.outputs.put(spend.ref(), Optional.empty());
      group.batch.delete(handle(Column.LEDGER_OUTPUTS), key);
      group.put(
          Column.SPENT_OUTPUTS,
          key,
          spentCodec.encodeValue(
              new SpentOutput(spend.ref(), output, spend.spender(), spend.milestoneIndex())));
      group.put(
          Column.LEDGER_DIFFS,
          diffCodec.encode(
              new LedgerDiffKey(spend.milestoneIndex(), LedgerDiffKey.Kind.SPENT, spend.ref())),
          EMPTY);
    } else if (change instanceof StateUpdate.PruneTransaction prune) {
      prune(group, prune.transaction());
    } else if (change instanceof StateUpdate.SetPruned pruned) {
      group.put(
          Column.NODE_STATE,
          NodeStateKey.PRUNED_MILESTONE.keyBytes(),
          uint32.encode(pruned.milestoneIndex()));
    } else if (change instanceof StateUpdate.SnapshotImportMark mark) {
      byte[] key = NodeStateKey.SNAPSHOT_IMPORT.keyBytes();
      if (mark.milestoneIndex() > 0) {
        group.put(Column.NODE_STATE, key, uint32.encode(mark.milestoneIndex()));
      } else {
        group.batch.delete(handle(Column.NODE_STATE), key);
      }
    }
  }

  private void prune(Group group, StorableTransaction tx) throws RocksDBException {
    TransactionId id = tx.id();
    if (group.metadata(id).isEmpty()) {
      return; // not stored (pruned before): nothing to delete, nothing to count
    }
    byte[] idBytes = id.bytes();
    group.batch.delete(handle(Column.TRANSACTIONS), idBytes);
    group.batch.delete(handle(Column.METADATA), idBytes);
    for (TransactionId parent : tx.distinctParents()) {
      group.batch.delete(
          handle(Column.APPROVERS), approverCodec.encode(new ApproverKey(parent, id)));
    }
    if (tx.tag().isPresent()) {
      group.batch.delete(
          handle(Column.TAGS), tagCodec.encode(new TagKey(tx.tag().get(), tx.timestampMs(), id)));
    }
    removeTip(group, id);
    group.metadata.remove(id);
    group.pruned.add(id);
    group.inserted.remove(id);
    group.transactions--;
  }

  private void putMetadata(Group group, TransactionId id, TransactionMetadata metadata)
      throws RocksDBException {
    group.metadata.put(id, metadata);
    group.put(Column.METADATA, id.bytes(), metadataCodec.encode(metadata));
  }

  private void writeCounters(Group group) throws RocksDBException {
    for (TransactionId tip : group.tipsAdded) {
      group.put(Column.TIPS, tip.bytes(), EMPTY);
    }
    if (group.transactions != committed.transactionCount()) {
      group.put(
          Column.NODE_STATE,
          NodeStateKey.TRANSACTION_COUNT.keyBytes(),
          uint64.encode(group.transactions));
    }
    if (group.milestoneCount != committed.milestoneCount()) {
      group.put(
          Column.NODE_STATE,
          NodeStateKey.MILESTONE_COUNT.keyBytes(),
          uint64.encode(group.milestoneCount));
    }
    for (Map.Entry<MilestoneKind, Integer> entry : group.milestoneIndexes.entrySet()) {
      group.put(
          Column.NODE_STATE, entry.getKey().key().keyBytes(), uint32.encode(entry.getValue()));
    }
  }

  private void publish(Group group) {
    tips.removeAll(group.tipsRemoved);
    tips.addAll(group.tipsAdded);
    awaited.removeAll(group.awaitedRemoved);
    awaited.addAll(group.awaitedAdded);
    for (TransactionId id : group.inserted) {
      recent.add(id);
    }
    for (TransactionId id : group.pruned) {
      recent.remove(id);
    }
    committed.publish(group.transactions, group.milestoneCount, group.milestoneIndexes);
    committed.countStored(group.stored);
  }
}
