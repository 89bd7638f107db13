package org.tanglenode.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Network;

/** When the node's ingest queue is full, reading from the peer pauses; nothing is lost. */
class BackpressureTest {

  /** A host whose ingest queue is full while {@code full} is set. */
  private static final class GatedHost implements GossipHost {
    final InMemoryHost inner;
    volatile boolean full = true;
    final AtomicInteger refused = new AtomicInteger();

    GatedHost(InMemoryHost inner) {
      this.inner = inner;
    }

    @Override
    public CompletionStage<OfferResult> offer(
        TransactionId id, byte[] bytes, Ed25519PublicKey from) {
      if (full) {
        refused.incrementAndGet();
        return CompletableFuture.completedFuture(OfferResult.QUEUE_FULL);
      }
      return inner.offer(id, bytes, from);
    }

    @Override
    public Optional<byte[]> transaction(TransactionId id) {
      return inner.transaction(id);
    }

    @Override
    public boolean isKnown(TransactionId id) {
      return inner.isKnown(id);
    }

    @Override
    public Optional<byte[]> milestone(int index) {
      return inner.milestone(index);
    }

    @Override
    public MilestoneIndexes milestoneIndexes() {
      return inner.milestoneIndexes();
    }
  }

  @Test
  void aFullIngestQueuePausesReadingAndLosesNothing() throws Exception {
    Network network = TestNetwork.network();
    GatedHost host = new GatedHost(new InMemoryHost(network));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    GossipConfig config =
        TestNode.testConfig().maxPendingOffersPerPeer(8).maxParkedPerPeer(8).build();
    Ed25519PrivateKey senderKey = TestNetwork.key(30);
    TestChain chain = new TestChain(network);
    for (int i = 0; i < 400; i++) {
      chain.data(200);
    }
    try (Gossip gossip =
        new Gossip(
            config, network, TestNetwork.key(10), host, meters, Clock.systemUTC(), new Random(1))) {
      gossip.start();
      host.inner.attach(gossip);
      try (RawPeer raw =
          new RawPeer(new PeerAddress("127.0.0.1", gossip.localAddress().getPort()))) {
        raw.handshakeFully(network.id(), senderKey);
        Thread sender =
            new Thread(
                () -> {
                  for (var tx : chain.all()) {
                    raw.send(new Message.TransactionBytes(tx.bytes()));
                  }
                });
        sender.setDaemon(true);
        sender.start();
        String tag = Peer.shortId(senderKey.publicKey());
        DoubleSupplier framesReceived =
            () ->
                meters
                    .get("gossip.peer.frames.received")
                    .tag("peer", tag)
                    .functionCounter()
                    .count();
        await().atMost(Duration.ofSeconds(20)).until(() -> host.refused.get() > 0);
        // Reading stopped once the parked queue filled: a handful of frames, not 400, and it
        // stays so while the host keeps refusing.
        await()
            .during(Duration.ofSeconds(1))
            .atMost(Duration.ofSeconds(5))
            .until(() -> framesReceived.getAsDouble() <= config.maxParkedPerPeer() + 2);
        assertThat(meters.get("gossip.ingest.parked.dropped").counter().count()).isZero();
        host.full = false;
        await().atMost(Duration.ofSeconds(20)).until(() -> host.inner.hasAll(chain.ids()));
      }
    }
  }
}
