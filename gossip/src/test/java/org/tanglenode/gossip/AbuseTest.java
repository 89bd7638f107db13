package org.tanglenode.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.gossip.wire.RefusalCode;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.genesis.Network;

/**
 * Misbehaving peers over loopback: each is dealt with (closed, slowed, banned, dropped) while an
 * honest peer of the same node keeps being served.
 */
class AbuseTest {

  private final Network network = TestNetwork.network();

  /** Asserts that a transaction issued on {@code a} still reaches the honest {@code b}. */
  private void honestPeerIsServed(TestNode a, TestNode b, TestChain chain) {
    Transaction tx = chain.data();
    a.host.issue(tx);
    await("the honest peer is served")
        .atMost(Duration.ofSeconds(10))
        .until(() -> b.host.has(tx.id()));
  }

  private TestNode[] pair(java.util.function.UnaryOperator<GossipConfig.Builder> tweak) {
    TestNode a = new TestNode("a", 10, network, tweak).start();
    TestNode b = new TestNode("b", 11, network, x -> x).start();
    b.gossip.addPeer(a.address());
    await().until(() -> a.peerCount() == 1 && b.peerCount() == 1);
    return new TestNode[] {a, b};
  }

  @Test
  void anOversizedFrameClosesThatPeerOnly() {
    TestNode[] nodes = pair(c -> c);
    try (TestNode a = nodes[0];
        TestNode b = nodes[1];
        RawPeer raw = new RawPeer(a.address())) {
      raw.handshakeFully(network.id(), TestNetwork.key(20));
      await().until(() -> a.peerCount() == 2);
      raw.sendRaw(new byte[] {0x00, 0x10, 0x00, 0x01}); // 1 MiB + 1 announced
      assertThat(raw.awaitRefusal())
          .get()
          .extracting(Message.Refusal::code)
          .isEqualTo(RefusalCode.PROTOCOL_VIOLATION);
      await().until(() -> a.peerCount() == 1);
      assertThat(a.counter("gossip.frames.oversized")).isEqualTo(1);
      honestPeerIsServed(a, b, new TestChain(network));
    }
  }

