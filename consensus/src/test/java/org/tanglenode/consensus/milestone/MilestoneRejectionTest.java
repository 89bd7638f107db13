package org.tanglenode.consensus.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tanglenode.consensus.TangleFixture.key;
import static org.tanglenode.consensus.TangleFixture.to;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.consensus.TangleFixture;
import org.tanglenode.consensus.TestNode;
import org.tanglenode.consensus.confirmation.ConfirmationOutcome;
import org.tanglenode.consensus.confirmation.MilestoneConfirmer;
import org.tanglenode.consensus.confirmation.StateWriter;
import org.tanglenode.consensus.ledger.Ledger;
import org.tanglenode.protocol.Cosignature;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.SignedTransaction;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.ConflictState;
import org.tanglenode.storage.MilestoneKind;
import org.tanglenode.storage.StateUpdate;
import org.tanglenode.storage.TransactionStore;
import org.tanglenode.storage.UpdateOutcome;
import org.tanglenode.storage.schema.MerkleKey;

/**
 * Forged, under-signed, out-of-sequence and mis-committing milestones are rejected with their code
 * and change nothing; a batch storage refuses (or that fails) leaves nothing half applied.
 */
class MilestoneRejectionTest {

  private final TangleFixture f = TangleFixture.create();
  private TestNode node;
  private Transaction d1;
  private Transaction transfer;
  private Payload.Milestone good;

  @BeforeEach
  void setUp(@TempDir Path dir) {
    node = TestNode.start(f.network(), dir);
    d1 = f.data(f.root());
    transfer = f.transfer(List.of(d1.id()), List.of(f.allocation(0)), List.of(to(3, 1_000)), 1);
    node.storeUnindexed(d1);
    node.storeUnindexed(transfer);
    good = ready(node.confirmer().next(List.of(transfer.id())));
  }

  @AfterEach
  void tearDown() {
    node.close();
  }

  private static Payload.Milestone ready(MilestoneCommitments.Draft draft) {
    assertThat(draft).isInstanceOf(MilestoneCommitments.Draft.Ready.class);
    return ((MilestoneCommitments.Draft.Ready) draft).commitments();
  }

  private ConfirmationOutcome confirm(Transaction milestone) {
    node.storeUnindexed(milestone);
    return node.confirmer().confirm(milestone);
  }

  private void assertRejected(Transaction milestone, MilestoneVerdict.Code code) {
    ConfirmationOutcome outcome = confirm(milestone);
    assertThat(outcome).isInstanceOf(ConfirmationOutcome.Rejected.class);
    assertThat(((ConfirmationOutcome.Rejected) outcome).verdict().code()).isEqualTo(code);
    assertNothingApplied();
  }

  private void assertNothingApplied() {
    TransactionStore store = node.store();
    assertThat(node.confirmer().confirmedIndex()).isZero();
    assertThat(store.milestoneIndex(MilestoneKind.CONFIRMED)).isZero();
    assertThat(store.metadata(d1.id()).orElseThrow().referenced()).isFalse();
    assertThat(store.metadata(transfer.id()).orElseThrow().referenced()).isFalse();
    assertThat(store.unspentOutput(f.allocation(0))).isPresent();
    assertThat(store.unspentOutput(new OutputRef(transfer.id(), 0))).isEmpty();
    assertThat(store.historyNode(new MerkleKey(0, 0))).isEmpty();
    assertThat(node.confirmer().history().size()).isZero();
    assertThat(node.ledger().balance(TangleFixture.address(1))).isEqualTo(1_000);
  }

  private void assertConfirmsAfterwards() {
    ConfirmationOutcome outcome = confirm(f.milestone(List.of(transfer.id()), good));
    assertThat(outcome.code()).isEqualTo(ConfirmationOutcome.Code.CONFIRMED);
    assertThat(node.store().unspentOutput(new OutputRef(transfer.id(), 0))).isPresent();
    assertThat(node.ledger().balance(TangleFixture.address(3))).isEqualTo(1_000);
    assertThat(node.confirmer().history().size()).isEqualTo(2);
  }

  @Test
  void aForgedCommitteeSignatureIsRejected() {
    SignedTransaction signed = unsigned(good).sign(key(101));
    // Key 103 signs, but the cosignature claims key 102.
    signed.addCosignature(
        new Cosignature(key(102).publicKey(), key(103).sign(signed.essenceDigest())));

    assertRejected(signed.complete(0), MilestoneVerdict.Code.BAD_SIGNATURE);
    assertConfirmsAfterwards();
  }

  @Test
  void anUnderSignedMilestoneIsRejected() {
    assertRejected(
        f.milestone(List.of(transfer.id()), good, List.of(key(101))),
        MilestoneVerdict.Code.TOO_FEW_SIGNATURES);
    // A key outside the committee does not count towards the threshold.
    assertRejected(
        f.milestone(List.of(transfer.id()), good, List.of(key(101), key(9))),
        MilestoneVerdict.Code.TOO_FEW_SIGNATURES);
    assertConfirmsAfterwards();
  }

  @Test
  void aMilestoneOutOfSequenceIsRejected() {
    Payload.Milestone two =
        new Payload.Milestone(
            2, Optional.of(d1.id()), good.confirmedRoot(), good.historyRoot(), good.historySize());

    assertRejected(f.milestone(List.of(transfer.id()), two), MilestoneVerdict.Code.OUT_OF_SEQUENCE);
    assertConfirmsAfterwards();
  }

