package org.tanglenode.consensus.tipselection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tanglenode.consensus.tipselection.TangleFixture.id;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.TransactionId;

class TipPoolTest {

  @Test
  void addAndRemoveReportWhetherTheyChangedThePool() {
    TipPool pool = new TipPool();

    assertThat(pool.add(id("a"))).isTrue();
    assertThat(pool.add(id("a"))).isFalse();
    assertThat(pool.add(id("b"))).isTrue();
    assertThat(pool.remove(id("c"))).isFalse();
    assertThat(pool.remove(id("a"))).isTrue();

    assertThat(pool.snapshot()).containsExactly(id("b"));
    assertThat(pool.contains(id("a"))).isFalse();
    assertThatThrownBy(() -> pool.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void staysEqualToASetUnderRandomAddsRemovesAndSwaps() {
    SplittableRandom random = new SplittableRandom(7);
    TipPool pool = new TipPool();
    Set<TransactionId> reference = new HashSet<>();
    List<TransactionId> universe = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      universe.add(id("tx" + i));
    }
    for (int step = 0; step < 20_000; step++) {
      TransactionId id = universe.get(random.nextInt(universe.size()));
      switch (random.nextInt(4)) {
        case 0 -> assertThat(pool.add(id)).isEqualTo(reference.add(id));
        case 1 -> assertThat(pool.remove(id)).isEqualTo(reference.remove(id));
        case 2 -> {
          if (pool.size() > 0) {
            int position = random.nextInt(pool.size());
            reference.remove(pool.get(position));
            pool.removeAt(position);
          }
        }
        default -> {
          if (pool.size() > 0) {
            pool.swap(random.nextInt(pool.size()), random.nextInt(pool.size()));
          }
        }
      }
      assertThat(pool.size()).isEqualTo(reference.size());
    }
    assertThat(new HashSet<>(pool.snapshot())).isEqualTo(reference);
    // Removing every id by id empties the pool only if the index map agrees with the positions.
    for (TransactionId id : new ArrayList<>(reference)) {
      assertThat(pool.remove(id)).isTrue();
    }
    assertThat(pool.size()).isZero();
  }
}
