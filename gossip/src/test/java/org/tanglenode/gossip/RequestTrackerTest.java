package org.tanglenode.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.TestNetwork;

/** Requests are spread over peers, bounded, retried elsewhere after a timeout, and given up. */
class RequestTrackerTest {

  private final LimitsTest.MutableClock clock = new LimitsTest.MutableClock();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final GossipConfig config =
      GossipConfig.builder()
          .maxPendingRequests(5)
          .maxRequestsInFlight(4)
          .maxRequestsInFlightPerPeer(2)
          .requestTimeout(Duration.ofSeconds(1))
          .requestMaxAttempts(3)
          .build();
  private final RequestTracker<Integer> tracker =
      new RequestTracker<>("test", config, clock, meters);
  private final List<EmbeddedChannel> channels = new java.util.ArrayList<>();

  private Peer peer(int seed) {
    EmbeddedChannel channel = new EmbeddedChannel();
    channels.add(channel);
    return new Peer(
        TestNetwork.key(seed).publicKey(),
        new Connection(channel, Direction.OUTBOUND, k -> {}),
        config,
        meters,
        new GossipMetrics(meters),
        new PeerScores(config, clock));
  }

  @AfterEach
  void closeChannels() {
    channels.forEach(EmbeddedChannel::finishAndReleaseAll);
  }

  @Test
  void spreadsOverPeersWithinTheBounds() {
    Peer a = peer(1);
    Peer b = peer(2);
    for (int i = 1; i <= 5; i++) {
      assertThat(tracker.request(i)).isTrue();
    }
    assertThat(tracker.request(6)).isFalse();
    assertThat(meters.get("gossip.requests.test.rejected").counter().count()).isEqualTo(1);
    List<RequestTracker.Send<Integer>> sends = tracker.dispatch(List.of(a, b), (p, k) -> true);
    assertThat(sends).hasSize(4);
    assertThat(sends.stream().filter(s -> s.peer() == a)).hasSize(2);
    assertThat(sends.stream().filter(s -> s.peer() == b)).hasSize(2);
    assertThat(tracker.pendingCount()).isEqualTo(1);
    assertThat(tracker.received(sends.get(0).key())).isTrue();
    assertThat(tracker.dispatch(List.of(a, b), (p, k) -> true)).hasSize(1);
  }

  @Test
  void aTimedOutRequestGoesToAnotherPeerThenIsGivenUp() {
    Peer a = peer(1);
    Peer b = peer(2);
    tracker.request(7);
    RequestTracker.Send<Integer> first = tracker.dispatch(List.of(a, b), (p, k) -> true).get(0);
    clock.advance(Duration.ofMillis(1001));
    RequestTracker.Send<Integer> second = tracker.dispatch(List.of(a, b), (p, k) -> true).get(0);
    assertThat(second.peer()).isNotSameAs(first.peer());
    clock.advance(Duration.ofMillis(1001));
    assertThat(tracker.dispatch(List.of(a, b), (p, k) -> true)).hasSize(1);
    clock.advance(Duration.ofMillis(1001));
    assertThat(tracker.dispatch(List.of(a, b), (p, k) -> true)).isEmpty();
    assertThat(meters.get("gossip.requests.test.abandoned").counter().count()).isEqualTo(1);
  }

  @Test
  void notFoundMovesOnAtOnceAndOnlyServingPeersAreAsked() {
    Peer a = peer(1);
    Peer b = peer(2);
    tracker.request(9);
    List<RequestTracker.Send<Integer>> sends = tracker.dispatch(List.of(a, b), (p, k) -> p == a);
    assertThat(sends).extracting(RequestTracker.Send::peer).containsExactly(a);
    tracker.notFound(9, a.key());
    assertThat(tracker.dispatch(List.of(a, b), (p, k) -> true))
        .extracting(RequestTracker.Send::peer)
        .containsExactly(b);
  }

  @Test
  void aGonePeersRequestsAreQueuedAgain() {
    Peer a = peer(1);
    tracker.request(1);
    tracker.dispatch(List.of(a), (p, k) -> true);
    assertThat(tracker.inFlightCount()).isEqualTo(1);
    tracker.peerGone(a.key());
    assertThat(tracker.inFlightCount()).isZero();
    assertThat(tracker.pendingCount()).isEqualTo(1);
  }

  @Test
  void anAnsweredKeyIsNotAskedAgainForATimeout() {
    tracker.request(3);
    tracker.received(3);
    tracker.request(3);
    assertThat(tracker.pendingCount()).isZero();
    clock.advance(Duration.ofMillis(1001));
    tracker.request(3);
    assertThat(tracker.pendingCount()).isEqualTo(1);
  }
}
