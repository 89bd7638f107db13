package org.tanglenode.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.DiskSpaceMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.consensus.Consensus;
import org.tanglenode.consensus.confirmation.ConfirmationOutcome;
import org.tanglenode.consensus.milestone.Coordinator;
import org.tanglenode.consensus.solidification.OfferOutcome;
import org.tanglenode.consensus.solidification.SolidifierConfig;
import org.tanglenode.consensus.tipselection.MilestoneParents;
import org.tanglenode.consensus.tipselection.ParentSelector;
import org.tanglenode.consensus.tipselection.PoolWalkSelector;
import org.tanglenode.consensus.tipselection.SolidDag;
import org.tanglenode.consensus.tipselection.SolidTipPool;
import org.tanglenode.consensus.tipselection.StoredSolidDag;
import org.tanglenode.consensus.tipselection.TipPoolConfig;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.crypto.keyfile.KeyFileException;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.crypto.sign.Ed25519KeyCache;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.Gossip;
import org.tanglenode.gossip.GossipException;
import org.tanglenode.node.api.ApiServer;
import org.tanglenode.node.api.ApiServices;
import org.tanglenode.node.api.ApiStartException;
import org.tanglenode.node.audit.HistoryProofs;
import org.tanglenode.node.audit.ReceiptBuilder;
import org.tanglenode.node.config.NodeConfig;
import org.tanglenode.node.events.EventHub;
import org.tanglenode.node.ingest.IngestPipeline;
import org.tanglenode.node.ingest.IngestResult;
import org.tanglenode.node.ingest.ListenerHandOff;
import org.tanglenode.node.ingest.NodeGossipHost;
import org.tanglenode.node.ingest.Source;
import org.tanglenode.node.ingest.StoredFanout;
import org.tanglenode.node.ingest.TipAnnouncer;
import org.tanglenode.node.issuing.PayloadCompleter;
import org.tanglenode.node.issuing.TransactionIssuer;
import org.tanglenode.node.lifecycle.StartedServices;
import org.tanglenode.node.view.ConsensusLedger;
import org.tanglenode.node.view.MilestoneView;
import org.tanglenode.node.view.PoolTips;
import org.tanglenode.node.view.StoreMilestones;
import org.tanglenode.node.view.TipSource;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.genesis.GenesisFileException;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.storage.DatabaseLockedException;
import org.tanglenode.storage.RestartState;
import org.tanglenode.storage.Storage;
import org.tanglenode.storage.StorageException;
import org.tanglenode.storage.TransactionStore;

/**
 * One node: composes the modules' parts into one process. Each part is created by its own module's
 * constructor or factory; this class only decides the order.
 *
 * <p>Start order (each needs the ones before it): metrics registry, storage (RocksDB, group-commit
 * writer), event hub, the listener hand-off (the thread that runs what the writer completes),
 * consensus (ledger, confirmation thread, solidifier), ingest pipeline (signature workers), gossip
 * (listener, dialer), the coordinator when configured (its scheduler, then itself), proof-of-work
 * solver, API server. {@link #close()} closes them in reverse, each in its own try: the API stops
 * accepting first, the coordinator stops issuing, gossip says goodbye to peers, ingest drains its
 * queue into storage, consensus stops its threads, the hand-off runs what it holds, storage commits
 * and closes RocksDB.
 *
 * <p>No static state: several nodes run in one JVM (tests, a devnet), each with its own ports (0
 * picks free ones), folders and meter registry.
 *
 * <pre>
 *   NEW --start()--> RUNNING --close()--> CLOSED   (a failed start closes what it started)
 * </pre>
 */
