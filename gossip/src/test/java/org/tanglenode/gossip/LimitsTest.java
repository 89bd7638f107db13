package org.tanglenode.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.TransactionId;

/** The plain classes behind the limits: backoff, token bucket, scores, seen filter, config. */
class LimitsTest {

  @Test
  void backoffDoublesUpToItsMaximumWithinTheJitter() {
    Backoff backoff =
        new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), 0.2, new Random(1));
    for (int failures = 0; failures < 80; failures++) {
      long expected = Math.min(10_000, failures < 20 ? 100L << failures : 10_000);
      long delay = backoff.delay(failures).toMillis();
      assertThat(delay).isBetween((long) (expected * 0.8), (long) Math.ceil(expected * 1.2));
    }
  }

  @Test
  void backoffJitterSpreadsDelays() {
    Backoff backoff =
        new Backoff(Duration.ofMillis(1000), Duration.ofSeconds(10), 0.5, new Random(2));
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 200; i++) {
      long d = backoff.delay(0).toMillis();
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    assertThat(max - min).isGreaterThan(500);
  }

  @Test
  void tokenBucketAllowsABurstThenSaysHowLongToWait() {
    TokenBucket bucket = new TokenBucket(100, 100, 0);
    for (int i = 0; i < 100; i++) {
      assertThat(bucket.take(1, 0)).isZero();
    }
    assertThat(bucket.take(1, 0)).isEqualTo(10);
    assertThat(bucket.take(1, 20)).isZero();
    assertThat(bucket.take(50, 20)).isEqualTo(500);
  }

  @Test
  void scoresBanAtTheThresholdAndDecay() {
    MutableClock clock = new MutableClock();
    GossipConfig config =
        GossipConfig.builder()
            .banScore(100)
            .scoreDecayPerMinute(60)
            .banDuration(Duration.ofMinutes(1))
            .build();
    PeerScores scores = new PeerScores(config, clock);
    var key = TestNetwork.key(1).publicKey();
    assertThat(scores.penalize(key, 60)).isFalse();
    clock.advance(Duration.ofSeconds(30));
    assertThat(scores.score(key)).isEqualTo(30);
    assertThat(scores.penalize(key, 60)).isFalse();
    assertThat(scores.penalize(key, 10)).isTrue();
    assertThat(scores.isBanned(key)).isTrue();
    clock.advance(Duration.ofMinutes(1).plusMillis(1));
    assertThat(scores.isBanned(key)).isFalse();
  }

  @Test
  void theSeenFilterForgetsTheOldestFirst() {
    SeenFilter seen = new SeenFilter(3);
    TransactionId[] ids = new TransactionId[5];
    for (int i = 0; i < 5; i++) {
      ids[i] = TransactionId.of(new byte[] {(byte) i});
      assertThat(seen.add(ids[i])).isTrue();
    }
    assertThat(seen.size()).isEqualTo(3);
    assertThat(seen.contains(ids[0])).isFalse();
    assertThat(seen.contains(ids[4])).isTrue();
    assertThat(seen.add(ids[4])).isFalse();
  }

  @Test
  void configRefusesNonsense() {
    assertThatThrownBy(() -> GossipConfig.builder().maxFrameBytes(10).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> GossipConfig.builder().writeBufferLowBytes(100).writeBufferHighBytes(50).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> GossipConfig.builder().heartbeatInterval(Duration.ofSeconds(30)).build())
        .isInstanceOf(IllegalArgumentException.class);
    GossipConfig defaults = GossipConfig.defaults();
    assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
    assertThat(defaults.tls().enabled()).isFalse();
    assertThat(PeerAddress.parse("[::1]:15600")).isEqualTo(new PeerAddress("::1", 15600));
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
