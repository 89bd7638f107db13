package org.tanglenode.node.config;

import static org.tanglenode.node.config.ConfigException.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.AllowList;
import org.tanglenode.gossip.GossipConfig;
import org.tanglenode.gossip.InvalidGossipConfigException;
import org.tanglenode.gossip.PeerAddress;
import org.tanglenode.gossip.TlsConfig;

/**
 * The {@code gossip} section; see {@link Settings}. Its defaults and its limits are {@link
 * GossipConfig}'s own: this record checks only what the file's spelling adds (peer addresses, key
 * hex, TLS file names) and then builds the {@link GossipConfig}, so a value gossip would refuse at
 * start is refused here, at load, under its key. Limits not listed keep {@link GossipConfig}'s
 * defaults (docs/gossip.md).
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
    int maxHandshaking,
    int maxHandshakingPerAddress,
    int handshakeTimeoutMs,
    int maxMessagesPerSecond,
    long maxBytesPerSecond,
    int maxFrameBytes,
    int heartbeatIntervalMs,
    int idleTimeoutMs,
    int banScore,
    int banDurationMs,
    int maxPendingOffersPerPeer) {

  /** Keys of the {@link GossipConfig} components not named like their setting. */
  private static final Map<String, String> KEYS =
      Map.of(
          "staticPeers", "gossip.peers",
          "heartbeatInterval", "gossip.heartbeatIntervalMs",
          "idleTimeout", "gossip.idleTimeoutMs",
          "banDuration", "gossip.banDurationMs",
          "handshakeTimeout", "gossip.handshakeTimeoutMs",
          // Follows maxPendingOffersPerPeer (see toGossipConfig), so that is the key to change.
          "maxParkedPerPeer", "gossip.maxPendingOffersPerPeer");

  // Not compact: the fields must be assigned before toGossipConfig can judge them.
  public GossipSection(
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
      int maxHandshaking,
      int maxHandshakingPerAddress,
      int handshakeTimeoutMs,
      int maxMessagesPerSecond,
      long maxBytesPerSecond,
      int maxFrameBytes,
      int heartbeatIntervalMs,
      int idleTimeoutMs,
      int banScore,
      int banDurationMs,
      int maxPendingOffersPerPeer) {
    this.bindHost = bindHost;
    this.port = port;
    this.allowListEnabled = allowListEnabled;
    this.tlsEnabled = tlsEnabled;
    this.tlsCertificateChain = tlsCertificateChain;
    this.tlsPrivateKey = tlsPrivateKey;
    this.ioThreads = ioThreads;
    this.workerThreads = workerThreads;
    this.maxInboundPeers = maxInboundPeers;
    this.maxHandshaking = maxHandshaking;
    this.maxHandshakingPerAddress = maxHandshakingPerAddress;
    this.handshakeTimeoutMs = handshakeTimeoutMs;
    this.maxMessagesPerSecond = maxMessagesPerSecond;
    this.maxBytesPerSecond = maxBytesPerSecond;
    this.maxFrameBytes = maxFrameBytes;
    this.heartbeatIntervalMs = heartbeatIntervalMs;
    this.idleTimeoutMs = idleTimeoutMs;
    this.banScore = banScore;
    this.banDurationMs = banDurationMs;
    this.maxPendingOffersPerPeer = maxPendingOffersPerPeer;
    this.peers = List.copyOf(peers);
    this.allowList = List.copyOf(allowList);
    for (String peer : this.peers) {
      parse("gossip.peers", peer, PeerAddress::parse);
    }
    for (String key : this.allowList) {
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
    try {
      toGossipConfig(Path::of);
    } catch (InvalidGossipConfigException e) {
      throw ConfigException.of(
          KEYS.getOrDefault(e.setting(), "gossip." + e.setting()), e.problem(), e);
    }
  }

  private static <T> T parse(String key, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw ConfigException.of(key, "'" + text + "' is not valid: " + e.getMessage(), e);
    }
  }

  /** Gossip's own configuration; TLS file names are resolved by {@code paths}. */
  public GossipConfig toGossipConfig(Function<String, Path> paths) {
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
        .maxHandshaking(maxHandshaking)
        .maxHandshakingPerAddress(maxHandshakingPerAddress)
        .handshakeTimeout(Duration.ofMillis(handshakeTimeoutMs))
        .maxMessagesPerSecond(maxMessagesPerSecond)
        .maxBytesPerSecond(maxBytesPerSecond)
        .maxFrameBytes(maxFrameBytes)
        .heartbeatInterval(Duration.ofMillis(heartbeatIntervalMs))
        .idleTimeout(Duration.ofMillis(idleTimeoutMs))
        .banScore(banScore)
        .banDuration(Duration.ofMillis(banDurationMs))
        .maxPendingOffersPerPeer(maxPendingOffersPerPeer)
        // Parking must hold every outstanding offer; gossip's default covers its default offers.
        .maxParkedPerPeer(
            Math.max(GossipConfig.defaults().maxParkedPerPeer(), maxPendingOffersPerPeer))
        .build();
  }
}
