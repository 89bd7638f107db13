package org.tanglenode.storage.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayStoreTest {

  @TempDir Path dir;

  private static IncomingReading reading(int n) {
    byte[] leaf = new byte[32];
    leaf[0] = (byte) (n >> 24);
    leaf[1] = (byte) (n >> 16);
    leaf[2] = (byte) (n >> 8);
    leaf[3] = (byte) n;
    return new IncomingReading(
        new Leaf(leaf), ("{\"reading\":" + n + "}").getBytes(StandardCharsets.UTF_8));
  }

  private GatewayStore open() {
    GatewayStore store = new GatewayStore(dir.resolve("db"), 16, 1000, new SimpleMeterRegistry());
    store.start();
    return store;
  }

  @Test
  void readingsGetSequenceNumbersInArrivalOrderAndSurviveAReopen() throws Exception {
    try (GatewayStore store = open()) {
      List<CompletableFuture<List<Appended>>> futures = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        futures.add(store.append(List.of(reading(2 * i), reading(2 * i + 1))));
      }
      long expected = 0;
      for (CompletableFuture<List<Appended>> f : futures) {
        for (Appended a : f.get()) {
          assertThat(a).isEqualTo(new Appended(expected++, false));
        }
      }
      assertThat(store.nextSequence()).isEqualTo(100);
    }
    try (GatewayStore store = open()) {
      assertThat(store.nextSequence()).isEqualTo(100);
      List<StoredReading> some = store.readings(40, 5);
      assertThat(some).extracting(StoredReading::sequence).containsExactly(40L, 41L, 42L, 43L, 44L);
      assertThat(new String(some.get(0).canonical(), StandardCharsets.UTF_8))
          .isEqualTo("{\"reading\":40}");
      assertThat(store.sequenceOf(reading(77).leaf())).contains(77L);
      assertThat(store.reading(99)).map(StoredReading::leaf).contains(reading(99).leaf());
      assertThat(store.reading(100)).isEmpty();
    }
  }

  @Test
  void aReadingStoredBeforeKeepsItsFirstPlace() throws Exception {
    try (GatewayStore store = open()) {
      store.append(List.of(reading(1), reading(2))).get();
      List<Appended> again = store.append(List.of(reading(3), reading(2), reading(3))).get();
      assertThat(again)
          .containsExactly(new Appended(2, false), new Appended(1, true), new Appended(2, true));
      assertThat(store.nextSequence()).isEqualTo(3);
    }
  }

  @Test
  void batchesAreFoundByTheSequenceOfAnyOfTheirReadings() {
    try (GatewayStore store = open()) {
      assertThat(store.batchedUpTo()).isZero();
      BatchRow first = new BatchRow(0, 10, new byte[32], 1L, BatchState.SIGNED, 0, new byte[] {1});
      BatchRow second =
          new BatchRow(10, 5, new byte[32], 2L, BatchState.SIGNED, 0, new byte[] {2, 3});
      store.putBatch(first);
      store.putBatch(second);
      store.putBatch(second.withState(BatchState.CONFIRMED, 7));
      assertThat(store.batchedUpTo()).isEqualTo(15);
      assertThat(store.batchHolding(9)).map(BatchRow::firstSequence).contains(0L);
      assertThat(store.batchHolding(10)).map(BatchRow::milestone).contains(7);
      assertThat(store.batchHolding(14))
          .map(BatchRow::transaction)
          .hasValueSatisfying(tx -> assertThat(tx).containsExactly(2, 3));
      assertThat(store.batchHolding(15)).isEmpty();
      assertThat(store.batches(0, 10)).hasSize(2);
    }
  }

  @Test
  void aFullQueueRefusesAtOnceAndAClosedStoreRefusesEverything() {
    GatewayStore store = open();
    store.close();
    store.close();
    assertThatThrownBy(() -> store.tryAppend(List.of(reading(1))))
        .isInstanceOf(GatewayStoreException.class);
  }
}
