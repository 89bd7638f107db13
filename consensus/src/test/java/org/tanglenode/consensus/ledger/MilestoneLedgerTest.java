package org.tanglenode.consensus.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanglenode.consensus.TangleFixture.to;
import static org.tanglenode.consensus.TangleFixture.toMany;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanglenode.consensus.TangleFixture;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.storage.ConflictState;

class MilestoneLedgerTest {

  private static final long NOW = TangleFixture.T0 + 100_000;

  private final TangleFixture f = TangleFixture.create();
  private final Map<OutputRef, Output> unspent = new HashMap<>();
  private final Set<OutputRef> spent = new HashSet<>();
  private final LedgerReader reader =
      new LedgerReader() {
        @Override
        public Optional<Output> unspent(OutputRef ref) {
          return Optional.ofNullable(unspent.get(ref));
        }

        @Override
        public boolean spent(OutputRef ref) {
          return spent.contains(ref);
        }
      };

  private OutputRef fund(Output output) {
    OutputRef ref = new OutputRef(f.data(f.root()).id(), 0);
    unspent.put(ref, output);
    return ref;
  }

  private Transaction spend(OutputRef input, long amount, int issuer, int... cosigners) {
    return f.transfer(List.of(f.root()), List.of(input), List.of(to(8, amount)), issuer, cosigners);
  }

  private ConflictState apply(Transaction tx) {
    return new MilestoneLedger(reader, 1, NOW).apply(tx);
  }

  @Test
  void twoOfThreeIsNotSpendableWithOneSignature() {
    OutputRef dual = fund(toMany(100, 2, 0, 3, 4, 5));

    assertThat(apply(spend(dual, 100, 3))).isEqualTo(ConflictState.UNLOCK_INVALID);
    assertThat(apply(spend(dual, 100, 3, 9)))
        .as("a non-owner's signature does not count")
        .isEqualTo(ConflictState.UNLOCK_INVALID);
    assertThat(apply(spend(dual, 100, 3, 4))).isEqualTo(ConflictState.NONE);
    assertThat(apply(spend(dual, 100, 9, 4, 5))).isEqualTo(ConflictState.NONE);
  }

  @Test
  void threeOfThreeNeedsAllThree() {
    OutputRef triple = fund(toMany(100, 3, 0, 3, 4, 5));

    assertThat(apply(spend(triple, 100, 3, 4))).isEqualTo(ConflictState.UNLOCK_INVALID);
    assertThat(apply(spend(triple, 100, 3, 4, 5))).isEqualTo(ConflictState.NONE);
  }

  @Test
  void aSingleOwnerOutputNeedsItsOwner() {
    OutputRef mine = fund(to(3, 50));

    assertThat(apply(spend(mine, 50, 4))).isEqualTo(ConflictState.UNLOCK_INVALID);
    assertThat(apply(spend(mine, 50, 3))).isEqualTo(ConflictState.NONE);
  }

  @Test
  void aTimelockedOutputIsNotSpendableBeforeTheMilestoneReachesIt() {
    OutputRef locked = fund(toMany(70, 1, NOW + 1, 3));
    OutputRef due = fund(toMany(70, 1, NOW, 3));

    assertThat(apply(spend(locked, 70, 3))).isEqualTo(ConflictState.TIMELOCKED);
    assertThat(new MilestoneLedger(reader, 2, NOW + 1).apply(spend(locked, 70, 3)))
        .isEqualTo(ConflictState.NONE);
    assertThat(apply(spend(due, 70, 3))).isEqualTo(ConflictState.NONE);
  }

  @Test
  void amountsMustBalanceExactly() {
    OutputRef mine = fund(to(3, 50));

    assertThat(apply(spend(mine, 49, 3))).isEqualTo(ConflictState.AMOUNTS_DO_NOT_BALANCE);
    assertThat(apply(spend(mine, 51, 3))).isEqualTo(ConflictState.AMOUNTS_DO_NOT_BALANCE);
  }

  @Test
  void unknownAndSpentInputsHaveTheirOwnCodes() {
    OutputRef old = new OutputRef(f.data(f.root()).id(), 0);
    spent.add(old);

    assertThat(apply(spend(old, 10, 3))).isEqualTo(ConflictState.INPUT_ALREADY_SPENT);
    assertThat(apply(spend(new OutputRef(f.root(), 99), 10, 3)))
        .isEqualTo(ConflictState.INPUT_NOT_FOUND);
  }

  @Test
  void theFirstSpendInOrderWinsAndTheLaterChangesNothing() {
    OutputRef mine = fund(to(3, 50));
    MilestoneLedger ledger = new MilestoneLedger(reader, 1, NOW);
    Transaction first = spend(mine, 50, 3);
    Transaction second = f.transfer(List.of(f.root()), List.of(mine), List.of(to(9, 50)), 3);

    assertThat(ledger.apply(first)).isEqualTo(ConflictState.NONE);
    int changes = ledger.changes().size();
    assertThat(ledger.apply(second)).isEqualTo(ConflictState.INPUT_ALREADY_SPENT);

    assertThat(ledger.changes()).hasSize(changes);
    assertThat(ledger.spent()).extracting(LedgerOutput::ref).containsExactly(mine);
    assertThat(ledger.created())
        .extracting(LedgerOutput::ref)
        .containsExactly(new OutputRef(first.id(), 0));
  }

  @Test
  void anOutputCreatedEarlierInTheMilestoneCanBeSpentLaterInIt() {
    OutputRef mine = fund(to(3, 50));
    MilestoneLedger ledger = new MilestoneLedger(reader, 1, NOW);
    Transaction first =
        f.transfer(List.of(f.root()), List.of(mine), List.of(to(4, 20), to(5, 30)), 3);
    Transaction next =
        f.transfer(
            List.of(first.id()), List.of(new OutputRef(first.id(), 1)), List.of(to(6, 30)), 5);
    Transaction laterTwin =
        f.transfer(
            List.of(first.id()), List.of(new OutputRef(first.id(), 1)), List.of(to(7, 30)), 5);

    // In white-flag order a spend before the creating transaction finds no output.
    assertThat(ledger.apply(next)).isEqualTo(ConflictState.INPUT_NOT_FOUND);
    assertThat(ledger.apply(first)).isEqualTo(ConflictState.NONE);
    assertThat(ledger.apply(next)).isEqualTo(ConflictState.NONE);
    assertThat(ledger.apply(laterTwin)).isEqualTo(ConflictState.INPUT_ALREADY_SPENT);
  }

  @Test
  void dataTransactionsChangeNothing() {
    MilestoneLedger ledger = new MilestoneLedger(reader, 1, NOW);

    assertThat(ledger.apply(f.data(f.root()))).isEqualTo(ConflictState.NONE);
    assertThat(ledger.changes()).isEmpty();
  }
}
