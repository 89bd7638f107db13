package org.tanglenode.consensus.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanglenode.consensus.TangleFixture.key;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.consensus.TangleFixture;
import org.tanglenode.consensus.TestNode;
import org.tanglenode.consensus.confirmation.ConfirmationOutcome;
import org.tanglenode.consensus.history.HistoryState;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.protocol.trust.TrustUpdates;
import org.tanglenode.storage.ConflictState;
import org.tanglenode.storage.MilestoneKind;
import org.tanglenode.storage.StateUpdate;

/**
 * The milestone gate on its own, over a store in a temp folder and a trust the test moves by hand,
 * so the order of the confirmation thread's steps is the test's: milestone 2 confirms a hand-over
 * from A (keys 101, 102, 103, threshold 2) to B (key 201) effective at 3.
 */
class DeferredMilestonesTest {

  private static final List<Ed25519PrivateKey> B = List.of(key(201));

  private final TangleFixture f = TangleFixture.create();
  private final Transaction update =
      TrustUpdates.on(f.network())
          .sequence(1)
          .effective(3)
          .committee(1, key(201))
          .signedBy(key(101), key(102));

  private Transaction milestone(int index, List<Ed25519PrivateKey> signers) {
    Optional<TransactionId> previous =
        index == 1 ? Optional.empty() : Optional.of(f.data(f.root()).id());
    return f.milestone(
        List.of(f.root()),
        new Payload.Milestone(index, previous, new byte[32], new byte[32], index),
        signers);
  }

  private static ConfirmationOutcome.Confirmed confirmed(int index) {
    return new ConfirmationOutcome.Confirmed(
        index,
        TransactionId.of(new byte[32]),
        List.of(),
        Map.of(),
        new HistoryState(new byte[32], 0));
  }

  @Test
  void aNewCommitteesMilestoneArrivingWhileItsChangeIsBeingConfirmedIsIndexedOnceItIs(
      @TempDir Path dir) {
    try (TestNode node = TestNode.start(f.network(), dir)) {
      ConfirmedTrust trust = new ConfirmedTrust(TrustChain.ofNetwork(f.network()));
      DeferredMilestones gate = new DeferredMilestones(trust, node.store(), 16);
      node.storeUnindexed(update);
      trust.confirmed(1, List.of());
      // Milestone 2's batch is written (confirmed index 2, the update referenced) ...
      node.store()
          .update(
              new StateUpdate(
                  List.of(
                      new StateUpdate.MarkReferenced(update.id(), 2, ConflictState.NONE),
                      new StateUpdate.SetMilestoneIndex(MilestoneKind.CONFIRMED, 2))))
          .join();
      // ... and B's milestone 3 arrives before the trust has taken the update.
      Transaction m3 = milestone(3, B);
      assertThat(gate.mayIndex(m3)).isFalse();
      node.storeUnindexed(m3);
      assertThat(gate.contenders(3)).containsExactly(m3.id());

      trust.confirmed(2, List.of(update));
      gate.confirmed(confirmed(2));

      assertThat(node.store().milestone(3)).contains(m3.id());
    }
  }

  @Test
  void aFloodOfSelfSignedMilestonesDoesNotPushOutARealOne(@TempDir Path dir) {
    try (TestNode node = TestNode.start(f.network(), dir)) {
      ConfirmedTrust trust = new ConfirmedTrust(TrustChain.ofNetwork(f.network()));
      DeferredMilestones gate = new DeferredMilestones(trust, node.store(), 4);
      node.storeUnindexed(update);
      Transaction real = milestone(5, B);
      assertThat(gate.mayIndex(real)).isFalse();
      for (int index = 3; index <= 4; index++) {
        for (int n = 0; n < 10; n++) {
          Transaction fake = milestone(index, List.of(key(900 + n)));
          assertThat(gate.mayIndex(fake)).isFalse();
        }
      }

      assertThat(gate.contenders(5)).containsExactly(real.id());
    }
  }

  @Test
  void atMostAFewMilestonesAreRememberedForOneIndex(@TempDir Path dir) {
    try (TestNode node = TestNode.start(f.network(), dir)) {
      ConfirmedTrust trust = new ConfirmedTrust(TrustChain.ofNetwork(f.network()));
      DeferredMilestones gate = new DeferredMilestones(trust, node.store(), 64);
      node.storeUnindexed(update);
      for (int n = 0; n < DeferredMilestones.PER_INDEX + 3; n++) {
        f.timestamp(1_000 + n); // distinct milestones of one index, all signed by B
        gate.mayIndex(milestone(4, B));
      }
      assertThat(gate.contenders(4)).hasSize(DeferredMilestones.PER_INDEX);
    }
  }
}