public final class Node implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Node.class);
  private static final int ANNOUNCED_TIPS_PER_ROUND = 64;

  private enum State {
    NEW,
    STARTING,
    RUNNING,
    CLOSED
  }

  private final NodeConfig config;
  private final Clock clock;
  private final RandomGenerator random;
  private final StartedServices services = new StartedServices();
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final AtomicLong confirmedTransactions = new AtomicLong();

  private volatile Ed25519PublicKey nodeKey;
  private volatile TransactionStore store;
  private volatile Consensus consensus;
  private volatile Gossip gossip;
  private volatile Optional<ApiServer> api = Optional.empty();

  /** Assigns only; {@link #start()} reads the files and starts everything. */
  public Node(NodeConfig config, Clock clock, RandomGenerator random) {
    this.config = config;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Starts every part in dependency order.
   *
   * @throws NodeStartException if a file cannot be read, the data folder is in use, a port is
   *     taken; whatever was started is closed again
   */
  public void start() {
    if (!state.compareAndSet(State.NEW, State.STARTING)) {
      throw new IllegalStateException("a node starts once");
    }
    try {
      startParts();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    if (!state.compareAndSet(State.STARTING, State.RUNNING)) {
      close();
      throw new IllegalStateException("closed while starting");
    }
    LOG.info(
        "node {} running: gossip on {}, API {}",
        nodeKey,
        gossip.localAddress(),
        api.map(a -> "on http://" + hostPort(a.localAddress()) + "/").orElse("off"));
  }

  private void startParts() {
    TrustChain genesisTrust = readGenesis();
    Network network = genesisTrust.network();
    Ed25519PrivateKey key = readKey();
    List<Ed25519PrivateKey> committeeKeys = readCommitteeKeys();
    nodeKey = key.publicKey();
    NodeMetrics metrics = NodeMetrics.create(config.metrics());
    services.add("metrics", metrics, metrics::close);
    MeterRegistry meters = metrics.registry();

    Storage storage = openStorage(meters);
    services.add("storage", storage, storage::close);
    // disk_free_bytes and disk_total_bytes of the data folder's file system: the "disk filling"
    // alert of docker/prometheus/alerts.yml reads them.
    new DiskSpaceMetrics(config.dataPath().toFile()).bindTo(meters);
    store = storage.transactions();

    ObjectMapper json = new ObjectMapper();
    EventHub events =
        new EventHub(
            config.api().eventBufferSize(), config.api().maxEventSubscribers(), json, meters);
    services.add("events", events, events::close);

    RestartState restart = store.restartState();
    SolidDag dag = new StoredSolidDag(store, network.rootId(), restart.solidEntryPoints().keySet());
    SolidTipPool pool =
        new SolidTipPool(
            dag,
            new TipPoolConfig(config.tips().maxTracked(), config.tips().maxDepth()),
            new SplittableRandom(random.nextLong())); // its own: the pool's lock guards it
    int rebuilt = pool.rebuild(restart.tips());
    LOG.info("tip pool: {} tips from storage", rebuilt);
    Gauge.builder("tangle.tips", pool, SolidTipPool::size)
        .description("solid transactions without a solid child (the tip pool)")
        .register(meters);
    FunctionCounter.builder("tangle.tips.evicted", pool, SolidTipPool::evicted)
        .description("tips evicted at tips.maxTracked")
        .register(meters);
    ParentSelector selector = pool;
    if (config.tips().weighted()) {
      PoolWalkSelector walk =
          PoolWalkSelector.withDefaults(pool, dag, new SplittableRandom(random.nextLong()));
      FunctionCounter.builder("tangle.tips.walks", walk, PoolWalkSelector::walksToTips)
          .tag("end", "tip")
          .description("weighted walks (tips.selector: weighted) by where they ended")
          .register(meters);
      FunctionCounter.builder("tangle.tips.walks", walk, PoolWalkSelector::walksElsewhere)
          .tag("end", "other")
          .description("weighted walks (tips.selector: weighted) by where they ended")
          .register(meters);
      FunctionCounter.builder("tangle.tips.uniform.fills", walk, PoolWalkSelector::uniformFills)
          .description("weighted selections completed by the pool's uniform choice")
          .register(meters);
      selector = walk;
    }
    LOG.info("tip selection: {}", config.tips().selector());
    PoolWalkSelector walkSelector = selector instanceof PoolWalkSelector w ? w : null;
    TipSource tips = new PoolTips(pool, selector);
    MilestoneView milestones = new StoreMilestones(store);
    Gauge.builder(
            "tangle.milestones.lag",
            milestones,
            m -> Math.max(0, m.indexes().latest() - m.confirmedMilestone()))
        .description("milestones stored but not confirmed yet (latest minus confirmed)")
        .register(meters);

    Consensus decider =
        Consensus.create(
            genesisTrust,
            config.ingest().deferredMilestones(),
            store,
            SolidifierConfig.defaults(),
            this::requestMissing,
            meters,
            clock);
    // What the storage writer completes (stored and solid notifications, the callers' answers)
    // runs on the hand-off's thread, in order; the writer waits when it is full (docs/node.md).
    ListenerHandOff handOff = new ListenerHandOff(config.ingest().listenerQueue(), meters);
    handOff.start();
    services.add("stored listeners", handOff, handOff::close);
    decider
        .solidifier()
        .addListener(
            ids ->
                handOff.execute(
                    () -> {
                      pool.solid(ids);
                      if (walkSelector != null) {
                        walkSelector.solid(ids); // after the pool: walks end on the pool's tips
                      }
                    }));
    decider.confirmer().addListener(events);
    decider.confirmer().addListener(this::logConfirmed);
    decider.confirmer().addListener(c -> confirmedTransactions.addAndGet(c.ids().size()));
    if (config.storage().pruning()) {
      // On the confirmation thread, after the milestone is written: one milestone's cone a time
      // once caught up. Off by default (storage.pruneKeepMilestones = 0): full history is kept.
      int keep = config.storage().pruneKeepMilestones();
      decider.confirmer().addListener(c -> storage.pruner().prune(keep));
    }
    try {
      decider.start();
    } catch (RuntimeException e) {
      decider.close();
      throw new NodeStartException("consensus cannot start: " + e.getMessage(), e);
    }
    consensus = services.add("consensus", decider, decider::close);

    StoredFanout stored = new StoredFanout();
    stored.add(tx -> offerToSolidifier(decider, tx));
    Ed25519KeyCache issuerKeys = new Ed25519KeyCache(config.ingest().issuerKeyCache());
    FunctionCounter.builder("tangle.ingest.keycache.hits", issuerKeys, Ed25519KeyCache::hits)
        .description("signature checks that found the signer's key decoded")
        .register(meters);
    FunctionCounter.builder("tangle.ingest.keycache.misses", issuerKeys, Ed25519KeyCache::misses)
        .description("signature checks that decoded the signer's key")
        .register(meters);
    IngestPipeline ingest =
        new IngestPipeline(
            config.ingest(),
            new TransactionValidator(network, clock, issuerKeys),
            store,
            stored,
            handOff,
            decider.milestoneGate()::mayIndex,
            meters);
    ingest.start();
    services.add("ingest", ingest, ingest::close);

    Gossip peers =
        new Gossip(
            config.gossip().toGossipConfig(config::resolve),
            network,
            key,
            new NodeGossipHost(
                ingest,
                store,
                milestones,
                new TransactionDecoder(network.genesis().limits().maxTransactionBytes())),
            meters,
            clock,
            random);
    try {
      peers.start();
    } catch (GossipException e) {
      throw new NodeStartException("gossip cannot start: " + e.getMessage(), e);
    }
    gossip = services.add("gossip", peers, peers::close);
    stored.add(tx -> peers.broadcast(tx.id(), tx.bytes()));
    stored.add(events);
    // Unconfirmed tips go out again to connections that missed them (a partition, a restart):
    // every 5 milestone intervals (at least 1 s), those stored 2 intervals ago or earlier.
    long intervalMs = network.genesis().milestoneIntervalMs();
    TipAnnouncer announcer =
        new TipAnnouncer(
            store,
            peers::broadcast,
            Duration.ofMillis(Math.max(1_000, 5 * intervalMs)),
            Duration.ofMillis(2 * intervalMs),
            ANNOUNCED_TIPS_PER_ROUND,
            clock);
    announcer.start();
    services.add("tip announcer", announcer, announcer::close);

    if (config.coordinator().enabled()) {
      startCoordinator(decider, committeeKeys, pool, dag, ingest);
    }

    if (config.api().enabled()) {
      PowSolver solver = new PowSolver(config.api().powThreads());
      solver.start();
      services.add("proof-of-work solver", solver, solver::close);
      PayloadCompleter completer =
          new PayloadCompleter(
              new TransactionIssuer(network, clock, solver), key, tips, config.tips().parents());
      ApiServer server =
          new ApiServer(
              config.api(),
              new ApiServices(
                  BuildInfo.current(),
                  network,
                  key.publicKey(),
                  store,
                  ingest,
                  peers,
                  tips,
                  milestones,
                  new ConsensusLedger(decider.ledger()),
                  events,
                  completer,
                  new ReceiptBuilder(network.id(), store, decider.confirmer()),
                  new HistoryProofs(store, decider.confirmer()),
                  metrics.prometheus(),
                  confirmedTransactions::get,
                  () -> state.get() == State.RUNNING,
                  () -> decider.trust().chain(),
                  storage.snapshots(),
                  config.dataPath().resolve("snapshot-exports"),
                  clock),
              json,
              meters);
      try {
        server.start();
      } catch (ApiStartException e) {
        throw new NodeStartException("the API cannot start: " + e.getMessage(), e);
      }
      api = Optional.of(services.add("api", server, server::close));
    }
  }

  /**
   * The coordinator on a scheduler thread of its own: parents from the tip pool by {@link
   * MilestoneParents} (oldest unconfirmed tip first, then the largest cones, at most {@code
   * coordinator.maxConeTransactions} newly confirmed), milestones into the ingest pipeline like any
   * other transaction. Closed before the scheduler, which is closed before gossip.
   */
  private void startCoordinator(
      Consensus decider,
      List<Ed25519PrivateKey> committeeKeys,
      SolidTipPool pool,
      SolidDag dag,
      IngestPipeline ingest) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "coordinator");
              t.setDaemon(true);
              return t;
            });
    services.add("coordinator scheduler", scheduler, scheduler::shutdownNow);
    Coordinator coordinator =
        decider.coordinator(
            committeeKeys,
            new MilestoneParents(pool, dag, config.coordinator().maxConeTransactions()),
            tx ->
                ingest
                    .submit(tx.bytes(), Source.COORDINATOR)
                    .thenApply(result -> result.code() == IngestResult.Code.STORED),
            scheduler);
    try {
      coordinator.start();
    } catch (IllegalStateException e) {
      throw new NodeStartException("the coordinator cannot start: " + e.getMessage(), e);
    }
    services.add("coordinator", coordinator, coordinator::close);
  }

  private boolean requestMissing(TransactionId id) {
    Gossip peers = gossip;
    return peers != null && peers.requestTransaction(id);
  }

  /** On the storage writer's thread: never waits. A refused offer is retried by a later child. */
  private static void offerToSolidifier(Consensus decider, Transaction tx) {
    OfferOutcome outcome = decider.solidifier().offer(tx.id(), tx.parents());
    if (outcome.code() == OfferOutcome.Code.QUEUE_FULL) {
      LOG.debug("solidifier queue full; {} waits for a later child", tx.id());
    }
  }

  private void logConfirmed(ConfirmationOutcome.Confirmed confirmed) {
    LOG.debug(
        "milestone {} confirmed {} transactions ({} conflicting), history size {}",
        confirmed.index(),
        confirmed.ids().size(),
        confirmed.conflicts().size(),
        confirmed.history().size());
  }

  private List<Ed25519PrivateKey> readCommitteeKeys() {
    List<Ed25519PrivateKey> keys = new ArrayList<>();
    for (String file : config.coordinator().committeeKeyFiles()) {
      try {
        Path path = config.resolve(file);
        keys.add(KeyFile.read(path));
        warnIfOthersCanRead(path);
      } catch (KeyFileException e) {
        throw new NodeStartException("coordinator.committeeKeyFiles: " + e.getMessage(), e);
      }
    }
    return keys;
  }

  /** The genesis file's own bytes, so the trust chain (and the trust file) carries them exactly. */
  private TrustChain readGenesis() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(config.genesisPath());
    } catch (IOException e) {
      GenesisFileException error =
          new GenesisFileException(config.genesisPath(), "cannot be read (" + e + ")", e);
      throw new NodeStartException(error.getMessage(), error);
    }
    try {
      return TrustChain.ofGenesisFile(bytes);
    } catch (IllegalArgumentException e) {
      GenesisFileException error =
          new GenesisFileException(config.genesisPath(), e.getMessage(), e);
      throw new NodeStartException(error.getMessage(), error);
    }
  }

  private Ed25519PrivateKey readKey() {
    try {
      Ed25519PrivateKey key = KeyFile.read(config.nodeKeyPath());
      warnIfOthersCanRead(config.nodeKeyPath());
      return key;
    } catch (KeyFileException e) {
      throw new NodeStartException(e.getMessage(), e);
    }
  }

  /** A key file others can read is a leaked key; the node still starts (the operator decides). */
  private static void warnIfOthersCanRead(Path keyFile) {
    Set<PosixFilePermission> excess = KeyFile.excessPermissions(keyFile);
    if (!excess.isEmpty()) {
      LOG.warn(
          "key file {} has permissions beyond owner read and write ({}): others on this host may"
              + " read the key; run chmod 600 on it",
          keyFile,
          PosixFilePermissions.toString(EnumSet.copyOf(excess)));
    }
  }

  private Storage openStorage(MeterRegistry meters) {
    try {
      Files.createDirectories(config.dataPath());
    } catch (IOException e) {
      throw new NodeStartException(
          "cannot create the data folder " + config.dataPath() + ": " + e, e);
    }
    try {
      return Storage.open(config.storage().toStorageConfig(config.databasePath()), meters, clock);
    } catch (DatabaseLockedException e) {
      throw new NodeStartException(
          "the data folder "
              + config.dataPath()
              + " is in use by another running node; stop it or configure another dataDir ("
              + e.getMessage()
              + ")",
          e);
    } catch (StorageException e) {
      throw new NodeStartException(e.getMessage(), e);
    }
  }

  private static String hostPort(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  /** The node's public key (after {@link #start()}). */
  public Ed25519PublicKey nodeKey() {
    return requireStarted(nodeKey);
  }

  /** Where gossip listens (the real port when configured with 0). */
  public InetSocketAddress gossipAddress() {
    return requireStarted(gossip).localAddress();
  }

  /** Where the API listens, when it is enabled. */
  public Optional<InetSocketAddress> apiAddress() {
    return api.map(ApiServer::localAddress);
  }

  /** The node's transaction store, for reads (tests, the devnet). */
  public TransactionStore store() {
    return requireStarted(store);
  }

  /** The node's consensus (ledger, confirmer), for reads (tests, the devnet). */
  public Consensus consensus() {
    return requireStarted(consensus);
  }

  /** The names of the running parts, in start order. */
  public List<String> runningParts() {
    return services.names();
  }

  private static <T> T requireStarted(T part) {
    if (part == null) {
      throw new IllegalStateException("the node is not started");
    }
    return part;
  }

  /** Stops everything in reverse start order, each part in its own try. Idempotent. */
  @Override
  public void close() {
    State previous = state.getAndSet(State.CLOSED);
    if (previous == State.CLOSED) {
      return;
    }
    long started = System.nanoTime();
    services.close();
    if (previous == State.RUNNING) {
      LOG.info("node stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
  }
}
