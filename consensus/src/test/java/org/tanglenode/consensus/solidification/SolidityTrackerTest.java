package org.tanglenode.consensus.solidification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.UpdateOutcome;

class SolidityTrackerTest {

  private static final TransactionId ROOT = id(0);

  /** Stored transactions and solid marks on the heap. */
  private static final class MapStore implements SolidityStore {
    final Map<TransactionId, List<TransactionId>> stored = new HashMap<>();
    final Set<TransactionId> solid = new HashSet<>(Set.of(ROOT));

    @Override
    public Optional<List<TransactionId>> parents(TransactionId id) {
      return Optional.ofNullable(stored.get(id));
    }

    @Override
    public boolean isSolid(TransactionId id) {
      return solid.contains(id);
    }

    @Override
    public List<TransactionId> approvers(TransactionId id, int limit) {
      return stored.entrySet().stream()
          .filter(e -> e.getValue().contains(id))
          .map(Map.Entry::getKey)
          .sorted(java.util.Comparator.comparing(TransactionId::toHex))
          .limit(limit)
          .toList();
    }

    @Override
    public Set<TransactionId> storedTips() {
      Set<TransactionId> tips = new HashSet<>(stored.keySet());
      stored.values().forEach(tips::removeAll);
      return tips;
    }

    @Override
    public CompletableFuture<UpdateOutcome> markSolid(List<TransactionId> ids) {
      solid.addAll(ids);
      return CompletableFuture.completedFuture(new UpdateOutcome.Applied());
    }
  }

  private static final class MutableClock extends Clock {
    long millis = 1_000_000;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  private final MapStore store = new MapStore();
  private final List<TransactionId> requests = new ArrayList<>();
  private final MutableClock clock = new MutableClock();

  private SolidityTracker tracker(SolidifierConfig config) {
    return new SolidityTracker(config, store, id -> requests.add(id), clock);
  }

  private static TransactionId id(int n) {
    byte[] bytes = new byte[32];
    bytes[0] = (byte) (n >> 8);
    bytes[1] = (byte) n;
    bytes[31] = 7;
    return new TransactionId(bytes);
  }

  /** Stores {@code id} and tells the tracker, as the node does. */
  private void arrive(SolidityTracker tracker, TransactionId id, TransactionId... parents) {
    store.stored.put(id, List.of(parents));
    tracker.stored(id, List.of(parents));
  }

  @Test
  void aChildBeforeItsParentWaitsAsksForTheParentAndBecomesSolidWithIt() {
    SolidityTracker tracker = tracker(SolidifierConfig.defaults());
    TransactionId parent = id(1);
    TransactionId child = id(2);

    arrive(tracker, child, parent);

    assertThat(requests).containsExactly(parent);
    assertThat(tracker.takeNewlySolid()).isEmpty();
    assertThat(tracker.waitingCount()).isEqualTo(1);

    arrive(tracker, parent, ROOT);

    assertThat(tracker.takeNewlySolid()).containsExactly(parent, child);
    assertThat(tracker.waitingCount()).isZero();
    assertThat(tracker.awaitedParentCount()).isZero();
  }

  @Test
  void solidityPropagatesDownALongChainArrivingBackwards() {
    SolidityTracker tracker = tracker(SolidifierConfig.defaults());
    int length = 5_000;
    for (int i = length; i >= 1; i--) {
      arrive(tracker, id(i), i == 1 ? ROOT : id(i - 1));
    }

    List<TransactionId> solid = tracker.takeNewlySolid();

    assertThat(solid).hasSize(length);
    assertThat(solid.get(0)).isEqualTo(id(1));
    assertThat(solid.get(length - 1)).isEqualTo(id(length));
    // Each missing parent was asked for once, when its first child arrived.
    assertThat(requests).hasSize(length - 1).doesNotHaveDuplicates();
    assertThat(tracker.waitingCount()).isZero();
  }

  @Test
  void aBacklogThatBecomesSolidAtOnceIsSpreadOverBoundedSteps() {
    // A chain whose first transaction arrives last, longer than the waiting bound: most of it is
    // dropped and found again along stored approvers; the cascade comes out in steps of about
    // maxSolid, parents first, each marked before the next step.
    SolidityTracker tracker = tracker(SolidifierConfig.defaults().withMaxPending(500));
    int length = 3_000;
    for (int i = 2; i <= length; i++) {
      TransactionId[] parents =
          i == 2 ? new TransactionId[] {id(1)} : new TransactionId[] {id(i - 2), id(i - 1)};
      store.stored.put(id(i), List.of(parents));
      tracker.enqueue(id(i), List.of(parents));
      assertThat(tracker.step(100)).isFalse();
    }
    assertThat(tracker.takeNewlySolid()).isEmpty();
    assertThat(tracker.waitingCount()).isEqualTo(500);

    store.stored.put(id(1), List.of(ROOT));
    tracker.enqueue(id(1), List.of(ROOT));
    List<TransactionId> solid = new ArrayList<>();
    int steps = 0;
    boolean more = true;
    while (more) {
      more = tracker.step(100);
      List<TransactionId> batch = tracker.takeNewlySolid();
      assertThat(batch).hasSizeLessThanOrEqualTo(102);
      store.markSolid(batch);
      solid.addAll(batch);
      steps++;
    }

    assertThat(solid).doesNotHaveDuplicates().hasSize(length);
    for (int i = 1; i <= length; i++) {
      assertThat(solid.get(i - 1)).as("position %d", i).isEqualTo(id(i));
    }
    assertThat(steps).isGreaterThanOrEqualTo(length / 102);
    assertThat(tracker.waitingCount()).isZero();
    assertThat(tracker.hasWork()).isFalse();
  }

