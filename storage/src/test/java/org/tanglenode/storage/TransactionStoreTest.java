package org.tanglenode.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.schema.MerkleKey;

class TransactionStoreTest {

  @TempDir Path folder;
  private final TransactionFixture fixture = new TransactionFixture(42);
  private Storage storage;
  private TransactionStore store;

  @BeforeEach
  void open() {
    storage = StorageFixture.open(folder);
    store = storage.transactions();
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private StoreOutcome put(StorableTransaction tx) {
    return store.store(tx).join();
  }

  private UpdateOutcome apply(StateUpdate update) {
    return store.update(update).join();
  }

  @Test
  void storesTheBytesExactlyAndReadsThemBack() {
    StorableTransaction tx = fixture.builder().tag("trail").build();

    assertThat(put(tx)).isEqualTo(new StoreOutcome.Stored(tx.id()));

    assertThat(store.contains(tx.id())).isTrue();
    assertThat(store.transactionBytes(tx.id()))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(tx.bytes()));
    assertThat(TransactionId.of(store.transactionBytes(tx.id()).orElseThrow())).isEqualTo(tx.id());
    assertThat(store.transactionCount()).isEqualTo(1);
  }

  @Test
  void aStoredTransactionIsReadBackDecodedUnderItsId() {
    StorableTransaction tx = fixture.builder().tag("trail").build();
    put(tx);

    org.tanglenode.protocol.Transaction read = store.transaction(tx.id()).orElseThrow();

    assertThat(read.id()).isEqualTo(tx.id());
    assertThat(read.parents()).isEqualTo(tx.parents());
    assertThat(read.timestampMs()).isEqualTo(tx.timestampMs());
    assertThat(read.tag()).isEqualTo(tx.tag());
    assertThat(store.transaction(fixture.randomId())).isEmpty();
  }

  @Test
  void storedBytesThatNoLongerDecodeAreADamagedTransactionNeverAbsent() {
    byte[] damaged = {(byte) 0xff, 1, 2, 3};
    TransactionId id = TransactionId.of(damaged);
    put(
        new StorableTransaction(
            id, damaged, List.of(fixture.randomId()), Optional.empty(), 1L, OptionalInt.empty()));

    assertThatThrownBy(() -> store.transaction(id))
        .isInstanceOf(DamagedTransactionException.class)
        .hasMessageContaining(id.toString())
        .satisfies(e -> assertThat(((DamagedTransactionException) e).id()).isEqualTo(id));
  }

  @Test
  void unknownIdsReadAsEmpty() {
    TransactionId unknown = fixture.randomId();

    assertThat(store.contains(unknown)).isFalse();
    assertThat(store.transactionBytes(unknown)).isEmpty();
    assertThat(store.metadata(unknown)).isEmpty();
    assertThat(store.approvers(unknown)).isEmpty();
    assertThat(store.milestone(7)).isEmpty();
  }

  @Test
  void aSecondStoreOfTheSameTransactionWritesNothing() {
    StorableTransaction tx = fixture.builder().build();
    put(tx);
    apply(StateUpdate.builder().markSolid(tx.id()).build());

    assertThat(put(tx).code()).isEqualTo(StoreOutcome.Code.ALREADY_STORED);

    assertThat(store.transactionCount()).isEqualTo(1);
    assertThat(store.metadata(tx.id()).orElseThrow().solid()).isTrue();
  }

  @Test
  void duplicatesWithinOneGroupAreStoredOnce() {
    StorableTransaction tx = fixture.builder().build();
    List<CompletableFuture<StoreOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      futures.add(store.store(tx));
    }

    long stored =
        futures.stream()
            .map(CompletableFuture::join)
            .filter(o -> o.code() == StoreOutcome.Code.STORED)
            .count();

