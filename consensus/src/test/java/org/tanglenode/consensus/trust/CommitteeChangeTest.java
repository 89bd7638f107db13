package org.tanglenode.consensus.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanglenode.consensus.TangleFixture.key;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.consensus.TangleFixture;
import org.tanglenode.consensus.TestNode;
import org.tanglenode.consensus.confirmation.ConfirmationOutcome;
import org.tanglenode.consensus.milestone.Coordinator;
import org.tanglenode.consensus.milestone.IssueOutcome;
import org.tanglenode.consensus.milestone.MilestoneCommitments;
import org.tanglenode.consensus.milestone.MilestoneVerdict;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.trust.TrustUpdates;
import org.tanglenode.storage.StateUpdate;

/**
 * The committee changes by a confirmed trust update from A (genesis keys 101, 102, 103, threshold
 * 2) to B (key 201 alone) at milestone index 3, on a node with RocksDB in a temp folder: milestones
 * before 3 verify with A's signatures only, from 3 on with B's only, and the change survives a
 * restart.
 */
class CommitteeChangeTest {

  private static final int EFFECTIVE = 3;
  private static final List<Ed25519PrivateKey> A = List.of(key(101), key(102));
  private static final List<Ed25519PrivateKey> B = List.of(key(201));

  private final TangleFixture f = TangleFixture.create();

  private Transaction handOver() {
    return TrustUpdates.on(f.network())
        .sequence(1)
        .effective(EFFECTIVE)
        .committee(1, key(201))
        .signedBy(key(101), key(102));
  }

  private Payload.Milestone next(TestNode node, List<TransactionId> parents) {
    MilestoneCommitments.Draft draft = node.confirmer().next(parents);
    assertThat(draft).isInstanceOf(MilestoneCommitments.Draft.Ready.class);
    return ((MilestoneCommitments.Draft.Ready) draft).commitments();
  }

  /** Confirms {@code milestone}, stored as the milestone of its index so a restart finds it. */
  private static ConfirmationOutcome confirm(TestNode node, Transaction milestone) {
    node.storeIndexed(milestone);
    return node.confirmer().confirm(milestone);
  }

  /** Tries {@code milestone}, stored as a plain transaction, expecting a rejection. */
  private static void assertTooFewSignatures(TestNode node, Transaction milestone) {
    node.storeUnindexed(milestone);
    assertTooFewSignatures(node.confirmer().confirm(milestone));
  }

  private static void assertTooFewSignatures(ConfirmationOutcome outcome) {
    assertThat(outcome).isInstanceOf(ConfirmationOutcome.Rejected.class);
    assertThat(((ConfirmationOutcome.Rejected) outcome).verdict().code())
        .isEqualTo(MilestoneVerdict.Code.TOO_FEW_SIGNATURES);
  }

  @Test
  void milestonesBeforeTheChangeNeedTheOldCommitteeAndFromItOnTheNewOne(@TempDir Path dir) {
    Transaction update = handOver();
    Transaction d1 = f.data(f.root());
    Transaction m1, m2, m3;
    try (TestNode node = TestNode.start(f.network(), dir)) {
      node.storeUnindexed(update);
      node.storeUnindexed(d1);
      m1 = f.milestone(List.of(d1.id(), update.id()), next(node, List.of(d1.id(), update.id())), A);
      assertThat(confirm(node, m1)).isInstanceOf(ConfirmationOutcome.Confirmed.class);
      assertThat(node.confirmer().trust().chain().updates()).containsExactly(update);

      Payload.Milestone c2 = next(node, List.of(m1.id()));
      assertTooFewSignatures(node, f.milestone(List.of(m1.id()), c2, B));
      m2 = f.milestone(List.of(m1.id()), c2, A);
      assertThat(confirm(node, m2)).isInstanceOf(ConfirmationOutcome.Confirmed.class);

      Payload.Milestone c3 = next(node, List.of(m2.id()));
      Transaction m3a = f.milestone(List.of(m2.id()), c3, A);
      assertTooFewSignatures(node, m3a);
      m3 = f.milestone(List.of(m2.id()), c3, B);
      assertThat(confirm(node, m3)).isInstanceOf(ConfirmationOutcome.Confirmed.class);

      assertThat(node.signatures(m1).isValid()).as("an old milestone still verifies").isTrue();
      assertThat(node.signatures(m3a).code()).isEqualTo(MilestoneVerdict.Code.TOO_FEW_SIGNATURES);
    }

    try (TestNode restarted = TestNode.start(f.network(), dir)) {
      assertThat(restarted.confirmer().confirmedIndex()).isEqualTo(3);
      assertThat(restarted.confirmer().trust().chain().updates()).containsExactly(update);
      assertThat(restarted.confirmer().trust().committeeAt(EFFECTIVE).keys())
          .containsExactly(key(201).publicKey());
      Payload.Milestone c4 = next(restarted, List.of(m3.id()));
      assertTooFewSignatures(restarted, f.milestone(List.of(m3.id()), c4, A));
      assertThat(confirm(restarted, f.milestone(List.of(m3.id()), c4, B)))
          .isInstanceOf(ConfirmationOutcome.Confirmed.class);
    }
  }

