package org.tanglenode.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.genesis.Network;

/** Peers added and removed at run time, the lifecycle, and at most one copy per peer. */
class PeersTest {

  private final Network network = TestNetwork.network();

  @Test
  void peersAreAddedAndRemovedAtRunTime() throws Exception {
    try (TestNode a = new TestNode("a", 10, network, c -> c).start();
        TestNode b = new TestNode("b", 11, network, c -> c).start()) {
      b.gossip.addPeer(a.address());
      assertThat(b.gossip.configuredPeers()).containsExactly(a.address());
      await().until(() -> a.peerCount() == 1 && b.peerCount() == 1);
      assertThat(b.gossip.removePeer(a.address())).isTrue();
      await().until(() -> a.peerCount() == 0 && b.peerCount() == 0);
      // For longer than the redial delay: a removed peer is not dialed again.
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> b.peerCount() == 0);
      assertThat(b.gossip.removePeer(a.address())).isFalse();
    }
  }

  @Test
  void aStaticPeerThatIsDownIsDialedUntilItComesUp() {
    TestNode a = new TestNode("a", 10, network, c -> c).start();
    int port = a.address().port();
    a.close();
    try (TestNode b =
        new TestNode(
                "b",
                11,
                network,
                c -> c.staticPeers(java.util.List.of(new PeerAddress("127.0.0.1", port))))
            .start()) {
      try (TestNode again =
          new TestNode(
                  "a-again",
                  TestNetwork.key(10),
                  network,
                  new InMemoryHost(network),
                  c -> c.port(port))
              .start()) {
        await().atMost(Duration.ofSeconds(10)).until(() -> b.peerCount() == 1);
        assertThat(again.peerCount()).isEqualTo(1);
      }
    }
  }

  @Test
  void startsOnceAndClosesAnyNumberOfTimes() {
    TestNode a = new TestNode("a", 10, network, c -> c);
    a.gossip.start();
    assertThatThrownBy(a.gossip::start).isInstanceOf(IllegalStateException.class);
    a.close();
    a.close();
    assertThatThrownBy(a.gossip::start).isInstanceOf(IllegalStateException.class);
    a.gossip.broadcast(new TestChain(network).data().id(), new byte[] {1});
    assertThat(a.gossip.peers()).isEmpty();
    new TestNode("b", 11, network, c -> c).close();
  }

  @Test
  void eachTransactionGoesToEachPeerAtMostOnceAndNeverBack() {
    try (TestNode a = new TestNode("a", 10, network, c -> c).start();
        RawPeer raw = new RawPeer(a.address())) {
      raw.handshakeFully(network.id(), TestNetwork.key(20));
      await().until(() -> a.peerCount() == 1);
      TestChain chain = new TestChain(network);
      Transaction first = chain.data();
      Transaction second = chain.data();
      a.host.issue(first);
      a.gossip.broadcast(first.id(), first.bytes());
      raw.send(new Message.TransactionBytes(second.bytes()));
      await().until(() -> a.host.has(second.id()));
      a.gossip.broadcast(second.id(), second.bytes());
      int transactions = 0;
      long end = System.nanoTime() + 1_000_000_000L;
      while (System.nanoTime() < end) {
        Message message = raw.read().orElseThrow();
        if (message instanceof Message.TransactionBytes tx) {
          assertThat(tx.bytes()).isEqualTo(first.bytes());
          transactions++;
        }
      }
      assertThat(transactions).isEqualTo(1);
    }
  }
}
