package org.tanglenode.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.gossip.wire.RefusalCode;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.genesis.Network;

/** Each handshake refusal over real loopback sockets, and the handshake that succeeds. */
class HandshakeTest {

  private final Network network = TestNetwork.network();

  @Test
  void twoNodesProveTheirKeysToEachOther() {
    try (GossipCluster cluster = new GossipCluster()) {
      cluster.startNodes(2);
      cluster.connect(1, 0);
      cluster.awaitPeers(1, 1);
      TestNode a = cluster.nodes.get(0);
      TestNode b = cluster.nodes.get(1);
      assertThat(a.gossip.peers().get(0).key()).isEqualTo(b.key.publicKey());
      assertThat(a.gossip.peers().get(0).direction()).isEqualTo(Direction.INBOUND);
      assertThat(b.gossip.peers().get(0).key()).isEqualTo(a.key.publicKey());
      assertThat(b.gossip.peers().get(0).direction()).isEqualTo(Direction.OUTBOUND);
    }
  }

  @Test
  void aPeerOnAnotherNetworkIsRefused() {
    Network other = TestNetwork.network(1);
    try (TestNode a = new TestNode("a", 10, network, b -> b).start();
        TestNode b = new TestNode("b", 11, other, c -> c).start()) {
      b.gossip.addPeer(a.address());
      org.awaitility.Awaitility.await()
          .until(() -> a.counter("gossip.refusals.sent", "code", "WRONG_NETWORK") > 0);
      // Each side reads the other's Hello first and refuses it; whichever closes first may never
      // read the other's refusal, so B either was told or saw for itself that A is elsewhere.
      org.awaitility.Awaitility.await()
          .until(
              () ->
                  b.counter("gossip.refusals.received", "code", "WRONG_NETWORK")
                          + b.counter("gossip.refusals.sent", "code", "WRONG_NETWORK")
                      > 0);
      assertThat(a.peerCount()).isZero();
      assertThat(b.peerCount()).isZero();
    }
  }

  @Test
  void aKeyNotOnTheAllowListIsRefused() {
    TestNode allowed = new TestNode("allowed", 12, network, b -> b).start();
    try (allowed;
        TestNode a =
            new TestNode(
                    "a",
                    10,
                    network,
                    b -> b.allowList(AllowList.of(Set.of(allowed.key.publicKey()))))
                .start();
        TestNode stranger = new TestNode("stranger", 11, network, b -> b).start()) {
      stranger.gossip.addPeer(a.address());
      allowed.gossip.addPeer(a.address());
      org.awaitility.Awaitility.await().until(() -> a.peerCount() == 1);
      org.awaitility.Awaitility.await()
          .until(() -> stranger.counter("gossip.refusals.received", "code", "NOT_ALLOWED") > 0);
      assertThat(a.gossip.peers().get(0).key()).isEqualTo(allowed.key.publicKey());
      assertThat(stranger.peerCount()).isZero();
    }
  }

  @Test
  void anIncompatibleVersionIsRefused() {
    try (TestNode a = new TestNode("a", 10, network, b -> b).start();
        RawPeer raw = new RawPeer(a.address())) {
      raw.handshake(network.id(), TestNetwork.key(20), Gossip.PROTOCOL_VERSION + 1, false);
      assertThat(raw.awaitRefusal())
          .get()
          .extracting(Message.Refusal::code)
          .isEqualTo(RefusalCode.INCOMPATIBLE_VERSION);
      assertThat(raw.closedByNode()).isTrue();
    }
  }

  @Test
  void aBadSignatureIsRefused() {
    try (TestNode a = new TestNode("a", 10, network, b -> b).start();
        RawPeer raw = new RawPeer(a.address())) {
      raw.handshake(network.id(), TestNetwork.key(20), Gossip.PROTOCOL_VERSION, true);
      assertThat(raw.awaitRefusal())
          .get()
          .extracting(Message.Refusal::code)
          .isEqualTo(RefusalCode.BAD_SIGNATURE);
      assertThat(raw.closedByNode()).isTrue();
      assertThat(a.peerCount()).isZero();
    }
  }

  @Test
  void aSignatureForAnotherNodeCannotBeReplayed() {
    // The ack signs the node's own challenge and both keys: a valid signature by key 20 over a
    // transcript naming another verifier does not open a session.
    try (TestNode a = new TestNode("a", 10, network, b -> b).start();
        RawPeer raw = new RawPeer(a.address())) {
      byte[] challenge = new byte[32];
      raw.send(
          new Message.Hello(
              network.id(), Gossip.PROTOCOL_VERSION, TestNetwork.key(20).publicKey(), challenge));
      Message.Hello hello = (Message.Hello) raw.read().orElseThrow();
      byte[] wrongVerifier =
          HandshakeTranscript.bytes(
              network.id(),
              TestNetwork.key(20).publicKey(),
              TestNetwork.key(21).publicKey(),
              hello.challenge(),
              challenge);
      raw.send(new Message.HelloAck(TestNetwork.key(20).sign(wrongVerifier)));
      assertThat(raw.awaitRefusal())
          .get()
          .extracting(Message.Refusal::code)
          .isEqualTo(RefusalCode.BAD_SIGNATURE);
    }
  }

  @Test
  void aMessageBeforeTheHandshakeIsAProtocolViolation() {
    try (TestNode a = new TestNode("a", 10, network, b -> b).start();
        RawPeer raw = new RawPeer(a.address())) {
      raw.send(new Message.Heartbeat(1, 1, 1));
      assertThat(raw.awaitRefusal())
          .get()
          .extracting(Message.Refusal::code)
          .isEqualTo(RefusalCode.PROTOCOL_VIOLATION);
    }
  }