  @Test
  void aStoredButUntrackedParentIsLookedAtAgainFromStorage() {
    SolidityTracker tracker = tracker(SolidifierConfig.defaults());
    TransactionId parent = id(1);
    TransactionId child = id(2);
    store.stored.put(parent, List.of(ROOT)); // stored before a restart, never marked solid

    arrive(tracker, child, parent);

    assertThat(requests).isEmpty();
    assertThat(tracker.takeNewlySolid()).containsExactly(parent, child);
  }

  @Test
  void beyondItsBoundTheOldestWaitingTransactionIsDroppedAndCounted() {
    SolidityTracker tracker = tracker(SolidifierConfig.defaults().withMaxPending(2));

    arrive(tracker, id(11), id(1));
    arrive(tracker, id(12), id(2));
    arrive(tracker, id(13), id(3));

    assertThat(tracker.waitingCount()).isEqualTo(2);
    assertThat(tracker.droppedForCapacity()).isEqualTo(1);
    // The others still wait and become solid with their parents; the dropped one is found again
    // from storage as an approver of its parent.
    arrive(tracker, id(3), ROOT);
    assertThat(tracker.takeNewlySolid()).containsExactly(id(3), id(13));
    arrive(tracker, id(1), ROOT);
    assertThat(tracker.takeNewlySolid()).containsExactly(id(1), id(11));
    assertThat(tracker.waitingCount()).isEqualTo(1);
  }

  @Test
  void transactionsWaitingTooLongAreDroppedWithoutBlockingOthers() {
    SolidityTracker tracker =
        tracker(SolidifierConfig.defaults().withMaxPendingAge(Duration.ofSeconds(60)));
    arrive(tracker, id(11), id(1)); // its parent never arrives
    clock.millis += 30_000;
    arrive(tracker, id(12), id(2));
    clock.millis += 31_000;

    tracker.sweep();

    assertThat(tracker.droppedForAge()).isEqualTo(1);
    assertThat(tracker.waitingCount()).isEqualTo(1);
    arrive(tracker, id(20), ROOT);
    arrive(tracker, id(2), id(20));
    assertThat(tracker.takeNewlySolid()).containsExactly(id(20), id(2), id(12));
  }

  @Test
  void aDroppedTransactionBecomesSolidWhenALaterChildReachesIt() {
    SolidityTracker tracker = tracker(SolidifierConfig.defaults().withMaxPending(1));
    arrive(tracker, id(11), id(1));
    arrive(tracker, id(12), id(2)); // drops 11
    store.stored.put(id(1), List.of(ROOT)); // stored, never offered (the queue was full)
    assertThat(tracker.takeNewlySolid()).isEmpty();

    arrive(tracker, id(30), id(11)); // 11 is stored, unsolid and untracked: looked at again

    assertThat(tracker.takeNewlySolid()).containsExactly(id(1), id(11), id(30));
  }

  @Test
  void aDroppedChainBecomesSolidWhenItsMissingParentArrivesLate() {
    SolidityTracker tracker =
        tracker(SolidifierConfig.defaults().withMaxPendingAge(Duration.ofSeconds(60)));
    int length = 1_000;
    for (int i = 2; i <= length; i++) {
      arrive(tracker, id(i), id(i - 1)); // id(1) is missing
    }
    clock.millis += 61_000;
    tracker.sweep();
    assertThat(tracker.waitingCount()).isZero();
    assertThat(tracker.droppedForAge()).isEqualTo(length - 1);

    arrive(tracker, id(1), ROOT); // an hour late: no child arrives after it

    List<TransactionId> solid = tracker.takeNewlySolid();
    assertThat(solid).hasSize(length).doesNotHaveDuplicates();
    assertThat(solid.get(0)).isEqualTo(id(1));
    assertThat(solid.get(length - 1)).isEqualTo(id(length));
  }

  @Test
  void afterARestartEveryStoredTransactionWhoseConeIsCompleteBecomesSolid() {
    // Stored by a previous run, none marked solid: a chain 1..500 from the root, and a chain
    // 601..700 whose first parent (600) was never stored.
    for (int i = 1; i <= 500; i++) {
      store.stored.put(id(i), List.of(i == 1 ? ROOT : id(i - 1)));
    }
    for (int i = 601; i <= 700; i++) {
      store.stored.put(id(i), List.of(id(i - 1)));
    }
    SolidityTracker tracker = tracker(SolidifierConfig.defaults());

    assertThat(tracker.resume(store.storedTips())).isEqualTo(2);

    List<TransactionId> solid = tracker.takeNewlySolid();
    assertThat(solid).hasSize(500);
    assertThat(solid.get(0)).isEqualTo(id(1));
    assertThat(solid.get(499)).isEqualTo(id(500));
    assertThat(requests).containsExactly(id(600));
    assertThat(tracker.waitingCount()).isEqualTo(100);

    arrive(tracker, id(600), id(500));
    assertThat(tracker.takeNewlySolid()).hasSize(101).startsWith(id(600)).endsWith(id(700));
  }

  @Test
  void aSweepAsksAgainForAParentThatIsStillMissing() {
    SolidityTracker tracker = tracker(SolidifierConfig.defaults());
    arrive(tracker, id(11), id(1));
    arrive(tracker, id(12), id(11));
    assertThat(requests).containsExactly(id(1));

    tracker.sweep();
    tracker.sweep();

    // Only the missing one is asked for again; 11 is stored.
    assertThat(requests).containsExactly(id(1), id(1), id(1));
    assertThat(tracker.rerequested()).isEqualTo(2);
    arrive(tracker, id(1), ROOT);
    tracker.sweep();
    assertThat(requests).hasSize(3);
    assertThat(tracker.takeNewlySolid()).containsExactly(id(1), id(11), id(12));
  }
}
