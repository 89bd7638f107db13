package org.tanglenode.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tanglenode.consensus.TangleFixture.to;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.consensus.confirmation.ConfirmationOutcome;
import org.tanglenode.consensus.milestone.MilestoneCommitments;
import org.tanglenode.crypto.merkle.ConsistencyProof;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.crypto.merkle.MerkleTree;
import org.tanglenode.crypto.merkle.ProofVerdict;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.ConflictState;
import org.tanglenode.storage.TransactionMetadata;

/**
 * Two consensus instances, each on its own RocksDB folder, fed the same transactions in different
 * orders (node B in reverse, so every parent arrives after its children), confirm the same
 * transactions with the same conflicts, the same history and the same balances.
 */
class ConsensusScenarioTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final MerkleHasher HASHER = MerkleHasher.blake2b256();

  private final TangleFixture f = TangleFixture.create();

  static Transaction issue(TestNode node, TangleFixture f, List<TransactionId> parents) {
    MilestoneCommitments.Draft draft = node.confirmer().next(parents);
    assertThat(draft).isInstanceOf(MilestoneCommitments.Draft.Ready.class);
    return f.milestone(parents, ((MilestoneCommitments.Draft.Ready) draft).commitments());
  }

  private static void awaitSolid(TestNode node, Transaction tx) {
    await()
        .atMost(WAIT)
        .until(() -> node.store().metadata(tx.id()).map(TransactionMetadata::solid).orElse(false));
  }

  private static void awaitConfirmed(TestNode node, int index) {
    await().atMost(WAIT).until(() -> node.confirmer().confirmedIndex() >= index);
  }

  @Test
  void twoNodesFedInDifferentOrdersConfirmTheSame(@TempDir Path dirA, @TempDir Path dirB) {
    List<Transaction> all = new ArrayList<>();
    List<Transaction> milestones = new ArrayList<>();
    try (TestNode a = TestNode.start(f.network(), dirA)) {
      // Milestone 1: allocation 0 (key 1's 1,000) spent twice in one cone.
      Transaction d1 = f.data(f.root());
      Transaction t1 =
          f.transfer(
              List.of(d1.id()), List.of(f.allocation(0)), List.of(to(3, 600), to(1, 400)), 1);
      Transaction t1x =
          f.transfer(List.of(f.root()), List.of(f.allocation(0)), List.of(to(3, 1_000)), 1);
      Transaction d2 = f.data(t1.id(), t1x.id());
      for (Transaction tx : List.of(d1, t1, t1x, d2)) {
        a.receive(tx);
        all.add(tx);
      }
      awaitSolid(a, d2);
      Transaction m1 = issue(a, f, List.of(d2.id()));
      a.receive(m1);
      all.add(m1);
      milestones.add(m1);
      awaitConfirmed(a, 1);

      // Milestone 2: output 0 of the winner (key 3's) spent in two branches; a bad transfer.
      Transaction winner = t1.id().compareTo(t1x.id()) < 0 ? t1 : t1x;
      long amount = winner == t1 ? 600 : 1_000;
      OutputRef spent = new OutputRef(winner.id(), 0);
      Transaction bA = f.transfer(List.of(m1.id()), List.of(spent), List.of(to(5, amount)), 3);
      Transaction bB = f.transfer(List.of(d2.id()), List.of(spent), List.of(to(6, amount)), 3);
      Transaction d3 = f.data(bA.id(), bB.id());
      Transaction bad =
          f.transfer(List.of(d3.id()), List.of(f.allocation(1)), List.of(to(7, 400)), 2);
      Transaction good =
          f.transfer(List.of(d3.id()), List.of(f.allocation(1)), List.of(to(7, 500)), 2);
      for (Transaction tx : List.of(bA, bB, d3, bad, good)) {
        a.receive(tx);
        all.add(tx);
      }
      awaitSolid(a, bad);
      awaitSolid(a, good);
      Transaction m2 = issue(a, f, List.of(bad.id(), good.id()));
      a.receive(m2);
      all.add(m2);
      milestones.add(m2);
      awaitConfirmed(a, 2);

      List<Transaction> reversed = new ArrayList<>(all);
      Collections.reverse(reversed);
      try (TestNode b = TestNode.start(f.network(), dirB)) {
        for (Transaction tx : reversed) {
          b.receive(tx);
        }
        awaitConfirmed(b, 2);

        // Whatever B asked peers for was a parent it lacked when it looked (which ones depends
        // on how far storing ran ahead of the solidifier; SolidityTrackerTest pins that down).
        assertThat(b.requested).isSubsetOf(all.stream().map(Transaction::id).toList());

        // The same confirmations, in the same order, with the same conflicts and history.
        assertThat(b.confirmations).isEqualTo(a.confirmations);
        assertThat(a.confirmations).hasSize(2);
        assertThat(a.confirmations.get(0).ids())
            .containsExactlyInAnyOrder(d1.id(), t1.id(), t1x.id(), d2.id());
        assertThat(a.confirmations.get(1).ids())
            .containsExactlyInAnyOrder(bA.id(), bB.id(), d3.id(), bad.id(), good.id());
        for (Transaction tx : all) {
          assertThat(b.metadata(tx.id()).referencedByMilestone())
              .as("referenced-by of %s", tx.id())
              .isEqualTo(a.metadata(tx.id()).referencedByMilestone())
              .isPresent();
          assertThat(b.metadata(tx.id()).conflict()).isEqualTo(a.metadata(tx.id()).conflict());
        }
        assertThat(b.confirmer().history()).isEqualTo(a.confirmer().history());
        assertThat(a.confirmer().history().size()).isEqualTo(9);
        // The stored confirmation order is the white-flag order, milestone after milestone.
        List<TransactionId> inOrder = new ArrayList<>(a.confirmations.get(0).ids());
        inOrder.addAll(a.confirmations.get(1).ids());
        assertThat(a.store().confirmedIds(0, 9)).isEqualTo(inOrder);
        assertThat(b.store().confirmedIds(0, 9)).isEqualTo(inOrder);
        assertThat(a.store().confirmedIds(4, 100)).isEqualTo(inOrder.subList(4, 9));

        // Double spend in one cone: the spend first in white-flag order (lower id) wins.
        Transaction first = t1.id().compareTo(t1x.id()) < 0 ? t1 : t1x;
        Transaction second = first == t1 ? t1x : t1;
        assertThat(a.metadata(first.id()).conflict()).isEqualTo(ConflictState.NONE);
        assertThat(a.metadata(second.id()).conflict()).isEqualTo(ConflictState.INPUT_ALREADY_SPENT);
        // Double spend in two branches: exactly one wins, the same one everywhere.
        assertThat(List.of(a.metadata(bA.id()).conflict(), a.metadata(bB.id()).conflict()))
            .containsExactlyInAnyOrder(ConflictState.NONE, ConflictState.INPUT_ALREADY_SPENT);
        assertThat(a.metadata(bad.id()).conflict()).isEqualTo(ConflictState.AMOUNTS_DO_NOT_BALANCE);
        assertThat(a.metadata(good.id()).conflict()).isEqualTo(ConflictState.NONE);

        // The same balances, which add up to the supply.
        Map<Integer, Long> balancesA = new TreeMap<>();
        Map<Integer, Long> balancesB = new TreeMap<>();
        for (int key = 1; key <= 9; key++) {
          balancesA.put(key, a.ledger().balance(TangleFixture.address(key)));
          balancesB.put(key, b.ledger().balance(TangleFixture.address(key)));
        }
        assertThat(balancesB).isEqualTo(balancesA);
        assertThat(balancesA.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_500);
        assertThat(balancesA.get(7)).isEqualTo(500);
        assertThat(balancesA.get(2)).isZero();

        assertHistoryProofs(a);
      }
    }
  }

  /** Consistency proofs between milestone 1 and 2 verify, and fail for an altered history. */
  private static void assertHistoryProofs(TestNode node) {
    ConfirmationOutcome.Confirmed one = node.confirmations.get(0);
    ConfirmationOutcome.Confirmed two = node.confirmations.get(1);
    long oldSize = one.history().size();
    long newSize = two.history().size();
    ConsistencyProof proof = node.confirmer().consistencyProof(oldSize, newSize);

    assertThat(proof.verify(HASHER, one.history().root(), two.history().root()).isAccepted())
        .isTrue();

    List<TransactionId> confirmed = new ArrayList<>(one.ids());
    confirmed.addAll(two.ids());
    assertThat(root(confirmed)).isEqualTo(two.history().root());

    // Rewrite the history by dropping any one confirmed transaction or swapping any two
    // neighbours. Against the roots the two milestones carry, the real proof then fails, and so
    // does any proof built from the rewritten list when the rewrite reaches into milestone 1's
    // part.
    byte[] oldRoot = one.history().root();
    List<List<TransactionId>> rewrites = new ArrayList<>();
    List<Integer> firstChanged = new ArrayList<>();
    for (int i = 0; i < confirmed.size(); i++) {
      List<TransactionId> dropped = new ArrayList<>(confirmed);
      dropped.remove(i);
      rewrites.add(dropped);
      firstChanged.add(i);
    }
    for (int i = 0; i + 1 < confirmed.size(); i++) {
      List<TransactionId> swapped = new ArrayList<>(confirmed);
      Collections.swap(swapped, i, i + 1);
      rewrites.add(swapped);
      firstChanged.add(i);
    }
    for (int r = 0; r < rewrites.size(); r++) {
      List<TransactionId> rewritten = rewrites.get(r);
      byte[] rewrittenRoot = root(rewritten);
      assertThat(rewrittenRoot).isNotEqualTo(two.history().root());
      assertRejected(proof, oldRoot, rewrittenRoot);
      if (firstChanged.get(r) < oldSize) {
        ConsistencyProof forged =
            MerkleTree.ofLeafData(HASHER, rewritten.stream().map(TransactionId::bytes).toList())
                .consistencyProof((int) oldSize, rewritten.size());
        assertRejected(forged, oldRoot, rewrittenRoot);
      }
    }
  }

  private static void assertRejected(ConsistencyProof proof, byte[] oldRoot, byte[] newRoot) {
    ProofVerdict verdict = proof.verify(HASHER, oldRoot, newRoot);
    assertThat(verdict.isAccepted()).isFalse();
  }

  private static byte[] root(List<TransactionId> ids) {
    return MerkleTree.ofLeafData(HASHER, ids.stream().map(TransactionId::bytes).toList()).root();
  }
}
