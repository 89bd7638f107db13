package org.tanglenode.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.crypto.keyfile.KeyFileException;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.Gossip;
import org.tanglenode.gossip.GossipException;
import org.tanglenode.node.api.ApiServer;
import org.tanglenode.node.api.ApiServices;
import org.tanglenode.node.api.ApiStartException;
import org.tanglenode.node.config.NodeConfig;
import org.tanglenode.node.events.EventHub;
import org.tanglenode.node.ingest.IngestPipeline;
import org.tanglenode.node.ingest.NodeGossipHost;
import org.tanglenode.node.ingest.StoredFanout;
import org.tanglenode.node.issuing.PayloadCompleter;
import org.tanglenode.node.issuing.TransactionIssuer;
import org.tanglenode.node.lifecycle.StartedServices;
import org.tanglenode.node.view.LedgerView;
import org.tanglenode.node.view.MilestoneView;
import org.tanglenode.node.view.RecentTips;
import org.tanglenode.node.view.StoredMilestones;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.GenesisFileException;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.storage.DatabaseLockedException;
import org.tanglenode.storage.Storage;
import org.tanglenode.storage.StorageException;
import org.tanglenode.storage.TransactionStore;

/**
 * One node: composes the modules' parts into one process. Each part is created by its own module's
 * constructor or factory; this class only decides the order.
 *
 * <p>Start order (each needs the ones before it): metrics registry, storage (RocksDB, group-commit
 * writer), tip pool and milestone view (placeholders until consensus), ingest pipeline (signature
 * workers), gossip (listener, dialer), event hub, proof-of-work solver, API server. {@link
 * #close()} closes them in reverse, each in its own try: the API stops accepting first, gossip says
 * goodbye to peers, ingest drains its queue into storage, storage commits and closes RocksDB.
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

  private volatile Ed25519PublicKey nodeKey;
  private volatile TransactionStore store;
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
    Network network = readGenesis();
    Ed25519PrivateKey key = readKey();
    nodeKey = key.publicKey();
    NodeMetrics metrics = NodeMetrics.create(config.metrics());
    services.add("metrics", metrics, metrics::close);
    MeterRegistry meters = metrics.registry();

    Storage storage = openStorage(meters);
    services.add("storage", storage, storage::close);
    store = storage.transactions();

    StoredFanout stored = new StoredFanout();
    RecentTips tips =
        new RecentTips(
            store.restartState().tips(), network.rootId(), config.tips().maxTracked(), random);
    stored.add(tips);
    Gauge.builder("tangle.tips", tips, RecentTips::tipCount)
        .description("tips (placeholder tip pool until consensus)")
        .register(meters);
    MilestoneView milestones = new StoredMilestones(store);

    IngestPipeline ingest =
        new IngestPipeline(
            config.ingest(), new TransactionValidator(network, clock), store, stored, meters);
    ingest.start();
    services.add("ingest", ingest, ingest::close);

    Gossip peers =
        new Gossip(
            config.gossip().toGossipConfig(config::resolve),
            network,
            key,
            new NodeGossipHost(ingest, store, milestones),
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

    ObjectMapper json = new ObjectMapper();
    EventHub events =
        new EventHub(
            config.api().eventBufferSize(), config.api().maxEventSubscribers(), json, meters);
    services.add("events", events, events::close);
    stored.add(events);

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
                  version(),
                  network,
                  key.publicKey(),
                  store,
                  ingest,
                  peers,
                  tips,
                  milestones,
                  LedgerView.NONE,
                  events,
                  completer,
                  metrics.prometheus(),
                  () -> state.get() == State.RUNNING,
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

  private Network readGenesis() {
    try {
      return GenesisFile.read(config.genesisPath());
    } catch (GenesisFileException e) {
      throw new NodeStartException(e.getMessage(), e);
    }
  }

  private Ed25519PrivateKey readKey() {
    try {
      return KeyFile.read(config.nodeKeyPath());
    } catch (KeyFileException e) {
      throw new NodeStartException(e.getMessage(), e);
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

  static String version() {
    String version = Node.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
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
