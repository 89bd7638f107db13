package org.tanglenode.consensus.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.consensus.TangleFixture;
import org.tanglenode.consensus.TestNode;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;

class CoordinatorTest {

  private final TangleFixture f = TangleFixture.create();

  @Test
  void issuesMilestonesAtTheIntervalThatItsNodeConfirms(@TempDir Path dir) throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (TestNode node = TestNode.start(f.network(), dir)) {
      Transaction d1 = f.data(f.root());
      node.receive(d1);
      List<Transaction> issued = new java.util.concurrent.CopyOnWriteArrayList<>();
      try (Coordinator coordinator =
          node.coordinatorForTest(
              TestNetwork.committeeKeys(),
              () -> List.of(d1.id()),
              tx -> {
                issued.add(tx);
                node.receive(tx);
                return CompletableFuture.completedFuture(true);
              },
              scheduler)) {
        coordinator.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> node.confirmer().confirmedIndex() >= 3);
      }
      assertThat(issued).hasSizeGreaterThanOrEqualTo(3);
      for (int i = 0; i < 3; i++) {
        Payload.Milestone payload = (Payload.Milestone) issued.get(i).payload();
        assertThat(payload.index()).isEqualTo(i + 1);
        assertThat(node.signatures(issued.get(i)).isValid()).isTrue();
        assertThat(issued.get(i).cosignatures()).hasSize(2); // all three committee keys signed
      }
      assertThat(node.store().metadata(d1.id()).orElseThrow().referencedByMilestone()).hasValue(1);
      assertThat(((Payload.Milestone) issued.get(1).payload()).previous())
          .contains(issued.get(0).id());
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void aMilestoneConfirmedLateIsFollowedAsSoonAsItIsConfirmedNotAWholeIntervalLater(
      @TempDir Path dir) throws Exception {
    // Each milestone reaches the node 1.3 intervals after it is issued (a slow ingest and
    // confirmation under load), so the tick after it finds it unconfirmed. Waiting for the next
    // tick would space milestones two intervals apart; retrying spaces them by about 1.3.
    long interval = f.network().genesis().milestoneIntervalMs();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    ScheduledExecutorService delivery = Executors.newSingleThreadScheduledExecutor();
    try (TestNode node = TestNode.start(f.network(), dir)) {
      List<Long> issuedAt = new java.util.concurrent.CopyOnWriteArrayList<>();
      try (Coordinator coordinator =
          node.coordinatorForTest(
              TestNetwork.committeeKeys(),
              List::of,
              tx -> {
                issuedAt.add(System.nanoTime());
                delivery.schedule(
                    () -> node.receive(tx),
                    interval * 13 / 10,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
                return CompletableFuture.completedFuture(true);
              },
              scheduler)) {
        coordinator.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> node.confirmer().confirmedIndex() >= 3);
      }
      long firstToThird = (issuedAt.get(2) - issuedAt.get(0)) / 1_000_000;
      assertThat(firstToThird)
          .as("ms from milestone 1 to 3 at a %d ms interval", interval)
          .isGreaterThanOrEqualTo(2 * interval * 13 / 10)
          .isLessThan(2 * interval * 17 / 10);
    } finally {
      scheduler.shutdownNow();
      delivery.shutdownNow();
    }
  }

  @Test
  void refusesToStartWithFewerKeysThanTheThreshold(@TempDir Path dir) {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (TestNode node = TestNode.start(f.network(), dir);
        Coordinator coordinator =
            node.coordinatorForTest(
                List.of(TangleFixture.key(101), TangleFixture.key(9)),
                List::of,
                tx -> CompletableFuture.completedFuture(true),
                scheduler)) {
      assertThatThrownBy(coordinator::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("holds 1 committee keys");
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void doesNotIssueASecondMilestoneBeforeTheFirstIsConfirmed(@TempDir Path dir) {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (TestNode node = TestNode.start(f.network(), dir);
        Coordinator coordinator =
            node.coordinatorForTest(
                TestNetwork.committeeKeys(),
                List::of,
                tx -> CompletableFuture.completedFuture(true), // accepted, never stored
                scheduler)) {
      assertThat(coordinator.issue().code()).isEqualTo(IssueOutcome.Code.ISSUED);
      assertThat(coordinator.issue().code()).isEqualTo(IssueOutcome.Code.PREVIOUS_NOT_CONFIRMED);
    } finally {
      scheduler.shutdownNow();
    }
  }
}