    assertThat(stored).isEqualTo(1);
    assertThat(store.transactionCount()).isEqualTo(1);
  }

  @Test
  void newTransactionsHaveArrivalMetadata() {
    StorableTransaction tx = fixture.builder().build();
    long before = System.currentTimeMillis();
    put(tx);

    TransactionMetadata metadata = store.metadata(tx.id()).orElseThrow();

    assertThat(metadata.arrivalMs()).isBetween(before, System.currentTimeMillis());
    assertThat(metadata.solid()).isFalse();
    assertThat(metadata.referencedByMilestone()).isEmpty();
    assertThat(metadata.conflict()).isEqualTo(ConflictState.NONE);
  }

  @Test
  void approversListEveryChildOfAParent() {
    StorableTransaction a = fixture.builder().build();
    StorableTransaction b = fixture.builder().build();
    put(a);
    put(b);
    StorableTransaction c = fixture.builder().parent(a.id()).parent(b.id()).build();
    StorableTransaction d = fixture.builder().parent(a.id()).build();
    put(c);
    put(d);

    assertThat(store.approvers(a.id())).containsExactlyInAnyOrder(c.id(), d.id());
    assertThat(store.approvers(b.id())).containsExactly(c.id());
    assertThat(store.approvers(c.id())).isEmpty();
    assertThat(store.approvers(a.id(), 1)).hasSize(1);
  }

  @Test
  void aTagReadsBackInTimeOrderPageByPage() {
    List<StorableTransaction> trail = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      // written out of time order, read back in time order
      trail.add(
          fixture
              .builder()
              .tag("shipment-4711")
              .timestampMs(1_000_000L + (i * 7919L) % 25 * 10)
              .build());
    }
    trail.forEach(this::put);
    put(fixture.builder().tag("shipment-47110").build()); // a longer tag with the same start
    put(fixture.builder().tag("shipment-471").build()); // a shorter one

    List<TagEntry> read = new ArrayList<>();
    Optional<TagCursor> cursor = Optional.empty();
    int pages = 0;
    do {
      TagPage page = store.byTag(Tag.of("shipment-4711"), cursor, 10);
      read.addAll(page.entries());
      cursor = page.next();
      pages++;
    } while (cursor.isPresent());

    assertThat(pages).isEqualTo(3);
    assertThat(read).hasSize(25);
    assertThat(read).extracting(TagEntry::timestampMs).isSorted();
    assertThat(read)
        .extracting(TagEntry::id)
        .containsExactlyInAnyOrderElementsOf(trail.stream().map(StorableTransaction::id).toList());
  }

  @Test
  void aFullLastPageHasNoNextCursor() {
    for (int i = 0; i < 4; i++) {
      put(fixture.builder().tag("t").build());
    }

    TagPage first = store.byTag(Tag.of("t"), Optional.empty(), 2);
    TagPage second = store.byTag(Tag.of("t"), first.next(), 2);

    assertThat(first.next()).isPresent();
    assertThat(second.entries()).hasSize(2);
    assertThat(second.next()).isEmpty();
  }

  @Test
  void milestonesAreIndexedByIndexAndTheFirstOneStays() {
    StorableTransaction m1 = fixture.builder().milestone(1).build();
    StorableTransaction m2 = fixture.builder().parent(m1.id()).milestone(2).build();
    StorableTransaction rival = fixture.builder().parent(m1.id()).milestone(2).build();
    put(m1);
    put(m2);

    assertThat(put(rival).code()).isEqualTo(StoreOutcome.Code.STORED);

    assertThat(store.milestone(1)).contains(m1.id());
    assertThat(store.milestone(2)).contains(m2.id());
    assertThat(store.milestoneCount()).isEqualTo(2);
    assertThat(store.milestoneIndex(MilestoneKind.LATEST)).isEqualTo(2);
  }

  @Test
  void aStoredTransactionCanBeIndexedAsAMilestoneLaterUnlessTheIndexIsTaken() {
    StorableTransaction m1 = fixture.builder().milestone(1).build();
    StorableTransaction plain = fixture.builder().parent(m1.id()).build();
    StorableTransaction other = fixture.builder().parent(m1.id()).build();
    put(m1);
    put(plain);
    put(other);

    assertThat(
            apply(new StateUpdate(List.of(new StateUpdate.IndexMilestone(3, plain.id())))).code())
        .isEqualTo(UpdateOutcome.Code.APPLIED);
    apply(new StateUpdate(List.of(new StateUpdate.IndexMilestone(3, other.id()))));

    assertThat(store.milestone(3)).contains(plain.id());
    assertThat(store.milestoneCount()).isEqualTo(2);
    assertThat(store.milestoneIndex(MilestoneKind.LATEST)).isEqualTo(3);
  }

  @Test
  void aMilestoneIsReplacedOnlyIfTheExpectedOneHoldsTheIndex() {
    StorableTransaction m1 = fixture.builder().milestone(1).build();
    StorableTransaction real = fixture.builder().parent(m1.id()).build();
    StorableTransaction third = fixture.builder().parent(m1.id()).build();
    put(m1);
    put(real);
    put(third);

    apply(new StateUpdate(List.of(new StateUpdate.ReplaceMilestone(1, third.id(), real.id()))));
    assertThat(store.milestone(1)).as("the expected one does not hold it").contains(m1.id());

    assertThat(
            apply(new StateUpdate(List.of(new StateUpdate.ReplaceMilestone(1, m1.id(), real.id()))))
                .code())
        .isEqualTo(UpdateOutcome.Code.APPLIED);
    assertThat(store.milestone(1)).contains(real.id());
    assertThat(store.milestoneCount()).isEqualTo(1);
    apply(new StateUpdate(List.of(new StateUpdate.ReplaceMilestone(2, m1.id(), real.id()))));
    assertThat(store.milestone(2)).as("an empty index is not filled").isEmpty();
  }

  @Test
  void metadataUpdatesApplyTogether() {
    StorableTransaction a = fixture.builder().build();
    StorableTransaction b = fixture.builder().parent(a.id()).build();
    put(a);
    put(b);

    UpdateOutcome outcome =
        apply(
            StateUpdate.builder()
                .markSolid(a.id())
                .markSolid(b.id())
                .markReferenced(a.id(), 3, ConflictState.NONE)
                .markReferenced(b.id(), 3, ConflictState.INPUT_ALREADY_SPENT)
                .setMilestoneIndex(MilestoneKind.CONFIRMED, 3)
                .build());

    assertThat(outcome).isEqualTo(new UpdateOutcome.Applied());
    assertThat(store.metadata(a.id()).orElseThrow())
        .extracting(TransactionMetadata::solid, TransactionMetadata::referencedByMilestone)
        .containsExactly(true, OptionalInt.of(3));
    assertThat(store.metadata(b.id()).orElseThrow().conflict())
        .isEqualTo(ConflictState.INPUT_ALREADY_SPENT);
    assertThat(store.milestoneIndex(MilestoneKind.CONFIRMED)).isEqualTo(3);
  }

  @Test
  void theFirstReferencingMilestoneStays() {
    StorableTransaction a = fixture.builder().build();
    put(a);
    apply(StateUpdate.builder().markReferenced(a.id(), 3, ConflictState.NONE).build());

    apply(StateUpdate.builder().markReferenced(a.id(), 4, ConflictState.INPUT_NOT_FOUND).build());

    assertThat(store.metadata(a.id()).orElseThrow().referencedByMilestone()).hasValue(3);
    assertThat(store.metadata(a.id()).orElseThrow().conflict()).isEqualTo(ConflictState.NONE);
  }

  @Test
  void anUpdateNamingAnUnknownTransactionWritesNothing() {
    StorableTransaction a = fixture.builder().build();
    put(a);
    TransactionId unknown = fixture.randomId();

    UpdateOutcome outcome =
        apply(
            StateUpdate.builder()
                .markSolid(a.id())
                .markSolid(unknown)
                .setMilestoneIndex(MilestoneKind.SOLID, 9)
                .build());

    assertThat(outcome).isEqualTo(new UpdateOutcome.UnknownTransactions(List.of(unknown)));
    assertThat(store.metadata(a.id()).orElseThrow().solid()).isFalse();
    assertThat(store.milestoneIndex(MilestoneKind.SOLID)).isZero();
  }

  @Test
  void anUpdateMaySeeATransactionStoredEarlierInTheSameGroup() {
    StorableTransaction a = fixture.builder().build();
    CompletableFuture<StoreOutcome> stored = store.store(a);
    CompletableFuture<UpdateOutcome> updated =
        store.update(StateUpdate.builder().markSolid(a.id()).build());

    assertThat(stored.join().code()).isEqualTo(StoreOutcome.Code.STORED);
    assertThat(updated.join().code()).isEqualTo(UpdateOutcome.Code.APPLIED);
    assertThat(store.metadata(a.id()).orElseThrow().solid()).isTrue();
  }

  @Test
  void historyNodesAreStored() {
    byte[] hash = new byte[32];
    hash[0] = 7;
    MerkleKey key = new MerkleKey(3, 12345);

    apply(StateUpdate.builder().putHistoryNode(key, hash).build());

    assertThat(store.historyNode(key)).hasValueSatisfying(h -> assertThat(h).isEqualTo(hash));
    assertThat(store.historyNode(new MerkleKey(3, 12346))).isEmpty();
  }

  @Test
  void confirmationOrderReadsBackInLeafOrderAndStopsAtAGap() {
    StorableTransaction a = fixture.builder().build();
    StorableTransaction b = fixture.builder().build();
    StorableTransaction c = fixture.builder().build();

    apply(
        StateUpdate.builder()
            .putConfirmed(0, b.id())
            .putConfirmed(1, a.id())
            .putConfirmed(3, c.id())
            .build());

    assertThat(store.confirmedIds(0, 2)).containsExactly(b.id(), a.id());
    assertThat(store.confirmedIds(1, 10)).containsExactly(a.id());
    assertThat(store.confirmedIds(3, 4)).containsExactly(c.id());
    assertThat(store.confirmedIds(2, 2)).isEmpty();
  }

  @Test
  void tipsAreTransactionsWithoutApprovers() {
    StorableTransaction a = fixture.builder().build();
    StorableTransaction b = fixture.builder().build();
    put(a);
    put(b);
    StorableTransaction c = fixture.builder().parent(a.id()).build();
    put(c);

    assertThat(store.restartState().tips()).containsExactlyInAnyOrder(b.id(), c.id());

    // A child stored before its parent: the parent is not a tip when it arrives.
    StorableTransaction parent = fixture.builder().build();
    StorableTransaction child = fixture.builder().parent(parent.id()).build();
    put(child);
    put(parent);

    assertThat(store.restartState().tips()).containsExactlyInAnyOrder(b.id(), c.id(), child.id());

    apply(StateUpdate.builder().removeTip(b.id()).build());
    assertThat(store.restartState().tips()).containsExactlyInAnyOrder(c.id(), child.id());
  }

  @Test
  void aParentAwaitedBeforeARestartIsNoTipWhenItArrivesAfterIt() {
    StorableTransaction parent = fixture.builder().build();
    StorableTransaction child = fixture.builder().parent(parent.id()).build();
    put(child);
    assertThat(awaitedParents()).containsExactly(parent.id());

    storage.close();
    storage = StorageFixture.open(folder);
    store = storage.transactions();
    put(parent);

    assertThat(store.restartState().tips()).containsExactly(child.id());
    assertThat(awaitedParents()).isEmpty();
  }

  @Test
  void onlyAChangeWritesAMetadataRowAndTheArrivalTimeStays() {
    StorableTransaction tx = fixture.builder().build();
    put(tx);
    long arrival = store.metadata(tx.id()).orElseThrow().arrivalMs();
    assertThat(metadataRows()).isZero();

    apply(StateUpdate.builder().markSolid(tx.id()).build());

    assertThat(metadataRows()).isOne();
    assertThat(store.metadata(tx.id()).orElseThrow().arrivalMs()).isEqualTo(arrival);
    assertThat(store.metadata(tx.id()).orElseThrow().solid()).isTrue();
  }

  private java.util.Set<TransactionId> awaitedParents() {
    java.util.Set<TransactionId> out = new java.util.HashSet<>();
    StoredKeys.forEachKey(
        storage,
        org.tanglenode.storage.schema.Column.AWAITED_PARENTS,
        key -> out.add(new TransactionId(key)));
    return out;
  }

  private long metadataRows() {
    long[] rows = new long[1];
    StoredKeys.forEachKey(
        storage, org.tanglenode.storage.schema.Column.METADATA, key -> ++rows[0] > 0);
    return rows[0];
  }

  @Test
  void manyConcurrentWritersAreAllAcknowledgedAndCounted() throws Exception {
    int threads = 4;
    int each = 500;
    List<Thread> writers = new ArrayList<>();
    List<CompletableFuture<StoreOutcome>> futures =
        java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      TransactionFixture own = new TransactionFixture(100 + t);
      writers.add(
          new Thread(
              () -> {
                for (int i = 0; i < each; i++) {
                  futures.add(store.store(own.builder().tag("load").build()));
                }
              }));
    }
    writers.forEach(Thread::start);
    for (Thread writer : writers) {
      writer.join();
    }

    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(futures).allMatch(f -> f.join().code() == StoreOutcome.Code.STORED);
    assertThat(store.transactionCount()).isEqualTo(threads * each);
  }

  @Test
  void usingAClosedStoreIsABug() {
    storage.close();
    storage.close(); // idempotent

    assertThatThrownBy(() -> store.store(fixture.builder().build()))
        .isInstanceOf(StorageClosedException.class);
    assertThatThrownBy(() -> store.contains(fixture.randomId()))
        .isInstanceOf(StorageClosedException.class);
  }

  @Test
  void closeCommitsWhatIsQueued() {
    List<StorableTransaction> txs = new ArrayList<>();
    List<CompletableFuture<StoreOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      StorableTransaction tx = fixture.builder().build();
      txs.add(tx);
      futures.add(store.store(tx));
    }

    storage.close();

    assertThat(futures).allMatch(f -> f.isDone() && f.join().code() == StoreOutcome.Code.STORED);
    storage = StorageFixture.open(folder);
    store = storage.transactions();
    assertThat(txs).allMatch(tx -> store.contains(tx.id()));
    assertThat(store.transactionCount()).isEqualTo(200);
  }

  @Test
  void aFullQueueMakesStoreWaitAndLosesNothing() throws Exception {
    storage.close();
    CountDownLatch writerInside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Clock blocking =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return Instant.ofEpochMilli(millis());
          }

          @Override
          public long millis() {
            if (Thread.currentThread().getName().equals("storage-writer")) {
              writerInside.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return 1_000L;
          }
        };
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    storage =
        Storage.open(
            StorageFixture.config(folder.resolve("queue")).withWriteQueueCapacity(1),
            registry,
            blocking);
    store = storage.transactions();

    CompletableFuture<StoreOutcome> first = store.store(fixture.builder().build());
    writerInside.await();
    CompletableFuture<StoreOutcome> queued = store.store(fixture.builder().build());
    // The queue holds one write: a third caller waits in store() until the writer takes one.
    CompletableFuture<CompletableFuture<StoreOutcome>> waiting =
        CompletableFuture.supplyAsync(() -> store.store(fixture.builder().build()));

    assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);
    assertThat(registry.get("tangle.storage.write.queue.depth").gauge().value()).isEqualTo(1);
    release.countDown();
    assertThat(first.join().code()).isEqualTo(StoreOutcome.Code.STORED);
    assertThat(queued.join().code()).isEqualTo(StoreOutcome.Code.STORED);
    assertThat(waiting.join().join().code()).isEqualTo(StoreOutcome.Code.STORED);
    assertThat(store.transactionCount()).isEqualTo(3);
  }

  @Test
  void periodicSyncAcknowledgesAndPersists() {
    storage.close();
    Path other = folder.resolve("periodic");
    storage = StorageFixture.openFast(other);
    store = storage.transactions();
    StorableTransaction tx = fixture.builder().build();

    assertThat(put(tx).code()).isEqualTo(StoreOutcome.Code.STORED);

    storage.close();
    storage = StorageFixture.open(other);
    store = storage.transactions();
    assertThat(store.contains(tx.id())).isTrue();
  }
}
