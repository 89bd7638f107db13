package org.tanglenode.gossip;

import java.time.Duration;
import java.util.List;

/**
 * Every limit of the gossip service. This record is the one place for gossip's defaults (the
 * initial values of {@link Builder}) and its rules (the compact constructor, which throws {@link
 * InvalidGossipConfigException} naming the component). docs/gossip.md, section 7, lists the
 * defaults with their units, and a test keeps that table equal to {@link #defaults()}; the node's
 * configuration takes its gossip defaults from here and lets this constructor judge its values.
 *
 * @param bindHost address the listener binds; 127.0.0.1 keeps a node local
 * @param port TCP port of the listener; 0 picks a free one (tests)
 * @param staticPeers peers dialed at start and redialed whenever the connection drops
 * @param allowList node keys allowed to connect; ANY when the network does not allow-list
 * @param tls TLS on peer connections, off by default
 * @param ioThreads Netty event-loop threads for all peer connections
 * @param workerThreads threads for handshake signatures and host look-ups (never on an event loop)
 * @param workerQueue tasks waiting for a worker thread; more are rejected and counted
 * @param maxFrameBytes largest frame (envelope bytes after the 4-byte length); a peer sending more
 *     is disconnected; must exceed the network's maxTransactionBytes by 64
 * @param handshakeTimeout time from connecting to a finished handshake
 * @param connectTimeout TCP connect timeout when dialing
 * @param heartbeatInterval how often a heartbeat goes to every peer
 * @param idleTimeout a peer silent this long (no heartbeat either) is disconnected
 * @param maxInboundPeers inbound connections accepted at once, handshaking ones included
 * @param maxHandshaking inbound connections not yet through the handshake, over all sources; more
 *     are refused at once, so unauthenticated connections cannot take every inbound slot
 * @param maxHandshakingPerAddress inbound connections not yet through the handshake from one IP
 *     address; more from it are refused at once
 * @param reconnectInitialDelay first redial delay of a static peer
 * @param reconnectMaxDelay the redial delay doubles per failure up to this
 * @param reconnectJitter each redial delay is scaled by a random factor in [1 - jitter, 1 + jitter]
 * @param maxMessagesPerSecond messages one peer may send per second (burst: one second's worth)
 * @param maxBytesPerSecond bytes one peer may send per second (burst: one second's worth)
 * @param invalidTransactionPenalty score added for a transaction the host finds invalid
 * @param protocolViolationPenalty score added for an oversized or undecodable frame or a message
 *     out of order
 * @param banScore a peer whose score reaches this is banned
 * @param scoreDecayPerMinute score forgiven per minute
 * @param banDuration how long a banned key is refused
 * @param maxTrackedPeerScores node keys whose score or ban is remembered (oldest forgotten first)
 * @param seenFilterSize transaction ids remembered as seen; a transaction seen is dropped before
 *     any check
 * @param peerKnownSize per peer: ids it sent or was sent, so each goes to each peer at most once
 * @param maxPendingRequests transaction and milestone requests waiting for a peer; more are
 *     rejected and counted
 * @param maxRequestsInFlight requests sent and not yet answered, over all peers
 * @param maxRequestsInFlightPerPeer requests sent to one peer and not yet answered
 * @param requestTimeout an unanswered request is sent to another peer after this
 * @param requestMaxAttempts peers asked for one id before giving up
 * @param requestTick how often timed-out requests are re-sent and the sync state refreshed
 * @param syncWindow milestones requested ahead of the node's latest at once while catching up
 * @param maxPendingOffersPerPeer offers to the host outstanding from one peer; above this reading
 *     from it pauses
 * @param ingestRetryDelay after QUEUE_FULL, the same transaction is offered again after this
 * @param maxParkedPerPeer transactions of one peer held while the ingest queue is full, at least
 *     maxPendingOffersPerPeer; more are dropped and counted
 * @param writeBufferLowBytes a peer's unsent bytes below which it is writable again
 * @param writeBufferHighBytes a peer's unsent bytes above which gossip stops writing to it (drops
 *     broadcasts)
 * @param stalledWriteTimeout a peer that stays above the high mark this long is disconnected
 */
