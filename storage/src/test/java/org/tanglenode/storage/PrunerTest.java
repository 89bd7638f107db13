package org.tanglenode.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.schema.ApproverKey;
import org.tanglenode.storage.schema.ApproverKeyCodec;
import org.tanglenode.storage.schema.Column;
import org.tanglenode.storage.schema.TagKeyCodec;

/**
 * A tangle of five confirmed milestones (three tagged data transactions each, approving the
 * previous cone, then the milestone approving its cone), plus transactions no milestone confirmed.
 * Pruning with 2 milestones kept must delete the data transactions of milestones 1 to 3 with every
 * index entry, and nothing else.
 */
class PrunerTest {

  private static final int MILESTONES = 5;
  private static final int PER_CONE = 3;

  @TempDir Path folder;
  private final TransactionFixture fixture = new TransactionFixture(7);
  private Storage storage;
  private TransactionStore store;

  /** The data transactions each milestone confirmed, index 1..5. */
  private final List<List<StorableTransaction>> cones = new ArrayList<>();

  private final List<StorableTransaction> milestones = new ArrayList<>();

  /** Approves a transaction of milestone 1 but no milestone confirmed it. */
  private StorableTransaction unconfirmed;

  /** Everything stored, pruned or not. */
  private final List<StorableTransaction> all = new ArrayList<>();

  /** Listed as a leaf of milestone 1 but never marked referenced (a damaged list): must stay. */
  private StorableTransaction listedButNotReferenced;

  /** A trust update milestone 2 confirmed: the node rebuilds its committee chain from it. */
  private StorableTransaction trustUpdate;

