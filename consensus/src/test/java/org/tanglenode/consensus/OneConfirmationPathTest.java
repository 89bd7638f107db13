package org.tanglenode.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.storage.TransactionMetadata;

/**
 * One confirmation path per node: the coordinator's own milestone is walked once (for its draft,
 * reused when it is confirmed), a received milestone once; each milestone's committee signatures
 * are verified once although the ingest gate and the confirmer both ask; confirmation listeners run
 * after the confirmer's lock is released.
 */
class OneConfirmationPathTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final TangleFixture f = TangleFixture.create();

  private static double walks(TestNode node) {
    return node.registry.get("tangle.consensus.whiteflag.walks").counter().count();
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
  void eachMilestoneIsWalkedOnceAndItsSignaturesVerifiedOncePerNode(
      @TempDir Path dirA, @TempDir Path dirB) {
    try (TestNode coordinator = TestNode.start(f.network(), dirA);
        TestNode follower = TestNode.start(f.network(), dirB)) {
      Transaction previous = null;
      for (int index = 1; index <= 3; index++) {
        Transaction data = f.data(previous == null ? f.root() : previous.id());
        coordinator.receive(data);
        awaitSolid(coordinator, data);
        Transaction milestone = ConsensusScenarioTest.issue(coordinator, f, List.of(data.id()));
        coordinator.receive(milestone);
        awaitConfirmed(coordinator, index);
        follower.receive(data);
        follower.receive(milestone);
        awaitConfirmed(follower, index);
        previous = milestone;
      }

      assertThat(walks(coordinator)).as("walks on the coordinator's node").isEqualTo(3);
      assertThat(walks(follower)).as("walks on a node receiving the milestones").isEqualTo(3);
      assertThat(coordinator.consensus.signatureVerdicts().verifications()).isEqualTo(3);
      assertThat(follower.consensus.signatureVerdicts().verifications()).isEqualTo(3);
      assertThat(coordinator.confirmations).hasSize(3);
    }
  }

  @Test
  void listenersRunAfterTheConfirmersLockIsReleased(@TempDir Path dir) {
    try (TestNode node = TestNode.start(f.network(), dir)) {
      List<Object> seenByListener = new CopyOnWriteArrayList<>();
      node.confirmer()
          .addListener(
              confirmed -> {
                // Another thread reads the confirmer while this listener runs: with the lock
                // still held it would wait until the listener returns.
                CompletableFuture<Integer> read =
                    CompletableFuture.supplyAsync(() -> node.confirmer().confirmedIndex());
                try {
                  seenByListener.add(read.get(5, TimeUnit.SECONDS));
                } catch (TimeoutException e) {
                  seenByListener.add("blocked");
                } catch (Exception e) {
                  seenByListener.add(e);
                }
              });
      Transaction data = f.data(f.root());
      node.receive(data);
      awaitSolid(node, data);
      node.receive(ConsensusScenarioTest.issue(node, f, List.of(data.id())));

      await().atMost(WAIT).until(() -> !seenByListener.isEmpty());
      assertThat(seenByListener).containsExactly(1);
    }
  }
}