public record GossipConfig(
    String bindHost,
    int port,
    List<PeerAddress> staticPeers,
    AllowList allowList,
    TlsConfig tls,
    int ioThreads,
    int workerThreads,
    int workerQueue,
    int maxFrameBytes,
    Duration handshakeTimeout,
    Duration connectTimeout,
    Duration heartbeatInterval,
    Duration idleTimeout,
    int maxInboundPeers,
    int maxHandshaking,
    int maxHandshakingPerAddress,
    Duration reconnectInitialDelay,
    Duration reconnectMaxDelay,
    double reconnectJitter,
    int maxMessagesPerSecond,
    long maxBytesPerSecond,
    int invalidTransactionPenalty,
    int protocolViolationPenalty,
    int banScore,
    int scoreDecayPerMinute,
    Duration banDuration,
    int maxTrackedPeerScores,
    int seenFilterSize,
    int peerKnownSize,
    int maxPendingRequests,
    int maxRequestsInFlight,
    int maxRequestsInFlightPerPeer,
    Duration requestTimeout,
    int requestMaxAttempts,
    Duration requestTick,
    int syncWindow,
    int maxPendingOffersPerPeer,
    Duration ingestRetryDelay,
    int maxParkedPerPeer,
    int writeBufferLowBytes,
    int writeBufferHighBytes,
    Duration stalledWriteTimeout) {

  private static final Duration MIN_HEARTBEAT_INTERVAL = Duration.ofMillis(10);

  public GossipConfig {
    staticPeers = List.copyOf(required("staticPeers", staticPeers));
    if (required("bindHost", bindHost).isBlank()) {
      throw new InvalidGossipConfigException("bindHost", "must not be empty");
    }
    required("allowList", allowList);
    required("tls", tls);
    if (port < 0 || port > 65_535) {
      throw new InvalidGossipConfigException("port", "must be 0 to 65535, not " + port);
    }
    positive("ioThreads", ioThreads);
    positive("workerThreads", workerThreads);
    positive("workerQueue", workerQueue);
    if (maxFrameBytes < 256 || maxFrameBytes > 16 << 20) {
      throw new InvalidGossipConfigException(
          "maxFrameBytes", "must be 256 to 16777216 (16 MiB), not " + maxFrameBytes);
    }
    positive("handshakeTimeout", handshakeTimeout);
    positive("connectTimeout", connectTimeout);
    positive("heartbeatInterval", heartbeatInterval);
    if (heartbeatInterval.compareTo(MIN_HEARTBEAT_INTERVAL) < 0) {
      // A shorter interval would spend the event loops on heartbeats.
      throw new InvalidGossipConfigException(
          "heartbeatInterval",
          "must be at least 10 ms, not " + heartbeatInterval.toMillis() + " ms");
    }
    positive("idleTimeout", idleTimeout);
    if (idleTimeout.compareTo(heartbeatInterval) <= 0) {
      throw new InvalidGossipConfigException("idleTimeout", "must exceed heartbeatInterval");
    }
    positive("reconnectInitialDelay", reconnectInitialDelay);
    positive("reconnectMaxDelay", reconnectMaxDelay);
    if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
      throw new InvalidGossipConfigException(
          "reconnectMaxDelay", "must not be below reconnectInitialDelay");
    }
    if (reconnectJitter < 0 || reconnectJitter >= 1) {
      throw new InvalidGossipConfigException(
          "reconnectJitter", "must be 0 to below 1, not " + reconnectJitter);
    }
    positive("maxInboundPeers", maxInboundPeers);
    positive("maxHandshaking", maxHandshaking);
    positive("maxHandshakingPerAddress", maxHandshakingPerAddress);
    if (maxHandshakingPerAddress > maxHandshaking) {
      throw new InvalidGossipConfigException(
          "maxHandshakingPerAddress", "must not exceed maxHandshaking (" + maxHandshaking + ")");
    }
    positive("maxMessagesPerSecond", maxMessagesPerSecond);
    if (maxBytesPerSecond < maxFrameBytes + 4L) {
      // The bucket holds one second's worth: a smaller one could never pass the largest frame.
      throw new InvalidGossipConfigException(
          "maxBytesPerSecond",
          "must allow one largest frame (maxFrameBytes + 4 = "
              + (maxFrameBytes + 4L)
              + " bytes), not "
              + maxBytesPerSecond);
    }
    notNegative("invalidTransactionPenalty", invalidTransactionPenalty);
    notNegative("protocolViolationPenalty", protocolViolationPenalty);
    positive("banScore", banScore);
    notNegative("scoreDecayPerMinute", scoreDecayPerMinute);
    positive("banDuration", banDuration);
    positive("maxTrackedPeerScores", maxTrackedPeerScores);
    positive("seenFilterSize", seenFilterSize);
    positive("peerKnownSize", peerKnownSize);
    positive("maxPendingRequests", maxPendingRequests);
    positive("maxRequestsInFlight", maxRequestsInFlight);
    positive("maxRequestsInFlightPerPeer", maxRequestsInFlightPerPeer);
    positive("requestTimeout", requestTimeout);
    positive("requestMaxAttempts", requestMaxAttempts);
    positive("requestTick", requestTick);
    positive("syncWindow", syncWindow);
    positive("maxPendingOffersPerPeer", maxPendingOffersPerPeer);
    positive("ingestRetryDelay", ingestRetryDelay);
    positive("maxParkedPerPeer", maxParkedPerPeer);
    if (maxParkedPerPeer < maxPendingOffersPerPeer) {
      // Every outstanding offer may come back QUEUE_FULL and must find a parking place.
      throw new InvalidGossipConfigException(
          "maxParkedPerPeer",
          "must be at least maxPendingOffersPerPeer (" + maxPendingOffersPerPeer + ")");
    }
    positive("writeBufferLowBytes", writeBufferLowBytes);
    if (writeBufferHighBytes <= writeBufferLowBytes) {
      throw new InvalidGossipConfigException(
          "writeBufferHighBytes", "must exceed writeBufferLowBytes (" + writeBufferLowBytes + ")");
    }
    positive("stalledWriteTimeout", stalledWriteTimeout);
  }

  private static <T> T required(String name, T value) {
    if (value == null) {
      throw new InvalidGossipConfigException(name, "is required");
    }
    return value;
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new InvalidGossipConfigException(name, "must be positive, not " + value);
    }
  }

  private static void notNegative(String name, long value) {
    if (value < 0) {
      throw new InvalidGossipConfigException(name, "must not be negative, not " + value);
    }
  }

  private static void positive(String name, Duration value) {
    if (required(name, value).isNegative() || value.isZero()) {
      throw new InvalidGossipConfigException(name, "must be positive, not " + value);
    }
  }

  /** The defaults. */
  public static GossipConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.bindHost = bindHost;
    b.port = port;
    b.staticPeers = staticPeers;
    b.allowList = allowList;
    b.tls = tls;
    b.ioThreads = ioThreads;
    b.workerThreads = workerThreads;
    b.workerQueue = workerQueue;
    b.maxFrameBytes = maxFrameBytes;
    b.handshakeTimeout = handshakeTimeout;
    b.connectTimeout = connectTimeout;
    b.heartbeatInterval = heartbeatInterval;
    b.idleTimeout = idleTimeout;
    b.maxInboundPeers = maxInboundPeers;
    b.maxHandshaking = maxHandshaking;
    b.maxHandshakingPerAddress = maxHandshakingPerAddress;
    b.reconnectInitialDelay = reconnectInitialDelay;
    b.reconnectMaxDelay = reconnectMaxDelay;
    b.reconnectJitter = reconnectJitter;
    b.maxMessagesPerSecond = maxMessagesPerSecond;
    b.maxBytesPerSecond = maxBytesPerSecond;
    b.invalidTransactionPenalty = invalidTransactionPenalty;
    b.protocolViolationPenalty = protocolViolationPenalty;
    b.banScore = banScore;
    b.scoreDecayPerMinute = scoreDecayPerMinute;
    b.banDuration = banDuration;
    b.maxTrackedPeerScores = maxTrackedPeerScores;
    b.seenFilterSize = seenFilterSize;
    b.peerKnownSize = peerKnownSize;
    b.maxPendingRequests = maxPendingRequests;
    b.maxRequestsInFlight = maxRequestsInFlight;
    b.maxRequestsInFlightPerPeer = maxRequestsInFlightPerPeer;
    b.requestTimeout = requestTimeout;
    b.requestMaxAttempts = requestMaxAttempts;
    b.requestTick = requestTick;
    b.syncWindow = syncWindow;
    b.maxPendingOffersPerPeer = maxPendingOffersPerPeer;
    b.ingestRetryDelay = ingestRetryDelay;
    b.maxParkedPerPeer = maxParkedPerPeer;
    b.writeBufferLowBytes = writeBufferLowBytes;
    b.writeBufferHighBytes = writeBufferHighBytes;
    b.stalledWriteTimeout = stalledWriteTimeout;
    return b;
  }

  /** Builds a {@link GossipConfig}; every field starts at its default. */
  public static final class Builder {
    private String bindHost = "0.0.0.0";
    private int port = 15600;
    private List<PeerAddress> staticPeers = List.of();
    private AllowList allowList = AllowList.ANY;
    private TlsConfig tls = TlsConfig.DISABLED;
    private int ioThreads = 2;
    private int workerThreads = 2;
    private int workerQueue = 4096;
    private int maxFrameBytes = 65_536;
    private Duration handshakeTimeout = Duration.ofSeconds(5);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration heartbeatInterval = Duration.ofSeconds(2);
    private Duration idleTimeout = Duration.ofSeconds(20);
    private int maxInboundPeers = 32;
    private int maxHandshaking = 16;
    private int maxHandshakingPerAddress = 4;
    private Duration reconnectInitialDelay = Duration.ofMillis(500);
    private Duration reconnectMaxDelay = Duration.ofSeconds(60);
    private double reconnectJitter = 0.2;
    private int maxMessagesPerSecond = 20_000;
    private long maxBytesPerSecond = 32L << 20;
    private int invalidTransactionPenalty = 10;
    private int protocolViolationPenalty = 50;
    private int banScore = 100;
    private int scoreDecayPerMinute = 10;
    private Duration banDuration = Duration.ofMinutes(10);
    private int maxTrackedPeerScores = 4096;
    private int seenFilterSize = 200_000;
    private int peerKnownSize = 20_000;
    private int maxPendingRequests = 20_000;
    private int maxRequestsInFlight = 512;
    private int maxRequestsInFlightPerPeer = 64;
    private Duration requestTimeout = Duration.ofSeconds(2);
    private int requestMaxAttempts = 8;
    private Duration requestTick = Duration.ofMillis(100);
    private int syncWindow = 32;
    private int maxPendingOffersPerPeer = 64;
    private Duration ingestRetryDelay = Duration.ofMillis(50);
    private int maxParkedPerPeer = 64;
    private int writeBufferLowBytes = 256 << 10;
    private int writeBufferHighBytes = 1 << 20;
    private Duration stalledWriteTimeout = Duration.ofSeconds(10);

    private Builder() {}

    public Builder bindHost(String value) {
      this.bindHost = value;
      return this;
    }

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    public Builder staticPeers(List<PeerAddress> value) {
      this.staticPeers = value;
      return this;
    }

    public Builder allowList(AllowList value) {
      this.allowList = value;
      return this;
    }

    public Builder tls(TlsConfig value) {
      this.tls = value;
      return this;
    }

    public Builder ioThreads(int value) {
      this.ioThreads = value;
      return this;
    }

    public Builder workerThreads(int value) {
      this.workerThreads = value;
      return this;
    }

    public Builder workerQueue(int value) {
      this.workerQueue = value;
      return this;
    }

    public Builder maxFrameBytes(int value) {
      this.maxFrameBytes = value;
      return this;
    }

    public Builder handshakeTimeout(Duration value) {
      this.handshakeTimeout = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    public Builder heartbeatInterval(Duration value) {
      this.heartbeatInterval = value;
      return this;
    }

    public Builder idleTimeout(Duration value) {
      this.idleTimeout = value;
      return this;
    }

    public Builder maxInboundPeers(int value) {
      this.maxInboundPeers = value;
      return this;
    }

    public Builder maxHandshaking(int value) {
      this.maxHandshaking = value;
      return this;
    }

    public Builder maxHandshakingPerAddress(int value) {
      this.maxHandshakingPerAddress = value;
      return this;
    }

    public Builder reconnectInitialDelay(Duration value) {
      this.reconnectInitialDelay = value;
      return this;
    }

    public Builder reconnectMaxDelay(Duration value) {
      this.reconnectMaxDelay = value;
      return this;
    }

    public Builder reconnectJitter(double value) {
      this.reconnectJitter = value;
      return this;
    }

    public Builder maxMessagesPerSecond(int value) {
      this.maxMessagesPerSecond = value;
      return this;
    }

    public Builder maxBytesPerSecond(long value) {
      this.maxBytesPerSecond = value;
      return this;
    }

    public Builder invalidTransactionPenalty(int value) {
      this.invalidTransactionPenalty = value;
      return this;
    }

    public Builder protocolViolationPenalty(int value) {
      this.protocolViolationPenalty = value;
      return this;
    }

    public Builder banScore(int value) {
      this.banScore = value;
      return this;
    }

    public Builder scoreDecayPerMinute(int value) {
      this.scoreDecayPerMinute = value;
      return this;
    }

    public Builder banDuration(Duration value) {
      this.banDuration = value;
      return this;
    }

    public Builder maxTrackedPeerScores(int value) {
      this.maxTrackedPeerScores = value;
      return this;
    }

    public Builder seenFilterSize(int value) {
      this.seenFilterSize = value;
      return this;
    }

    public Builder peerKnownSize(int value) {
      this.peerKnownSize = value;
      return this;
    }

    public Builder maxPendingRequests(int value) {
      this.maxPendingRequests = value;
      return this;
    }

    public Builder maxRequestsInFlight(int value) {
      this.maxRequestsInFlight = value;
      return this;
    }

    public Builder maxRequestsInFlightPerPeer(int value) {
      this.maxRequestsInFlightPerPeer = value;
      return this;
    }

    public Builder requestTimeout(Duration value) {
      this.requestTimeout = value;
      return this;
    }

    public Builder requestMaxAttempts(int value) {
      this.requestMaxAttempts = value;
      return this;
    }

    public Builder requestTick(Duration value) {
      this.requestTick = value;
      return this;
    }

    public Builder syncWindow(int value) {
      this.syncWindow = value;
      return this;
    }

    public Builder maxPendingOffersPerPeer(int value) {
      this.maxPendingOffersPerPeer = value;
      return this;
    }

    public Builder ingestRetryDelay(Duration value) {
      this.ingestRetryDelay = value;
      return this;
    }

    public Builder maxParkedPerPeer(int value) {
      this.maxParkedPerPeer = value;
      return this;
    }

    public Builder writeBufferLowBytes(int value) {
      this.writeBufferLowBytes = value;
      return this;
    }

    public Builder writeBufferHighBytes(int value) {
      this.writeBufferHighBytes = value;
      return this;
    }

    public Builder stalledWriteTimeout(Duration value) {
      this.stalledWriteTimeout = value;
      return this;
    }

    public GossipConfig build() {
      return new GossipConfig(
          bindHost,
          port,
          staticPeers,
          allowList,
          tls,
          ioThreads,
          workerThreads,
          workerQueue,
          maxFrameBytes,
          handshakeTimeout,
          connectTimeout,
          heartbeatInterval,
          idleTimeout,
          maxInboundPeers,
          maxHandshaking,
          maxHandshakingPerAddress,
          reconnectInitialDelay,
          reconnectMaxDelay,
          reconnectJitter,
          maxMessagesPerSecond,
          maxBytesPerSecond,
          invalidTransactionPenalty,
          protocolViolationPenalty,
          banScore,
          scoreDecayPerMinute,
          banDuration,
          maxTrackedPeerScores,
          seenFilterSize,
          peerKnownSize,
          maxPendingRequests,
          maxRequestsInFlight,
          maxRequestsInFlightPerPeer,
          requestTimeout,
          requestMaxAttempts,
          requestTick,
          syncWindow,
          maxPendingOffersPerPeer,
          ingestRetryDelay,
          maxParkedPerPeer,
          writeBufferLowBytes,
          writeBufferHighBytes,
          stalledWriteTimeout);
    }
  }
}
