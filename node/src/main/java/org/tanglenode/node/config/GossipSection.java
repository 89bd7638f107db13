package org.tanglenode.node.config;

import static org.tanglenode.node.config.ConfigException.check;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.AllowList;
import org.tanglenode.gossip.GossipConfig;
import org.tanglenode.gossip.PeerAddress;
import org.tanglenode.gossip.TlsConfig;

/**
 * The {@code gossip} section; see {@link Settings}. Limits not listed here keep {@link
 * GossipConfig}'s defaults (docs/gossip.md).
 */
public record GossipSection(
    String bindHost,
    int port,
    List<String> peers,
    boolean allowListEnabled,
    List<String> allowList,
    boolean tlsEnabled,
    String tlsCertificateChain,
    String tlsPrivateKey,
    int ioThreads,
    int workerThreads,
    int maxInboundPeers,
    int maxMessagesPerSecond,
    long maxBytesPerSecond,
    long maxFrameBytes,
    int heartbeatIntervalMs,
    int idleTimeoutMs,
    int banScore,
    int banDurationMs,
    int maxPendingOffersPerPeer) {

  public GossipSection {
    peers = List.copyOf(peers);
    allowList = List.copyOf(allowList);
    check(!bindHost.isBlank(), "gossip.bindHost", "must not be empty");
    check(port >= 0 && port <= 65_535, "gossip.port", "must be 0 to 65535, not " + port);
    for (String peer : peers) {
      parse("gossip.peers", peer, PeerAddress::parse);
    }
    for (String key : allowList) {
      parse("gossip.allowList", key, Ed25519PublicKey::fromHex);
    }
    check(
        !allowListEnabled || !allowList.isEmpty(),
        "gossip.allowList",
        "is empty while gossip.allowListEnabled is true: no peer could connect");
    check(
        !tlsEnabled || !tlsCertificateChain.isEmpty(),
        "gossip.tlsCertificateChain",
        "is needed when gossip.tlsEnabled is true");
    check(
        !tlsEnabled || !tlsPrivateKey.isEmpty(),
        "gossip.tlsPrivateKey",
        "is needed when gossip.tlsEnabled is true");
    check(ioThreads >= 1, "gossip.ioThreads", "must be at least 1");
    check(workerThreads >= 1, "gossip.workerThreads", "must be at least 1");
    check(maxInboundPeers >= 1, "gossip.maxInboundPeers", "must be at least 1");
    check(maxMessagesPerSecond >= 1, "gossip.maxMessagesPerSecond", "must be at least 1");
    check(maxBytesPerSecond >= 1024, "gossip.maxBytesPerSecond", "must be at least 1024");
    check(
        maxFrameBytes >= 256 && maxFrameBytes <= 16 << 20,
        "gossip.maxFrameBytes",
        "must be 256 to 16777216, not " + maxFrameBytes);
    check(heartbeatIntervalMs >= 10, "gossip.heartbeatIntervalMs", "must be at least 10");
    check(
        idleTimeoutMs > heartbeatIntervalMs,
        "gossip.idleTimeoutMs",
        "must exceed gossip.heartbeatIntervalMs");
    check(banScore >= 1, "gossip.banScore", "must be at least 1");
    check(banDurationMs >= 1, "gossip.banDurationMs", "must be at least 1");
    check(maxPendingOffersPerPeer >= 1, "gossip.maxPendingOffersPerPeer", "must be at least 1");
  }

  private static <T> T parse(String key, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key + ": '" + text + "' is not valid: " + e.getMessage(), e);
    }
  }

  /** Gossip's own configuration; TLS file names are resolved by {@code paths}. */
  public GossipConfig toGossipConfig(Function<String, java.nio.file.Path> paths) {
    Set<Ed25519PublicKey> keys = new LinkedHashSet<>();
    allowList.forEach(k -> keys.add(Ed25519PublicKey.fromHex(k)));
    return GossipConfig.builder()
        .bindHost(bindHost)
        .port(port)
        .staticPeers(peers.stream().map(PeerAddress::parse).toList())
        .allowList(allowListEnabled ? AllowList.of(keys) : AllowList.ANY)
        .tls(
            tlsEnabled
                ? TlsConfig.enabled(paths.apply(tlsCertificateChain), paths.apply(tlsPrivateKey))
                : TlsConfig.DISABLED)
        .ioThreads(ioThreads)
        .workerThreads(workerThreads)
        .maxInboundPeers(maxInboundPeers)
        .maxMessagesPerSecond(maxMessagesPerSecond)
        .maxBytesPerSecond(maxBytesPerSecond)
        .maxFrameBytes((int) maxFrameBytes)
        .heartbeatInterval(Duration.ofMillis(heartbeatIntervalMs))
        .idleTimeout(Duration.ofMillis(idleTimeoutMs))
        .banScore(banScore)
        .banDuration(Duration.ofMillis(banDurationMs))
        .maxPendingOffersPerPeer(maxPendingOffersPerPeer)
        .maxParkedPerPeer(Math.max(64, maxPendingOffersPerPeer))
        .build();
  }
}