  @Test
  void aNodeDoesNotConnectToItself() {
    try (TestNode a = new TestNode("a", 10, network, b -> b).start();
        RawPeer raw = new RawPeer(a.address())) {
      raw.handshake(network.id(), a.key, Gossip.PROTOCOL_VERSION, false);
      assertThat(raw.awaitRefusal())
          .get()
          .extracting(Message.Refusal::code)
          .isEqualTo(RefusalCode.SELF);
    }
  }

  @Test
  void inboundConnectionsAboveTheMaximumAreRefused() {
    try (TestNode a = new TestNode("a", 10, network, b -> b.maxInboundPeers(1)).start();
        RawPeer first = new RawPeer(a.address());
        RawPeer second = new RawPeer(a.address())) {
      first.handshakeFully(network.id(), TestNetwork.key(20));
      assertThat(second.awaitRefusal())
          .get()
          .extracting(Message.Refusal::code)
          .isEqualTo(RefusalCode.TOO_MANY_PEERS);
      org.awaitility.Awaitility.await().until(() -> a.peerCount() == 1);
    }
  }

  /** Connections that have not finished the handshake are bounded per address and in total. */
  @Nested
  class UnauthenticatedConnections {

    private static final String FLOODER = "127.0.0.1";
    private static final String HONEST = "127.0.0.2";

    @Test
    void oneAddressCannotHoldMoreThanItsShareAndOthersStillGetIn() {
      try (TestNode a =
          new TestNode("a", 10, network, b -> b.maxHandshaking(6).maxHandshakingPerAddress(3))
              .start()) {
        List<RawPeer> silent = new ArrayList<>();
        try {
          for (int i = 0; i < 3; i++) {
            silent.add(connectFrom(a, FLOODER));
          }
          await().until(() -> a.gauge("gossip.inbound.handshaking") == 3);
          try (RawPeer fourth = connectFrom(a, FLOODER)) {
            assertThat(fourth.awaitRefusal())
                .get()
                .satisfies(
                    refusal -> {
                      assertThat(refusal.code()).isEqualTo(RefusalCode.TOO_MANY_PEERS);
                      assertThat(refusal.message()).contains("from your address");
                    });
          }
          try (RawPeer honest = connectFrom(a, HONEST)) {
            honest.handshakeFully(network.id(), TestNetwork.key(21));
            await().until(() -> a.peerCount() == 1);
          }
        } finally {
          silent.forEach(RawPeer::close);
        }
      }
    }

    @Test
    void theTotalIsBoundedOverAllAddresses() {
      try (TestNode a =
              new TestNode("a", 10, network, b -> b.maxHandshaking(2).maxHandshakingPerAddress(2))
                  .start();
          RawPeer first = connectFrom(a, FLOODER);
          RawPeer second = connectFrom(a, "127.0.0.3")) {
        await().until(() -> a.gauge("gossip.inbound.handshaking") == 2);
        try (RawPeer third = connectFrom(a, HONEST)) {
          assertThat(third.awaitRefusal())
              .get()
              .satisfies(
                  refusal -> {
                    assertThat(refusal.code()).isEqualTo(RefusalCode.TOO_MANY_PEERS);
                    assertThat(refusal.message()).contains("handshaking");
                  });
        }
      }
    }

    @Test
    void aFinishedHandshakeOrAClosedConnectionGivesItsPlaceBack() {
      try (TestNode a =
          new TestNode("a", 10, network, b -> b.maxHandshaking(1).maxHandshakingPerAddress(1))
              .start()) {
        // Three peers in turn from one address: each place is given back once the handshake is
        // done, so the next one is admitted although the bound is one.
        List<RawPeer> peers = new ArrayList<>();
        try {
          for (int i = 0; i < 3; i++) {
            RawPeer peer = connectFrom(a, FLOODER);
            peers.add(peer);
            peer.handshakeFully(network.id(), TestNetwork.key(30 + i));
            int established = i + 1;
            await().until(() -> a.peerCount() == established);
          }
          assertThat(a.gauge("gossip.inbound.handshaking")).isZero();
        } finally {
          peers.forEach(RawPeer::close);
        }
        // A connection that closes before its handshake also gives its place back.
        connectFrom(a, FLOODER).close();
        await().until(() -> a.gauge("gossip.inbound.handshaking") == 0);
        try (RawPeer next = connectFrom(a, FLOODER)) {
          next.handshakeFully(network.id(), TestNetwork.key(40));
        }
      }
    }

    @Test
    void limitsThatCannotWorkAreRefused() {
      assertThatThrownBy(
              () -> GossipConfig.builder().maxHandshaking(2).maxHandshakingPerAddress(3).build())
          .isInstanceOf(InvalidGossipConfigException.class)
          .hasMessageContaining("maxHandshakingPerAddress");
      assertThatThrownBy(() -> GossipConfig.builder().maxHandshaking(0).build())
          .isInstanceOf(InvalidGossipConfigException.class)
          .hasMessageContaining("maxHandshaking");
    }

    private RawPeer connectFrom(TestNode node, String from) {
      return new RawPeer(node.address(), 0, from);
    }
  }

  @Test
  void aSilentPeerTimesOutInTheHandshake() {
    try (TestNode a =
            new TestNode(
                    "a", 10, network, b -> b.handshakeTimeout(java.time.Duration.ofMillis(300)))
                .start();
        RawPeer raw = new RawPeer(a.address())) {
      assertThat(raw.awaitRefusal())
          .get()
          .extracting(Message.Refusal::code)
          .isEqualTo(RefusalCode.TIMEOUT);
    }
  }
}