  @BeforeEach
  void buildTangle() {
    open();
    cones.add(List.of()); // index 0: nothing
    milestones.add(null);
    List<TransactionId> previous = List.of();
    long leaf = 0;
    for (int m = 1; m <= MILESTONES; m++) {
      List<StorableTransaction> cone = new ArrayList<>();
      for (int i = 0; i < PER_CONE; i++) {
        StorableTransaction tx = fixture.builder().parents(previous).tag("trail-" + m % 2).build();
        put(tx);
        cone.add(tx);
      }
      if (m == 1) {
        listedButNotReferenced = fixture.builder().build();
        put(listedButNotReferenced);
      }
      if (m == 2) {
        trustUpdate =
            fixture
                .builder()
                .parent(milestones.get(1).id())
                .tag("tangle.trust")
                .trustUpdate(9)
                .build();
        put(trustUpdate);
      }
      long leaves = leaf + PER_CONE + 1 + (m <= 2 ? 1 : 0);
      StorableTransaction milestone =
          fixture.builder().parents(ids(cone)).milestone(m).historySize(leaves).build();
      put(milestone);
      StateUpdate.Builder confirm = StateUpdate.builder();
      for (StorableTransaction tx : cone) {
        confirm.markSolid(tx.id()).markReferenced(tx.id(), m, ConflictState.NONE);
        confirm.putConfirmed(leaf++, tx.id());
      }
      if (m == 1) {
        confirm.putConfirmed(leaf++, listedButNotReferenced.id());
      }
      if (m == 2) {
        confirm.markSolid(trustUpdate.id()).markReferenced(trustUpdate.id(), m, ConflictState.NONE);
        confirm.putConfirmed(leaf++, trustUpdate.id());
      }
      confirm.markSolid(milestone.id()).markReferenced(milestone.id(), m, ConflictState.NONE);
      confirm.putConfirmed(leaf++, milestone.id());
      confirm.setMilestoneIndex(MilestoneKind.CONFIRMED, m);
      assertThat(store.update(confirm.build()).join().code()).isEqualTo(UpdateOutcome.Code.APPLIED);
      cones.add(cone);
      milestones.add(milestone);
      previous = List.of(cone.get(0).id(), milestone.id());
    }
    unconfirmed = fixture.builder().parent(cones.get(1).get(1).id()).build();
    put(unconfirmed);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Test
  void pruningIsOffWithZeroMilestonesKeptAndRefusesANegativeNumber() {
    long before = store.transactionCount();

    PruneReport report = storage.pruner().prune(0);

    assertThat(report.nothingDue()).isTrue();
    assertThat(store.transactionCount()).isEqualTo(before);
    assertThat(store.prunedMilestone()).isZero();
    assertThatThrownBy(() -> storage.pruner().prune(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void oldConfirmedTransactionsGoAndEverythingElseStays() {
    long before = store.transactionCount();

    PruneReport report = storage.pruner().prune(2);

    assertThat(report.fromMilestone()).isEqualTo(1);
    assertThat(report.toMilestone()).isEqualTo(3);
    assertThat(report.transactionsPruned()).isEqualTo(3L * PER_CONE);
    assertThat(report.keptUnconfirmed()).isOne();
    assertThat(store.prunedMilestone()).isEqualTo(3);
    assertThat(store.transactionCount()).isEqualTo(before - 3L * PER_CONE);
    assertPrunedState();
  }

  @Test
  void aConfirmedTrustUpdateStaysWithItsTagEntryAndMetadata() {
    storage.pruner().prune(2);

    assertThat(store.transactionBytes(trustUpdate.id())).isPresent();
    assertThat(store.metadata(trustUpdate.id()).orElseThrow().referencedByMilestone()).hasValue(2);
    assertThat(store.byTag(Tag.of("tangle.trust"), Optional.empty(), 10).entries())
        .extracting(TagEntry::id)
        .containsExactly(trustUpdate.id());
  }

  @Test
  void thePrunedStateSurvivesARestartAndASecondRunHasNothingToDo() {
    storage.pruner().prune(2);

    storage.close();
    open();

    assertPrunedState();
    assertThat(storage.pruner().prune(2).nothingDue()).isTrue();
  }

  @Test
  void aLaterRunContinuesFromWhereTheLastStopped() {
    storage.pruner().prune(4); // milestone 1 only
    assertThat(store.prunedMilestone()).isEqualTo(1);

    PruneReport second = storage.pruner().prune(2);

    assertThat(second.fromMilestone()).isEqualTo(2);
    assertThat(second.transactionsPruned()).isEqualTo(2L * PER_CONE);
    assertPrunedState();
  }

  private void assertPrunedState() {
    for (int m = 1; m <= 3; m++) {
      for (StorableTransaction tx : cones.get(m)) {
        assertThat(store.contains(tx.id())).as("milestone %d's %s is pruned", m, tx.id()).isFalse();
        assertThat(store.metadata(tx.id())).isEmpty();
      }
    }
    for (int m = 4; m <= MILESTONES; m++) {
      for (StorableTransaction tx : cones.get(m)) {
        assertThat(store.transactionBytes(tx.id())).as("recent %s stays", tx.id()).isPresent();
        assertThat(store.metadata(tx.id()).orElseThrow().referencedByMilestone()).hasValue(m);
      }
    }
    for (int m = 1; m <= MILESTONES; m++) {
      TransactionId id = milestones.get(m).id();
      assertThat(store.milestone(m)).as("milestone %d is indexed", m).hasValue(id);
      assertThat(store.transactionBytes(id)).as("milestone %d stays", m).isPresent();
    }
    assertThat(store.transactionBytes(unconfirmed.id())).as("unconfirmed stays").isPresent();
    assertThat(store.transactionBytes(listedButNotReferenced.id())).isPresent();
    // The confirmation order stays whole, for audit proofs.
    assertThat(store.confirmedIds(0, PER_CONE)).isEqualTo(ids(cones.get(1)));

    // Entry points: the pruned transactions that milestone 4's cone and the unconfirmed
    // transaction approve, with the index that confirmed each; none that only old milestones
    // approve (milestone 3 itself stays stored, so it needs none).
    Map<TransactionId, Integer> entryPoints = store.restartState().solidEntryPoints();
    assertThat(entryPoints)
        .containsOnly(
            Map.entry(cones.get(3).get(0).id(), 3), Map.entry(cones.get(1).get(1).id(), 1));

    assertIndexesAgree();
  }

  /**
   * Approver, tag, metadata and tip entries all belong to stored transactions, and all are there.
   */
  private void assertIndexesAgree() {
    Set<TransactionId> stored = new HashSet<>();
    StoredKeys.forEachTransactionId(storage, stored::add);
    assertThat(store.transactionCount()).isEqualTo(stored.size());

    Set<ApproverKey> expectedApprovers = new HashSet<>();
    Set<TransactionId> approved = new HashSet<>();
    int tagged = 0;
    for (TransactionId id : stored) {
      StorableTransaction tx = TransactionFixture.parse(store.transactionBytes(id).orElseThrow());
      tx.parents().forEach(p -> expectedApprovers.add(new ApproverKey(p, id)));
      approved.addAll(tx.parents());
      if (tx.tag().isPresent() || id.equals(trustUpdate.id())) { // updates: tag tangle.trust
        tagged++;
      }
    }
    Set<ApproverKey> approvers = new HashSet<>();
    ApproverKeyCodec approverCodec = new ApproverKeyCodec();
    StoredKeys.forEachKey(
        storage, Column.APPROVERS, key -> approvers.add(approverCodec.decode(key)));
    assertThat(approvers).isEqualTo(expectedApprovers);

    TagKeyCodec tagCodec = new TagKeyCodec();
    List<TransactionId> taggedIds = new ArrayList<>();
    StoredKeys.forEachKey(storage, Column.TAGS, key -> taggedIds.add(tagCodec.decode(key).id()));
    assertThat(stored).containsAll(taggedIds);
    assertThat(taggedIds).hasSize(tagged);
    assertThat(store.byTag(Tag.of("trail-1"), Optional.empty(), 100).entries())
        .allSatisfy(e -> assertThat(stored).contains(e.id()));

    Set<TransactionId> withMetadata = new HashSet<>();
    StoredKeys.forEachKey(
        storage, Column.METADATA, key -> withMetadata.add(new TransactionId(key)));
    assertThat(stored).containsAll(withMetadata);

    // A transaction approved once stays no tip when its approvers are pruned.
    all.forEach(tx -> approved.addAll(tx.parents()));
    Set<TransactionId> expectedTips = new HashSet<>(stored);
    expectedTips.removeAll(approved);
    assertThat(store.restartState().tips()).isEqualTo(expectedTips);
  }

  private void open() {
    storage = StorageFixture.open(folder);
    store = storage.transactions();
  }

  private void put(StorableTransaction tx) {
    all.add(tx);
    assertThat(store.store(tx).join().code()).isEqualTo(StoreOutcome.Code.STORED);
  }

  private static List<TransactionId> ids(List<StorableTransaction> txs) {
    return txs.stream().map(StorableTransaction::id).toList();
  }
}