  @Test
  void aMilestoneWithTheWrongPreviousIsRejected() {
    Transaction m1 = f.milestone(List.of(transfer.id()), good);
    assertThat(confirm(m1).code()).isEqualTo(ConfirmationOutcome.Code.CONFIRMED);
    Transaction d2 = f.data(m1.id());
    node.storeUnindexed(d2);
    Payload.Milestone next = ready(node.confirmer().next(List.of(d2.id())));
    Payload.Milestone wrongPrevious =
        new Payload.Milestone(
            2, Optional.of(d1.id()), next.confirmedRoot(), next.historyRoot(), next.historySize());

    ConfirmationOutcome outcome = confirm(f.milestone(List.of(d2.id()), wrongPrevious));

    assertThat(((ConfirmationOutcome.Rejected) outcome).verdict().code())
        .isEqualTo(MilestoneVerdict.Code.WRONG_PREVIOUS);
    assertThat(node.confirmer().confirmedIndex()).isEqualTo(1);
    assertThat(node.store().metadata(d2.id()).orElseThrow().referenced()).isFalse();
    assertThat(confirm(f.milestone(List.of(d2.id()), next)).code())
        .isEqualTo(ConfirmationOutcome.Code.CONFIRMED);
  }

  @Test
  void wrongRootsOrSizeAreRejected() {
    byte[] other = new byte[32];
    assertRejected(
        f.milestone(
            List.of(transfer.id()),
            new Payload.Milestone(
                1, Optional.empty(), other, good.historyRoot(), good.historySize())),
        MilestoneVerdict.Code.CONFIRMED_ROOT_MISMATCH);
    assertRejected(
        f.milestone(
            List.of(transfer.id()),
            new Payload.Milestone(
                1, Optional.empty(), good.confirmedRoot(), other, good.historySize())),
        MilestoneVerdict.Code.HISTORY_ROOT_MISMATCH);
    assertRejected(
        f.milestone(
            List.of(transfer.id()),
            new Payload.Milestone(
                1, Optional.empty(), good.confirmedRoot(), good.historyRoot(), 3)),
        MilestoneVerdict.Code.HISTORY_SIZE_MISMATCH);
    // The roots of one cone do not fit a milestone approving a different cone.
    assertRejected(
        f.milestone(List.of(d1.id()), good), MilestoneVerdict.Code.CONFIRMED_ROOT_MISMATCH);
    assertConfirmsAfterwards();
  }

  @Test
  void aNonMilestoneIsRejected() {
    assertThat(node.confirmer().confirm(d1)).isInstanceOf(ConfirmationOutcome.Rejected.class);
    assertNothingApplied();
  }

  @Test
  void aRefusedBatchLeavesNothingHalfApplied() {
    // The batch is complete but names one transaction storage does not have: storage refuses
    // the whole batch, as it would any batch it cannot apply in full.
    AtomicReference<String> mode = new AtomicReference<>("refuse");
    StateWriter faulty =
        update -> {
          switch (mode.get()) {
            case "refuse" -> {
              StateUpdate.Builder poisoned = StateUpdate.builder();
              List<StateUpdate.Change> changes = new java.util.ArrayList<>(update.changes());
              changes.add(
                  new StateUpdate.MarkReferenced(
                      new TransactionId(new byte[32]), 1, ConflictState.NONE));
              return node.store().update(new StateUpdate(changes));
            }
            case "fail" -> {
              return CompletableFuture.failedFuture(new IllegalStateException("disk gone"));
            }
            default -> {
              return node.store().update(update);
            }
          }
        };
    Ledger ledger = new Ledger(f.network(), node.store());
    ledger.start();
    MilestoneConfirmer confirmer =
        new MilestoneConfirmer(
            f.network(),
            node.store(),
            ledger,
            faulty,
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    confirmer.start();
    Transaction m1 = f.milestone(List.of(transfer.id()), good);
    node.storeUnindexed(m1);

    ConfirmationOutcome refused = confirmer.confirm(m1);

    assertThat(refused).isInstanceOf(ConfirmationOutcome.StorageRefused.class);
    assertThat(((ConfirmationOutcome.StorageRefused) refused).outcome().code())
        .isEqualTo(UpdateOutcome.Code.UNKNOWN_TRANSACTIONS);
    assertThat(confirmer.confirmedIndex()).isZero();
    assertThat(confirmer.history().size()).isZero();
    assertThat(ledger.balance(TangleFixture.address(3))).isZero();
    assertNothingApplied();

    mode.set("fail");
    assertThatThrownBy(() -> confirmer.confirm(m1)).hasRootCauseMessage("disk gone");
    assertThat(confirmer.history().size()).isZero();
    assertNothingApplied();

    mode.set("pass");
    ConfirmationOutcome confirmed = confirmer.confirm(m1);
    assertThat(confirmed.code()).isEqualTo(ConfirmationOutcome.Code.CONFIRMED);
    assertThat(((ConfirmationOutcome.Confirmed) confirmed).history().root())
        .isEqualTo(good.historyRoot());
    assertThat(ledger.balance(TangleFixture.address(3))).isEqualTo(1_000);
    assertThat(node.store().milestoneIndex(MilestoneKind.CONFIRMED)).isEqualTo(1);
    assertThat(node.store().metadata(transfer.id()).orElseThrow().referencedByMilestone())
        .hasValue(1);
  }

  private org.tanglenode.protocol.UnsignedTransaction unsigned(Payload.Milestone c) {
    return new TransactionBuilder(f.network().shortId())
        .parent(transfer.id())
        .issuer(key(101).publicKey())
        .timestampMs(TangleFixture.T0 + 5_000)
        .payload(
            new Payload.Milestone(
                c.index(), c.previous(), c.confirmedRoot(), c.historyRoot(), c.historySize()))
        .build();
  }
}
