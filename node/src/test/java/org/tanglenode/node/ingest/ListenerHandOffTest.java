package org.tanglenode.node.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ListenerHandOffTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void tasksRunOnItsOwnThreadInTheOrderHandedOver() {
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    try (ListenerHandOff handOff = new ListenerHandOff(4, new SimpleMeterRegistry())) {
      handOff.start();
      for (int i = 0; i < 1000; i++) {
        int n = i;
        handOff.execute(
            () -> {
              seen.add(n);
              threads.add(Thread.currentThread().getName());
            });
      }
      await().atMost(PATIENCE).until(() -> seen.size() == 1000);
    }
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.get(i)).isEqualTo(i);
    }
    assertThat(threads).containsOnly("stored-listeners");
  }

  @Test
  void whenFullTheHandingThreadWaitsForRoomAndNothingIsDropped() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    try (ListenerHandOff handOff = new ListenerHandOff(2, new SimpleMeterRegistry())) {
      handOff.start();
      handOff.execute(() -> awaitQuietly(release)); // occupies the thread
      await().atMost(PATIENCE).until(() -> handOff.depth() == 0);
      handOff.execute(() -> seen.add(1));
      handOff.execute(() -> seen.add(2)); // the queue is full now
      AtomicBoolean handedThird = new AtomicBoolean();
      Thread writer =
          new Thread(
              () -> {
                handOff.execute(() -> seen.add(3));
                handedThird.set(true);
              });
      writer.start();

      await().atMost(PATIENCE).until(() -> handOff.waits() == 1);
      assertThat(handedThird).isFalse(); // blocked: back-pressure, not a drop
      release.countDown();
      writer.join(PATIENCE.toMillis());
      assertThat(handedThird).isTrue();
      await().atMost(PATIENCE).until(() -> seen.size() == 3);
      assertThat(seen).containsExactly(1, 2, 3);
    }
  }

  @Test
  void closeRunsWhatIsQueuedAndLaterTasksRunInPlace() {
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    ListenerHandOff handOff = new ListenerHandOff(8, new SimpleMeterRegistry());
    handOff.start();
    handOff.execute(() -> awaitQuietly(release));
    for (int i = 0; i < 5; i++) {
      int n = i;
      handOff.execute(() -> seen.add(n));
    }
    release.countDown();

    handOff.close();

    assertThat(seen).containsExactly(0, 1, 2, 3, 4);
    handOff.execute(() -> seen.add(5));
    assertThat(seen).containsExactly(0, 1, 2, 3, 4, 5);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