  @Test
  void aNewCommitteesMilestoneReceivedBeforeTheChangeIsConfirmedIsIndexedOnceItIs(
      @TempDir Path dirA, @TempDir Path dirB) {
    Transaction update = handOver();
    Transaction d1 = f.data(f.root());
    Transaction m1, m2, m3;
    try (TestNode a = TestNode.start(f.network(), dirA)) {
      a.storeUnindexed(update);
      a.storeUnindexed(d1);
      m1 = f.milestone(List.of(d1.id(), update.id()), next(a, List.of(d1.id(), update.id())), A);
      confirm(a, m1);
      m2 = f.milestone(List.of(m1.id()), next(a, List.of(m1.id())), A);
      confirm(a, m2);
      m3 = f.milestone(List.of(m2.id()), next(a, List.of(m2.id())), B);
      assertThat(confirm(a, m3)).isInstanceOf(ConfirmationOutcome.Confirmed.class);
    }
    try (TestNode b = TestNode.start(f.network(), dirB)) {
      b.storeUnindexed(update);
      b.storeUnindexed(d1);
      assertThat(b.mayIndex(m3)).as("B's committee is not known yet").isFalse();
      b.storeUnindexed(m3);
      assertThat(b.mayIndex(m1)).isTrue();
      assertThat(b.mayIndex(m2)).isTrue();
      b.storeIndexed(m1);
      b.storeIndexed(m2);
      assertThat(b.store().milestone(3)).isEmpty();

      assertThat(b.confirmer().confirm(m1)).isInstanceOf(ConfirmationOutcome.Confirmed.class);
      assertThat(b.store().milestone(3))
          .as("B is the committee of 3 once 2 is confirmed, not before")
          .isEmpty();

      assertThat(b.confirmer().confirm(m2)).isInstanceOf(ConfirmationOutcome.Confirmed.class);
      assertThat(b.store().milestone(3)).contains(m3.id());
      assertThat(b.confirmer().confirm(m3)).isInstanceOf(ConfirmationOutcome.Confirmed.class);
    }
  }

  @Test
  void aRetiredCommitteesMilestoneIndexedFirstGivesWayToTheRealOne(
      @TempDir Path dirA, @TempDir Path dirB) {
    Transaction update = handOver();
    Transaction d1 = f.data(f.root());
    Transaction m1, m2, m3, m4;
    Payload.Milestone c3;
    try (TestNode a = TestNode.start(f.network(), dirA)) {
      a.storeUnindexed(update);
      a.storeUnindexed(d1);
      m1 = f.milestone(List.of(d1.id(), update.id()), next(a, List.of(d1.id(), update.id())), A);
      confirm(a, m1);
      m2 = f.milestone(List.of(m1.id()), next(a, List.of(m1.id())), A);
      confirm(a, m2);
      c3 = next(a, List.of(m2.id()));
      m3 = f.milestone(List.of(m2.id()), c3, B);
      confirm(a, m3);
      m4 = f.milestone(List.of(m3.id()), next(a, List.of(m3.id())), B);
      assertThat(confirm(a, m4)).isInstanceOf(ConfirmationOutcome.Confirmed.class);
    }
    // A's keys leaked after the hand-over: milestone 3 signed by A reaches a syncing node first.
    Transaction forged = f.milestone(List.of(m2.id()), c3, A);
    try (TestNode b = TestNode.start(f.network(), dirB)) {
      b.storeUnindexed(update);
      b.storeUnindexed(d1);
      b.storeOnly(forged);
      assertThat(b.store().milestone(3))
          .as("A still signs index 3 as far as b knows")
          .contains(forged.id());
      b.storeOnly(m3);
      b.storeOnly(m1);
      b.storeOnly(m2);
      assertThat(b.confirmer().confirm(m1)).isInstanceOf(ConfirmationOutcome.Confirmed.class);
      assertThat(b.confirmer().confirm(m2)).isInstanceOf(ConfirmationOutcome.Confirmed.class);
      markSolid(b, forged, m3);

      b.confirmer().confirmNext(); // the confirmation thread may have got there first

      assertThat(b.confirmer().confirmedIndex()).isEqualTo(3);
      assertThat(b.store().milestone(3)).contains(m3.id());
      b.storeOnly(m4);
      assertThat(b.store().milestone(4)).contains(m4.id());
      assertThat(b.confirmer().confirm(m4)).isInstanceOf(ConfirmationOutcome.Confirmed.class);
    }
  }

