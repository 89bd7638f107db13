package org.tanglenode.node.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.Gossip;
import org.tanglenode.gossip.GossipConfig;
import org.tanglenode.gossip.GossipHost;
import org.tanglenode.gossip.MilestoneIndexes;
import org.tanglenode.gossip.OfferResult;
import org.tanglenode.gossip.PeerAddress;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Network;

/**
 * A load peer: a gossip node in the harness process, with its own key, that connects to the node
 * under test and broadcasts the generated transactions to it, as a neighbour that received them
 * from elsewhere would. It answers the node's requests for them (a child sent before its parent
 * makes the node ask), and keeps at most {@code window} sent but not yet stored on the node, so no
 * frame is dropped at its own write buffer.
 */
final class GossipLoad implements AutoCloseable {

  private final Gossip gossip;
  private final Map<TransactionId, byte[]> known = new HashMap<>();

  GossipLoad(Network network, List<GeneratedTransaction> txs) {
    for (GeneratedTransaction tx : txs) {
      known.put(tx.id(), tx.bytes());
    }
    GossipConfig config =
        GossipConfig.builder()
            .bindHost("127.0.0.1")
            .port(0)
            .maxMessagesPerSecond(1_000_000_000)
            .maxBytesPerSecond(1L << 40)
            .writeBufferLowBytes(8 << 20)
            .writeBufferHighBytes(16 << 20)
            .heartbeatInterval(Duration.ofSeconds(1))
            .build();
    this.gossip =
        new Gossip(
            config,
            network,
            Ed25519PrivateKey.generate(new SecureRandom()),
            new Host(),
            new SimpleMeterRegistry(),
            Clock.systemUTC(),
            new Random());
  }

  /** Starts and connects to the node, waiting until the handshake is done. */
  void connect(String nodeGossipAddress, Duration timeout) {
    gossip.start();
    gossip.addPeer(PeerAddress.parse(nodeGossipAddress));
    long deadline = System.nanoTime() + timeout.toNanos();
    while (gossip.peers().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new BenchFailedException("the load peer could not connect to " + nodeGossipAddress);
      }
      sleep(20);
    }
  }

  /**
   * Broadcasts every transaction in order, keeping at most {@code window} ahead of {@code
   * storedOnNode} (the node's count of the run's transactions stored so far).
   */
  void send(
      List<GeneratedTransaction> txs,
      Map<String, Long> submitted,
      int window,
      LongSupplier storedOnNode) {
    for (int i = 0; i < txs.size(); i++) {
      while (i - storedOnNode.getAsLong() >= window) {
        sleep(1);
      }
      GeneratedTransaction tx = txs.get(i);
      submitted.put(tx.id().toHex(), System.nanoTime());
      gossip.broadcast(tx.id(), tx.bytes());
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailedException("interrupted while sending over gossip");
    }
  }

  @Override
  public void close() {
    gossip.close();
  }

  /** Serves the generated transactions; what the node sends back is only acknowledged. */
  private final class Host implements GossipHost {
    @Override
    public CompletionStage<OfferResult> offer(
        TransactionId id, byte[] bytes, Ed25519PublicKey from) {
      return CompletableFuture.completedFuture(OfferResult.ACCEPTED);
    }

    @Override
    public Optional<byte[]> transaction(TransactionId id) {
      return Optional.ofNullable(known.get(id));
    }

    @Override
    public boolean isKnown(TransactionId id) {
      return known.containsKey(id);
    }

    @Override
    public Optional<byte[]> milestone(int index) {
      return Optional.empty();
    }

    @Override
    public MilestoneIndexes milestoneIndexes() {
      return MilestoneIndexes.NONE;
    }
  }
}
