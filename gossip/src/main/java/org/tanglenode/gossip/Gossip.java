package org.tanglenode.gossip;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.gossip.wire.RefusalCode;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Network;

/**
 * The gossip service: listens for peers, dials the configured ones, spreads transactions, answers
 * and sends requests, and keeps the node in sync. {@link #start()} once, {@link #close()} any
 * number of times. The node hands it a {@link GossipHost} and calls {@link #broadcast} for every
 * transaction it stores and {@link #requestTransaction} for every missing parent.
 */
public final class Gossip implements AutoCloseable {

  /** The gossip protocol version this node speaks (docs/gossip.md). */
  public static final int PROTOCOL_VERSION = 1;

  private static final Logger LOG = LoggerFactory.getLogger(Gossip.class);

  private enum State {
    IDLE,
    RUNNING,
    CLOSED
  }

  private final GossipConfig config;
  private final Network network;
  private final Ed25519PrivateKey nodeKey;
  private final GossipHost host;
  private final MeterRegistry meters;
  private final Clock clock;
  private final RandomGenerator random;
  private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);
  private final AtomicBoolean dispatchQueued = new AtomicBoolean();
  private volatile SyncStatus syncStatus = new SyncStatus(0, 0, 0, 0);
  private ConfirmedRangeSync rangeSync;

  private EventLoopGroup bossGroup;
  private EventLoopGroup ioGroup;
  private ScheduledExecutorService scheduler;
  private WorkerPool worker;
  private GossipContext context;
  private Dialer dialer;
  private Channel serverChannel;

  /**
   * A gossip service, not started.
   *
   * @param config limits and peers
   * @param network the network this node belongs to (its id is checked at every handshake)
   * @param nodeKey the node's key, proven to peers in the handshake
   * @param host the rest of the node
   * @param meters where metrics go
   * @param clock time for rate limits, scores and request deadlines
   * @param random randomness for reconnect jitter (handshake challenges use a {@link SecureRandom})
   */
  public Gossip(
      GossipConfig config,
      Network network,
      Ed25519PrivateKey nodeKey,
      GossipHost host,
      MeterRegistry meters,
      Clock clock,
      RandomGenerator random) {
    this.config = config;
    this.network = network;
    this.nodeKey = nodeKey;
    this.host = host;
    this.meters = meters;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Binds the listener, dials the static peers and starts the heartbeat and request timers.
   *
   * @throws IllegalStateException if started before or closed
   * @throws GossipException if the port cannot be bound or the TLS files cannot be read
   */
  public void start() {
    if (!state.compareAndSet(State.IDLE, State.RUNNING)) {
      throw new IllegalStateException("gossip was started before or is closed");
    }
    int needed = network.genesis().limits().maxTransactionBytes() + 64;
    if (config.maxFrameBytes() < needed) {
      throw new GossipException(
          "maxFrameBytes "
              + config.maxFrameBytes()
              + " cannot carry this network's transactions, needs "
              + needed);
    }
    try {
      startServices();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void startServices() {
    GossipMetrics metrics = new GossipMetrics(meters);
    worker = new WorkerPool(config.workerThreads(), config.workerQueue(), meters);
    PeerRegistry registry = new PeerRegistry(nodeKey.publicKey());
    SeenFilter seen = new SeenFilter(config.seenFilterSize());
    RequestTracker<TransactionId> transactionRequests =
        new RequestTracker<>("transactions", config, clock, meters);
    RequestTracker<Integer> milestoneRequests =
        new RequestTracker<>("milestones", config, clock, meters);
    PeerScores scores = new PeerScores(config, clock);
    context =
        new GossipContext(
            config,
            network,
            nodeKey,
            host,
            clock,
            new SecureRandom(),
            meters,
            metrics,
            worker,
            registry,
            scores,
            seen,
            transactionRequests,
            milestoneRequests,
            this::heartbeat);
    registry.onRemoved(
        peer -> {
          transactionRequests.peerGone(peer.key());
          milestoneRequests.peerGone(peer.key());
        });
    Gauge.builder("gossip.peers", registry, PeerRegistry::size)
        .description("peers connected (handshake done)")
        .register(meters);
    Gauge.builder("gossip.seen.size", seen, SeenFilter::size)
        .description("ids in the seen filter")
        .register(meters);
    Gauge.builder("gossip.bans.active", scores, PeerScores::bannedCount)
        .description("node keys banned now")
        .register(meters);
    Gauge.builder("gossip.sync.behind", this, g -> g.syncStatus.behindBy())
        .description("milestones this node still has to solidify")
        .register(meters);

    bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    ioGroup = new MultiThreadIoEventLoopGroup(config.ioThreads(), NioIoHandler.newFactory());
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gossip-scheduler");
              t.setDaemon(true);
              return t;
            });
    Optional<SslContext> serverTls = tls(true);
    Optional<SslContext> clientTls = tls(false);
    AtomicInteger inbound = new AtomicInteger();
    Gauge.builder("gossip.inbound.connections", inbound, AtomicInteger::get)
        .description("inbound connections, handshaking ones included")
        .register(meters);
    HandshakeAdmission admission =
        new HandshakeAdmission(config.maxHandshaking(), config.maxHandshakingPerAddress());
    Gauge.builder("gossip.inbound.handshaking", admission, HandshakeAdmission::handshaking)
        .description("inbound connections that have not finished the handshake")
        .register(meters);
    WriteBufferWaterMark marks =
        new WriteBufferWaterMark(config.writeBufferLowBytes(), config.writeBufferHighBytes());

    ServerBootstrap server =
        new ServerBootstrap()
            .group(bossGroup, ioGroup)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, marks)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new GossipChannelInitializer(
                    context, Direction.INBOUND, serverTls, key -> {}, inbound, admission));
    try {
      serverChannel = server.bind(config.bindHost(), config.port()).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      throw new GossipException(
          "cannot listen on " + config.bindHost() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    LOG.info("gossip listening on {} as {}", serverChannel.localAddress(), nodeKey.publicKey());

    Backoff backoff =
        new Backoff(
            config.reconnectInitialDelay(),
            config.reconnectMaxDelay(),
            config.reconnectJitter(),
            random);
    dialer =
        new Dialer(
            target ->
                new Bootstrap()
                    .group(ioGroup)
                    .channel(NioSocketChannel.class)
                    .option(
                        ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) config.connectTimeout().toMillis())
                    .option(ChannelOption.WRITE_BUFFER_WATER_MARK, marks)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(
                        new GossipChannelInitializer(
                            context,
                            Direction.OUTBOUND,
                            clientTls,
                            target::established,
                            inbound,
                            admission)),
            scheduler,
            backoff,
            registry);
    config.staticPeers().forEach(dialer::add);

    // Catch-up by history leaves: up to 4 ranges (4,000 transactions, under 1 MB) outstanding,
    // reopened
    // after 4 request timeouts without a new transaction stored.
    rangeSync =
        new ConfirmedRangeSync(
            4L * Message.ConfirmedRangeRequest.MAX_COUNT, 4 * config.requestTimeout().toMillis());
    FunctionCounter.builder("gossip.sync.ranges.leaves", this, g -> g.rangeSync.requestedLeaves())
        .description("confirmed transactions asked for by history leaf while catching up")
        .register(meters);
    long tick = config.requestTick().toMillis();
    scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    long beat = config.heartbeatInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::sendHeartbeats, beat, beat, TimeUnit.MILLISECONDS);
  }

  private Optional<SslContext> tls(boolean server) {
    TlsConfig tls = config.tls();
    if (!tls.enabled()) {
      return Optional.empty();
    }
    try {
      SslContextBuilder builder =
          server
              ? SslContextBuilder.forServer(
                  tls.certificateChain().orElseThrow().toFile(),
                  tls.privateKey().orElseThrow().toFile())
              : SslContextBuilder.forClient()
                  .keyManager(
                      tls.certificateChain().orElseThrow().toFile(),
                      tls.privateKey().orElseThrow().toFile());
      // Peers authenticate with their node keys in the handshake, not with certificates.
      builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
      return Optional.of(builder.build());
    } catch (SSLException | IllegalArgumentException e) {
      throw new GossipException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The address the listener is bound to (the real port when configured with 0). */
  public InetSocketAddress localAddress() {
    requireRunning();
    return (InetSocketAddress) serverChannel.localAddress();
  }

  public Ed25519PublicKey nodeKey() {
    return nodeKey.publicKey();
  }

  /**
   * Spreads a transaction the node has just stored: sent to every connected peer not known to have
   * it, at most once per peer. Gossip keeps a reference to {@code bytes} and never modifies it; the
   * caller must not modify it either.
   */
  public void broadcast(TransactionId id, byte[] bytes) {
    if (state.get() != State.RUNNING) {
      return;
    }
    context.seen().add(id);
    context.metrics().transactionsBroadcast.increment();
    for (Peer peer : context.registry().all()) {
      peer.sendTransaction(id, bytes);
    }
  }

  /**
   * Asks peers for a transaction the node is missing (a parent found while solidifying). Requests
   * are spread over peers, bounded in flight and retried elsewhere after a timeout; the transaction
   * arrives through {@link GossipHost#offer} like any other.
   *
   * @return false if the request queue is full (the request is dropped and counted)
   */
  public boolean requestTransaction(TransactionId id) {
    if (state.get() != State.RUNNING) {
      return false;
    }
    boolean queued = context.transactionRequests().request(id);
    queueDispatch();
    return queued;
  }

  /** Dials {@code address} now and keeps it connected until removed. */
  public void addPeer(PeerAddress address) {
    requireRunning();
    dialer.add(address);
  }

  /** Stops dialing {@code address} and drops its connection; false if it was not configured. */
  public boolean removePeer(PeerAddress address) {
    requireRunning();
    return dialer.remove(address);
  }

  /** The configured peers (static and added), connected or not. */
  public List<PeerAddress> configuredPeers() {
    requireRunning();
    return dialer.addresses();
  }

  /** The peers connected now. */
  public List<PeerInfo> peers() {
    if (state.get() != State.RUNNING) {
      return List.of();
    }
    return context.registry().all().stream()
        .map(
            p ->
                new PeerInfo(
                    p.key(),
                    p.connection().remote(),
                    p.connection().direction(),
                    p.heartbeat().latestMilestone(),
                    p.heartbeat().solidMilestone(),
                    context.scores().score(p.key())))
        .toList();
  }

  /** Whether the node is solid up to the latest milestone its peers know; refreshed every tick. */
  public SyncStatus syncStatus() {
    return syncStatus;
  }

  private Message.Heartbeat heartbeat() {
    MilestoneIndexes indexes = host.milestoneIndexes();
    return new Message.Heartbeat(indexes.latest(), indexes.solid(), context.registry().size());
  }

  private void sendHeartbeats() {
    try {
      Message.Heartbeat heartbeat = heartbeat();
      for (Peer peer : context.registry().all()) {
        peer.send(heartbeat);
      }
    } catch (RuntimeException e) {
      LOG.warn("sending heartbeats failed", e);
    }
  }

  private void queueDispatch() {
    if (dispatchQueued.compareAndSet(false, true)) {
      try {
        scheduler.execute(
            () -> {
              dispatchQueued.set(false);
              dispatchTransactionRequests();
            });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        dispatchQueued.set(false);
      }
    }
  }

  private void tick() {
    try {
      updateSync();
      requestConfirmedRanges();
      dispatchTransactionRequests();
    } catch (RuntimeException e) {
      LOG.warn("gossip tick failed", e);
    }
  }

  private void updateSync() {
    MilestoneIndexes local = host.milestoneIndexes();
    List<Peer> peers = context.registry().all();
    int networkLatest = 0;
    for (Peer peer : peers) {
      networkLatest = Math.max(networkLatest, peer.heartbeat().latestMilestone());
    }
    syncStatus = new SyncStatus(local.latest(), local.solid(), networkLatest, peers.size());
    int last = (int) Math.min(networkLatest, (long) local.latest() + config.syncWindow());
    for (int index = local.latest() + 1; index <= last; index++) {
      context.milestoneRequests().request(index);
    }
    for (RequestTracker.Send<Integer> send :
        context
            .milestoneRequests()
            .dispatch(peers, (peer, index) -> peer.heartbeat().latestMilestone() >= index)) {
      send.peer().send(new Message.MilestoneRequest(send.key()));
    }
  }

  private void requestConfirmedRanges() {
    List<Peer> peers = context.registry().all();
    if (peers.isEmpty()) {
      return;
    }
    for (ConfirmedRangeSync.Send send :
        rangeSync.next(host.historyProgress(), peers, clock.millis())) {
      send.peer().send(send.request());
    }
  }

  private void dispatchTransactionRequests() {
    List<Peer> peers = context.registry().all();
    for (RequestTracker.Send<TransactionId> send :
        context.transactionRequests().dispatch(peers, (peer, id) -> true)) {
      if (host.isKnown(send.key())) {
        context.transactionRequests().received(send.key());
      } else {
        send.peer().send(new Message.TransactionRequest(send.key()));
      }
    }
  }

  private void requireRunning() {
    if (state.get() != State.RUNNING) {
      throw new IllegalStateException("gossip is not running");
    }
  }

  /**
   * Closes every connection (peers are told SHUTDOWN), the listener and the threads. Idempotent.
   */
  @Override
  public void close() {
    State previous = state.getAndSet(State.CLOSED);
    if (previous == State.CLOSED) {
      return;
    }
    if (previous == State.IDLE) {
      return;
    }
    if (dialer != null) {
      try {
        dialer.close();
      } catch (RuntimeException e) {
        LOG.warn("closing the dialer failed", e);
      }
    }
    if (scheduler != null) {
      try {
        scheduler.shutdownNow();
      } catch (RuntimeException e) {
        LOG.warn("stopping the scheduler failed", e);
      }
    }
    if (context != null) {
      try {
        for (Peer peer : context.registry().all()) {
          peer.refuse(RefusalCode.SHUTDOWN, "the node is shutting down");
        }
      } catch (RuntimeException e) {
        LOG.warn("telling peers failed", e);
      }
    }
    if (serverChannel != null) {
      try {
        serverChannel.close().syncUninterruptibly();
      } catch (RuntimeException e) {
        LOG.warn("closing the listener failed", e);
      }
    }
    shutdown(ioGroup);
    shutdown(bossGroup);
    if (worker != null) {
      try {
        worker.close();
      } catch (RuntimeException e) {
        LOG.warn("stopping the workers failed", e);
      }
    }
  }

  private static void shutdown(EventLoopGroup group) {
    if (group != null) {
      try {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      } catch (RuntimeException e) {
        LOG.warn("stopping an event loop group failed", e);
      }
    }
  }
}