  private static void markSolid(TestNode node, Transaction... txs) {
    List<StateUpdate.Change> marks = new java.util.ArrayList<>();
    for (Transaction tx : txs) {
      marks.add(new StateUpdate.MarkSolid(tx.id()));
    }
    node.store().update(new StateUpdate(marks)).join();
  }

  @Test
  void anUpdateConfirmedAtOrAfterItsEffectiveIndexIsIgnoredForTrust(@TempDir Path dir) {
    Transaction late =
        TrustUpdates.on(f.network())
            .sequence(1)
            .effective(1)
            .committee(1, key(201))
            .signedBy(key(101), key(102));
    try (TestNode node = TestNode.start(f.network(), dir)) {
      node.storeUnindexed(late);
      Transaction m1 = f.milestone(List.of(late.id()), next(node, List.of(late.id())), A);
      assertThat(confirm(node, m1)).isInstanceOf(ConfirmationOutcome.Confirmed.class);

      assertThat(node.confirmer().trust().chain().updates()).isEmpty();
      Payload.Milestone c2 = next(node, List.of(m1.id()));
      assertThat(confirm(node, f.milestone(List.of(m1.id()), c2, A)))
          .isInstanceOf(ConfirmationOutcome.Confirmed.class);
    }
  }

  @Test
  void aCoordinatorHoldingBothCommitteesKeysCarriesOnAcrossTheChange(@TempDir Path dir) {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    Transaction update = handOver();
    try (TestNode node = TestNode.start(f.network(), dir);
        Coordinator coordinator =
            confirmingCoordinator(node, List.of(key(101), key(102), key(201)), update, scheduler)) {
      node.storeUnindexed(update);
      for (int index = 1; index <= 4; index++) {
        IssueOutcome outcome = coordinator.issue();
        assertThat(outcome).isInstanceOf(IssueOutcome.Issued.class);
        Transaction milestone = ((IssueOutcome.Issued) outcome).milestone();
        boolean newCommittee = index >= EFFECTIVE;
        assertThat(milestone.issuer())
            .isEqualTo(newCommittee ? key(201).publicKey() : key(101).publicKey());
        assertThat(milestone.cosignatures()).hasSize(newCommittee ? 0 : 1);
      }
      assertThat(node.confirmer().confirmedIndex()).isEqualTo(4);
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void aCoordinatorWithOnlyTheOldKeysStopsAtTheChange(@TempDir Path dir) {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    Transaction update = handOver();
    try (TestNode node = TestNode.start(f.network(), dir);
        Coordinator coordinator = confirmingCoordinator(node, A, update, scheduler)) {
      node.storeUnindexed(update);
      assertThat(coordinator.issue().code()).isEqualTo(IssueOutcome.Code.ISSUED);
      assertThat(coordinator.issue().code()).isEqualTo(IssueOutcome.Code.ISSUED);
      assertThat(coordinator.issue().code()).isEqualTo(IssueOutcome.Code.TOO_FEW_KEYS);
    } finally {
      scheduler.shutdownNow();
    }
  }

  /**
   * A coordinator holding {@code keys} whose milestones approve {@code update} and are stored and
   * confirmed on {@code node} as soon as they are issued.
   */
  private static Coordinator confirmingCoordinator(
      TestNode node,
      List<Ed25519PrivateKey> keys,
      Transaction update,
      ScheduledExecutorService scheduler) {
    return node.coordinatorForTest(
        keys,
        () -> List.of(update.id()),
        tx -> {
          node.storeUnindexed(tx);
          return CompletableFuture.completedFuture(
              node.confirmer().confirm(tx) instanceof ConfirmationOutcome.Confirmed);
        },
        scheduler);
  }
}
