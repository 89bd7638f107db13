package org.tanglenode.gossip;

import java.time.Duration;
import java.util.List;

/**
 * Every limit of the gossip service, each with its default (docs/gossip.md lists them with their
 * units). Build one with {@link #builder()}; the compact constructor refuses nonsense values.
 *
 * @param bindHost address the listener binds; 127.0.0.1 keeps a node local; default "0.0.0.0"
 * @param port TCP port of the listener; 0 picks a free one (tests); default 15600
 * @param staticPeers peers dialed at start and redialed whenever the connection drops; default none
 * @param allowList node keys allowed to connect; ANY when the network does not allow-list; default
 *     AllowList.ANY
 * @param tls TLS on peer connections, off by default; default TlsConfig.DISABLED
 * @param ioThreads Netty event-loop threads for all peer connections; default 2
 * @param workerThreads threads for handshake signatures and host look-ups (never on an event loop);
 *     default 2
 * @param workerQueue tasks waiting for a worker thread; more are rejected and counted; default 4096
 * @param maxFrameBytes largest frame (envelope bytes after the 4-byte length); a peer sending more
 *     is disconnected; must exceed the network's maxTransactionBytes by 64; default 65536
 * @param handshakeTimeout time from connecting to a finished handshake; default Seconds(5)
 * @param connectTimeout TCP connect timeout when dialing; default Seconds(5)
 * @param heartbeatInterval how often a heartbeat goes to every peer; default Seconds(2)
 * @param idleTimeout a peer silent this long (no heartbeat either) is disconnected; default
 *     Seconds(20)
 * @param maxInboundPeers inbound connections accepted at once, handshaking ones included; default
 *     32
 * @param reconnectInitialDelay first redial delay of a static peer; default Millis(500)
 * @param reconnectMaxDelay the redial delay doubles per failure up to this; default Seconds(60)
 * @param reconnectJitter each redial delay is scaled by a random factor in [1 - jitter, 1 +
 *     jitter]; default 0.2
 * @param maxMessagesPerSecond messages one peer may send per second (burst: one second's worth);
 *     default 5000
 * @param maxBytesPerSecond bytes one peer may send per second (burst: one second's worth); default
 *     8L << 20
 * @param invalidTransactionPenalty score added for a transaction the host finds invalid; default 10
 * @param protocolViolationPenalty score added for an oversized or undecodable frame or a message
 *     out of order; default 50
 * @param banScore a peer whose score reaches this is banned; default 100
 * @param scoreDecayPerMinute score forgiven per minute; default 10
 * @param banDuration how long a banned key is refused; default Minutes(10)
 * @param maxTrackedPeerScores node keys whose score or ban is remembered (oldest forgotten first);
 *     default 4096
 * @param seenFilterSize transaction ids remembered as seen; a transaction seen is dropped before
 *     any check; default 200000
 * @param peerKnownSize per peer: ids it sent or was sent, so each goes to each peer at most once;
 *     default 20000
 * @param maxPendingRequests transaction and milestone requests waiting for a peer; more are
 *     rejected and counted; default 20000
 * @param maxRequestsInFlight requests sent and not yet answered, over all peers; default 512
 * @param maxRequestsInFlightPerPeer requests sent to one peer and not yet answered; default 64
 * @param requestTimeout an unanswered request is sent to another peer after this; default
 *     Seconds(2)
 * @param requestMaxAttempts peers asked for one id before giving up; default 8
 * @param requestTick how often timed-out requests are re-sent and the sync state refreshed; default
 *     Millis(100)
 * @param syncWindow milestones requested ahead of the node's latest at once while catching up;
 *     default 32
 * @param maxPendingOffersPerPeer offers to the host outstanding from one peer; above this reading
 *     from it pauses; default 64
 * @param ingestRetryDelay after QUEUE_FULL, the same transaction is offered again after this;
 *     default Millis(50)
 * @param maxParkedPerPeer transactions of one peer held while the ingest queue is full, at least
 *     maxPendingOffersPerPeer; more are dropped and counted; default 64
 * @param writeBufferLowBytes a peer's unsent bytes below which it is writable again; default 256 <<
 *     10
 * @param writeBufferHighBytes a peer's unsent bytes above which gossip stops writing to it (drops
 *     broadcasts); default 1 << 20
 * @param stalledWriteTimeout a peer that stays above the high mark this long is disconnected;
 *     default Seconds(10)
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

  public GossipConfig {
    staticPeers = List.copyOf(staticPeers);
    if (bindHost == null || allowList == null || tls == null) {
      throw new IllegalArgumentException("bindHost, allowList and tls are required");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port: 0 to 65535, not " + port);
    }
    positive("ioThreads", ioThreads);
    positive("workerThreads", workerThreads);
    positive("workerQueue", workerQueue);
    if (maxFrameBytes < 256 || maxFrameBytes > 16 << 20) {
      throw new IllegalArgumentException("maxFrameBytes: 256 to 16 MiB, not " + maxFrameBytes);
    }
    for (Duration d :
        List.of(
            handshakeTimeout,
            connectTimeout,
            heartbeatInterval,
            idleTimeout,
            reconnectInitialDelay,
            reconnectMaxDelay,
            banDuration,
            requestTimeout,
            requestTick,
            ingestRetryDelay,
            stalledWriteTimeout)) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations are positive, not " + d);
      }
    }
    if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
      throw new IllegalArgumentException("reconnectMaxDelay is below reconnectInitialDelay");
    }
    if (idleTimeout.compareTo(heartbeatInterval) <= 0) {
      throw new IllegalArgumentException("idleTimeout must exceed heartbeatInterval");
    }
    if (reconnectJitter < 0 || reconnectJitter >= 1) {
      throw new IllegalArgumentException("reconnectJitter: 0 to below 1, not " + reconnectJitter);
    }
    positive("maxInboundPeers", maxInboundPeers);
    positive("maxMessagesPerSecond", maxMessagesPerSecond);
    if (maxBytesPerSecond < maxFrameBytes + 4L) {
      throw new IllegalArgumentException("maxBytesPerSecond must allow one largest frame");
    }
    positive("banScore", banScore);
    if (invalidTransactionPenalty < 0 || protocolViolationPenalty < 0 || scoreDecayPerMinute < 0) {
      throw new IllegalArgumentException("penalties and decay are not negative");
    }
    positive("maxTrackedPeerScores", maxTrackedPeerScores);
    positive("seenFilterSize", seenFilterSize);
    positive("peerKnownSize", peerKnownSize);
    positive("maxPendingRequests", maxPendingRequests);
    positive("maxRequestsInFlight", maxRequestsInFlight);
    positive("maxRequestsInFlightPerPeer", maxRequestsInFlightPerPeer);
    positive("requestMaxAttempts", requestMaxAttempts);
    positive("syncWindow", syncWindow);
    positive("maxPendingOffersPerPeer", maxPendingOffersPerPeer);
    positive("maxParkedPerPeer", maxParkedPerPeer);
    if (maxParkedPerPeer < maxPendingOffersPerPeer) {
      // Every outstanding offer may come back QUEUE_FULL and must find a parking place.
      throw new IllegalArgumentException(
          "maxParkedPerPeer must be at least maxPendingOffersPerPeer");
    }
    if (writeBufferLowBytes <= 0 || writeBufferHighBytes <= writeBufferLowBytes) {
      throw new IllegalArgumentException("need 0 < writeBufferLowBytes < writeBufferHighBytes");
    }
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + ": must be positive, not " + value);
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