  @Test
  void garbageClosesThatConnectionOnly() {
    TestNode[] nodes = pair(c -> c);
    try (TestNode a = nodes[0];
        TestNode b = nodes[1];
        RawPeer raw = new RawPeer(a.address())) {
      raw.sendRaw(
          new byte[] {0, 0, 0, 6, (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 1, 2});
      assertThat(raw.awaitRefusal())
          .get()
          .extracting(Message.Refusal::code)
          .isEqualTo(RefusalCode.PROTOCOL_VIOLATION);
      assertThat(raw.closedByNode()).isTrue();
      assertThat(a.counter("gossip.frames.undecodable")).isEqualTo(1);
      honestPeerIsServed(a, b, new TestChain(network));
    }
  }

  @Test
  void invalidTransactionsGetAPeerBannedAndItStaysRefused() {
    TestNode[] nodes = pair(c -> c.invalidTransactionPenalty(25).banScore(100));
    Ed25519PrivateKey rogue = TestNetwork.key(21);
    try (TestNode a = nodes[0];
        TestNode b = nodes[1];
        RawPeer raw = new RawPeer(a.address())) {
      raw.handshakeFully(network.id(), rogue);
      TestChain chain = new TestChain(network);
      // Four reach the ban score but for the little forgiven meanwhile; the fifth bans.
      for (int i = 0; i < 5; i++) {
        byte[] bytes = chain.data().bytes();
        bytes[bytes.length - 1] ^= 1; // breaks the signature
        raw.send(new Message.TransactionBytes(bytes));
      }
      assertThat(raw.awaitRefusal())
          .get()
          .extracting(Message.Refusal::code)
          .isEqualTo(RefusalCode.BANNED);
      assertThat(a.counter("gossip.bans")).isEqualTo(1);
      try (RawPeer again = new RawPeer(a.address())) {
        again.handshake(network.id(), rogue, Gossip.PROTOCOL_VERSION, false);
        assertThat(again.awaitRefusal())
            .get()
            .extracting(Message.Refusal::code)
            .isEqualTo(RefusalCode.BANNED);
      }
      honestPeerIsServed(a, b, new TestChain(network));
    }
  }

  @Test
  void aFloodAboveTheRateLimitIsSlowedWhileOthersAreServed() throws Exception {
    int rate = 100;
    TestNode[] nodes = pair(c -> c.maxMessagesPerSecond(rate));
    Ed25519PrivateKey flooderKey = TestNetwork.key(22);
    TestChain flood = new TestChain(network);
    List<byte[]> transactions = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      transactions.add(flood.data().bytes());
    }
    AtomicBoolean stop = new AtomicBoolean();
    try (TestNode a = nodes[0];
        TestNode b = nodes[1];
        RawPeer raw = new RawPeer(a.address())) {
      raw.handshakeFully(network.id(), flooderKey);
      Thread flooder =
          new Thread(
              () -> {
                try {
                  for (byte[] tx : transactions) {
                    if (stop.get()) {
                      return;
                    }
                    raw.send(new Message.TransactionBytes(tx));
                  }
                } catch (RuntimeException e) {
                  // the socket closed: the test is over
                }
              });
      long start = System.nanoTime();
      flooder.start();
      // The limit has bitten once the node counts a limited frame; the honest peer is served
      // while the flood goes on.
      await().atMost(Duration.ofSeconds(20)).until(() -> a.counter("gossip.rate.limited") > 0);
      honestPeerIsServed(a, b, new TestChain(network));
      double seconds = (System.nanoTime() - start) / 1e9;
      double frames =
          a.meters
              .get("gossip.peer.frames.received")
              .tag("peer", Peer.shortId(flooderKey.publicKey()))
              .functionCounter()
              .count();
      // A one-second burst, then the rate; a little slack for the frames in flight.
      assertThat(frames).isLessThan(rate + rate * seconds * 1.2 + 20);
      assertThat(frames).isGreaterThan(rate);
      assertThat(a.counter("gossip.rate.limited")).isPositive();
      stop.set(true);
    }
  }

  @Test
  void aPeerThatStopsReadingIsDroppedWithoutGrowingMemory() {
    int high = 64 << 10;
    TestNode[] nodes =
        pair(
            c ->
                c.writeBufferLowBytes(32 << 10)
                    .writeBufferHighBytes(high)
                    .stalledWriteTimeout(Duration.ofSeconds(2)));
    Ed25519PrivateKey sluggardKey = TestNetwork.key(23);
    TestChain chain = new TestChain(network);
    List<Transaction> transactions = new ArrayList<>();
    for (int i = 0; i < 6000; i++) {
      transactions.add(chain.data(1000));
    }
    try (TestNode a = nodes[0];
        TestNode b = nodes[1];
        RawPeer sluggard = new RawPeer(a.address(), 4096)) {
      sluggard.handshakeFully(network.id(), sluggardKey);
      await().until(() -> a.peerCount() == 2);
      String tag = Peer.shortId(sluggardKey.publicKey());
      AtomicLong maxPending = new AtomicLong();
      for (Transaction tx : transactions) {
        a.host.issue(tx);
        var gauge = a.meters.find("gossip.peer.write.pending.bytes").tag("peer", tag).gauge();
        if (gauge != null) {
          maxPending.accumulateAndGet((long) gauge.value(), Math::max);
        }
      }
      // Gossip stopped writing at the high mark: at most one frame above it was queued.
      assertThat(maxPending.get()).isBetween(high / 2L, high + 2048L);
      assertThat(a.counter("gossip.writes.dropped")).isPositive();
      // The honest peer got everything; the one that stopped reading is disconnected.
      await().atMost(Duration.ofSeconds(20)).until(() -> b.host.hasAll(chain.ids()));
      await().atMost(Duration.ofSeconds(10)).until(() -> a.peerCount() == 1);
      assertThat(a.gossip.peers().get(0).key()).isEqualTo(b.key.publicKey());
    }
  }
}
