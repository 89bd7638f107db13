package org.tanglenode.protocol.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.receipt.HistoryVerdict.Reason;
import org.tanglenode.protocol.receipt.ReceiptFixture.History;
import org.tanglenode.protocol.receipt.ReceiptFixture.Later;
import org.tanglenode.protocol.trust.GenesisTrust;

class HistoryVerifierTest {

  private final HistoryVerifier verifier =
      new HistoryVerifier(new GenesisTrust(ReceiptFixture.network()));
  private final History first = ReceiptFixture.history();
  private final Later second = ReceiptFixture.later(first);
  private final List<byte[]> proof = ReceiptFixture.consistencyProof(second.confirmed(), 3);

  @Test
  void anAppendedHistoryIsConsistentWithTheMilestoneKeptInAReceipt() throws Exception {
    byte[] kept = ReceiptFile.parse(ReceiptFixture.exampleReceiptFile()).milestone();

    HistoryVerdict verdict =
        verifier.verify(
            Optional.of(kept), first.milestone().bytes(), second.milestone().bytes(), proof);

    assertThat(verdict).isInstanceOf(HistoryVerdict.Consistent.class);
    HistoryVerdict.Consistent consistent = (HistoryVerdict.Consistent) verdict;
    assertThat(consistent.from().historySize()).isEqualTo(3);
    assertThat(consistent.to().historySize()).isEqualTo(5);
  }

  @Test
  void aMilestoneIsConsistentWithItselfWithAnEmptyProof() {
    byte[] m = first.milestone().bytes();

    assertThat(verifier.verify(Optional.empty(), m, m, List.of()).isConsistent()).isTrue();
  }

  @Test
  void aChangedProofHashIsRefused() {
    List<byte[]> changed = new ArrayList<>(proof);
    byte[] hash = changed.get(0).clone();
    hash[5] ^= 1;
    changed.set(0, hash);

    assertRefused(
        verifier.verify(
            Optional.empty(), first.milestone().bytes(), second.milestone().bytes(), changed),
        Reason.PROOF_REJECTED);
  }

  @Test
  void aRewrittenHistoryHasNoProofThatLinksItToTheKeptMilestone() {
    // The committee signed a milestone 2 whose history swaps B and C: not an append.
    Later rewritten = ReceiptFixture.later(first, 0, 2, 1, 3, 4);
    List<byte[]> ownProof = ReceiptFixture.consistencyProof(rewritten.confirmed(), 3);

    assertRefused(
        verifier.verify(
            Optional.empty(), first.milestone().bytes(), rewritten.milestone().bytes(), ownProof),
        Reason.PROOF_REJECTED);
    assertRefused(
        verifier.verify(
            Optional.empty(), first.milestone().bytes(), rewritten.milestone().bytes(), proof),
        Reason.PROOF_REJECTED);
  }

  @Test
  void aKeptMilestoneThatDiffersFromTheNodesIsRefused() {
    assertRefused(
        verifier.verify(
            Optional.of(second.milestone().bytes()),
            first.milestone().bytes(),
            second.milestone().bytes(),
            proof),
        Reason.KEPT_MISMATCH);
  }

  @Test
  void milestonesInTheWrongOrderAreRefused() {
    assertRefused(
        verifier.verify(
            Optional.empty(), second.milestone().bytes(), first.milestone().bytes(), proof),
        Reason.OUT_OF_ORDER);
  }

  @Test
  void aMilestoneTheCommitteeDidNotSignIsRefused() {
    History forged = ReceiptFixture.history(ReceiptFixture.seedOf(7));

    assertRefused(
        verifier.verify(
            Optional.empty(), forged.milestone().bytes(), second.milestone().bytes(), proof),
        Reason.BELOW_THRESHOLD);
  }

  private static void assertRefused(HistoryVerdict verdict, Reason reason) {
    assertThat(verdict).isInstanceOf(HistoryVerdict.Refused.class);
    HistoryVerdict.Refused refused = (HistoryVerdict.Refused) verdict;
    assertThat(refused.reason()).as(refused.message()).isEqualTo(reason);
  }
}
