package org.tanglenode.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.PruneReport;
import org.tanglenode.storage.TransactionMetadata;

/**
 * Pruning on a tangle the confirmer built (real white-flag order and history sizes): four
 * milestones with two data transactions each, pruned keeping two, then a restart and a fifth
 * milestone confirmed on top of what is left.
 */
class PruningScenarioTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final TangleFixture f = TangleFixture.create();

  @Test
  void theConfirmerGoesOnAfterOldConesArePruned(@TempDir Path dir) {
    List<List<Transaction>> cones = new ArrayList<>();
    List<Transaction> milestones = new ArrayList<>();
    TransactionId previous = f.root();
    try (TestNode node = TestNode.start(f.network(), dir)) {
      for (int m = 1; m <= 4; m++) {
        Transaction a = f.data(previous);
        Transaction b = f.data(a.id());
        node.receive(a);
        node.receive(b);
        awaitSolid(node, b);
        Transaction milestone = ConsensusScenarioTest.issue(node, f, List.of(b.id()));
        node.receive(milestone);
        awaitConfirmed(node, m);
        cones.add(List.of(a, b));
        milestones.add(milestone);
        previous = milestone.id();
      }
      long before = node.store().transactionCount();

      PruneReport report = node.storage.pruner().prune(2);

      assertThat(report.toMilestone()).isEqualTo(2);
      assertThat(report.transactionsPruned()).isEqualTo(4);
      assertThat(report.keptUnconfirmed()).isZero();
      assertThat(node.store().transactionCount()).isEqualTo(before - 4);
      for (int m = 0; m < 2; m++) {
        for (Transaction tx : cones.get(m)) {
          assertThat(node.store().contains(tx.id())).isFalse();
        }
      }
      for (int m = 2; m < 4; m++) {
        for (Transaction tx : cones.get(m)) {
          assertThat(node.store().contains(tx.id())).isTrue();
        }
      }
      milestones.forEach(ms -> assertThat(node.store().contains(ms.id())).isTrue());
    }

    try (TestNode node = TestNode.start(f.network(), dir)) {
      assertThat(node.confirmer().confirmedIndex()).isEqualTo(4);
      Transaction c = f.data(milestones.get(3).id());
      node.receive(c);
      awaitSolid(node, c);
      Transaction fifth = ConsensusScenarioTest.issue(node, f, List.of(c.id()));
      node.receive(fifth);
      awaitConfirmed(node, 5);

      assertThat(node.store().metadata(c.id()).orElseThrow().referencedByMilestone()).hasValue(5);
      assertThat(node.storage.pruner().prune(2).toMilestone()).isEqualTo(3);
      assertThat(node.store().contains(cones.get(2).get(0).id())).isFalse();
      assertThat(node.store().contains(c.id())).isTrue();
    }
  }

  private static void awaitSolid(TestNode node, Transaction tx) {
    await()
        .atMost(WAIT)
        .until(() -> node.store().metadata(tx.id()).map(TransactionMetadata::solid).orElse(false));
  }

  private static void awaitConfirmed(TestNode node, int index) {
    await().atMost(WAIT).until(() -> node.confirmer().confirmedIndex() >= index);
  }
}
