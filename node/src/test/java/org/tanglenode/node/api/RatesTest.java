package org.tanglenode.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RatesTest {

  private final AtomicLong nowMs = new AtomicLong(1_000_000);
  private final AtomicLong stored = new AtomicLong();
  private final Clock clock =
      new Clock() {
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
          return Instant.ofEpochMilli(nowMs.get());
        }
      };
  private final Rates rates = new Rates(stored::get, stored::get, () -> 0, clock);

  @Test
  void aFirstLookAfterSamplesShowsTheRateSinceTheOldestSampleInTheWindow() {
    rates.now(); // the periodic sample at t = 0
    for (int second = 1; second <= 4; second++) {
      nowMs.addAndGet(1_000);
      stored.addAndGet(50);
      rates.now();
    }

    Rates.Snapshot seen = rates.now();

    assertThat(seen.storedPerSecond()).isEqualTo(50.0);
    assertThat(seen.confirmedPerSecond()).isZero();
  }

  @Test
  void withoutAnEarlierSampleThereIsNoRateYet() {
    stored.set(500);

    assertThat(rates.now().storedPerSecond()).isZero();
  }
}
