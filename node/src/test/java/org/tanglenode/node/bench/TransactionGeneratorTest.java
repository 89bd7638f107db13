package org.tanglenode.node.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.ValidationResult;

class TransactionGeneratorTest {

  @TempDir Path dir;

  private List<Transaction> generate(ParentsPattern pattern, BenchNetwork files) {
    TransactionValidator validator = new TransactionValidator(files.network(), Clock.systemUTC());
    return new TransactionGenerator(files.network(), files.issuers(), 7)
        .generate(500, 300, pattern).stream()
            .map(
                tx -> {
                  assertThat(tx.bytes().length).isBetween(300, 304);
                  ValidationResult result = validator.validate(tx.bytes());
                  assertThat(result).isInstanceOf(ValidationResult.Valid.class);
                  return ((ValidationResult.Valid) result).transaction();
                })
            .toList();
  }

  @Test
  void everyPatternGivesValidTransactionsOfTheAskedSizeWhoseParentsExist() {
    BenchNetwork files = BenchNetwork.create(dir, 4, 1_000);
    for (ParentsPattern pattern : ParentsPattern.values()) {
      List<Transaction> txs = generate(pattern, files);
      Set<TransactionId> ids = new HashSet<>();
      txs.forEach(tx -> ids.add(tx.id()));
      Set<TransactionId> approved = new HashSet<>();
      int sentBeforeParent = 0;
      Set<TransactionId> sent = new HashSet<>();
      for (Transaction tx : txs) {
        for (TransactionId parent : tx.parents()) {
          assertThat(parent.equals(files.network().rootId()) || ids.contains(parent))
              .as("%s: parent %s exists", pattern, parent)
              .isTrue();
          approved.add(parent);
          if (ids.contains(parent) && !sent.contains(parent)) {
            sentBeforeParent++;
          }
        }
        sent.add(tx.id());
      }
      // All but the newest few are approved by a later one, so a milestone's cone takes them.
      assertThat(ids.stream().filter(id -> !approved.contains(id)).count())
          .as("%s: unapproved", pattern)
          .isLessThanOrEqualTo(2L * TransactionGenerator.VISIBILITY_LAG);
      if (pattern == ParentsPattern.OUT_OF_ORDER) {
        assertThat(sentBeforeParent).isPositive();
      } else {
        assertThat(sentBeforeParent).isZero();
      }
    }
  }

  @Test
  void aWarmUpOutOfOrderNeedsNothingFromTheMeasuredPhase() {
    BenchNetwork files = BenchNetwork.create(dir, 0, 1_000);
    List<GeneratedTransaction> txs =
        new TransactionGenerator(files.network(), files.issuers(), 3)
            .generate(100, 200, 300, ParentsPattern.OUT_OF_ORDER);
    TransactionValidator validator = new TransactionValidator(files.network(), Clock.systemUTC());
    Set<TransactionId> warmup = new HashSet<>();
    txs.subList(0, 100).forEach(tx -> warmup.add(tx.id()));
    for (GeneratedTransaction tx : txs.subList(0, 100)) {
      Transaction decoded = ((ValidationResult.Valid) validator.validate(tx.bytes())).transaction();
      for (TransactionId parent : decoded.parents()) {
        assertThat(parent.equals(files.network().rootId()) || warmup.contains(parent)).isTrue();
      }
    }
  }
}
