package org.tanglenode.gossip;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.genesis.Network;

/** One gossip node for tests: an {@link InMemoryHost}, a gossip service on 127.0.0.1 port 0. */
final class TestNode implements AutoCloseable {

  final String name;
  final Ed25519PrivateKey key;
  final InMemoryHost host;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final GossipConfig config;
  final Gossip gossip;

  /** Short timers so tests run quickly. */
  static GossipConfig.Builder testConfig() {
    return GossipConfig.builder()
        .bindHost("127.0.0.1")
        .port(0)
        .ioThreads(1)
        .workerThreads(1)
        .heartbeatInterval(Duration.ofMillis(200))
        .idleTimeout(Duration.ofSeconds(5))
        .reconnectInitialDelay(Duration.ofMillis(100))
        .reconnectMaxDelay(Duration.ofMillis(800))
        .requestTimeout(Duration.ofMillis(500))
        .requestTick(Duration.ofMillis(50))
        .handshakeTimeout(Duration.ofSeconds(3));
  }

  TestNode(String name, int keySeed, Network network, UnaryOperator<GossipConfig.Builder> tweak) {
    this(name, TestNetwork.key(keySeed), network, new InMemoryHost(network), tweak);
  }

  TestNode(
      String name,
      Ed25519PrivateKey key,
      Network network,
      InMemoryHost host,
      UnaryOperator<GossipConfig.Builder> tweak) {
    this.name = name;
    this.key = key;
    this.host = host;
    this.config = tweak.apply(testConfig()).build();
    this.gossip =
        new Gossip(
            config, network, key, host, meters, Clock.systemUTC(), new Random(key.hashCode()));
    host.attach(gossip);
  }

  TestNode start() {
    gossip.start();
    return this;
  }

  PeerAddress address() {
    return new PeerAddress("127.0.0.1", gossip.localAddress().getPort());
  }

  double counter(String name, String... tags) {
    Counter counter = meters.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  double gauge(String name) {
    io.micrometer.core.instrument.Gauge gauge = meters.find(name).gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  int peerCount() {
    return gossip.peers().size();
  }

  String describe() {
    return name
        + " key="
        + key.publicKey().toHex().substring(0, 8)
        + " txs="
        + host.size()
        + " "
        + gossip.syncStatus()
        + " peers="
        + gossip.peers().stream().map(p -> p.key().toHex().substring(0, 8)).toList();
  }

  @Override
  public void close() {
    try {
      gossip.close();
    } finally {
      host.close();
    }
  }
}
