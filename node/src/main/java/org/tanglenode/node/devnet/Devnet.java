package org.tanglenode.node.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.node.Node;
import org.tanglenode.node.config.ConfigLoader;
import org.tanglenode.node.config.NodeConfig;

/**
 * A devnet in one process: node 1 is the coordinator (it holds the committee key), nodes 2..N dial
 * it; all bind 127.0.0.1. Node 1's API is on the preferred port when that is free, the others on
 * free ports. {@link #close()} stops the nodes in reverse order, each in its own try.
 */
public final class Devnet implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Devnet.class);

  /**
   * How a devnet is started.
   *
   * @param adminToken the admin token of every node (peers, snapshot export), or empty for none
   */
  public record Settings(int nodes, int preferredApiPort, String writeToken, String adminToken) {

    /** Without an admin token: admin endpoints are off. */
    public Settings(int nodes, int preferredApiPort, String writeToken) {
      this(nodes, preferredApiPort, writeToken, "");
    }

    public Settings {
      if (nodes < 1 || nodes > 16) {
        throw new IllegalArgumentException("--nodes: 1 to 16, not " + nodes);
      }
      if (preferredApiPort < 0 || preferredApiPort > 65_535) {
        throw new IllegalArgumentException("--api-port: 0 to 65535, not " + preferredApiPort);
      }
      if (writeToken == null || writeToken.isBlank()) {
        throw new IllegalArgumentException("a devnet needs a write token");
      }
    }
  }

  private final DevnetFiles files;
  private final Settings settings;
  private final Clock clock;
  private final RandomGenerator random;
  private final List<Node> nodes = new ArrayList<>();

  public Devnet(DevnetFiles files, Settings settings, Clock clock, RandomGenerator random) {
    this.files = files;
    this.settings = settings;
    this.clock = clock;
    this.random = random;
  }

  /** Starts the coordinator, then the peers; a failed start closes what it started. */
  public synchronized void start() {
    try {
      int apiPort = isFree(settings.preferredApiPort()) ? settings.preferredApiPort() : 0;
      Node coordinator = startNode(1, List.of(), apiPort, true);
      String seed = "127.0.0.1:" + coordinator.gossipAddress().getPort();
      for (int n = 2; n <= settings.nodes(); n++) {
        startNode(n, List.of(seed), 0, false);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private Node startNode(int n, List<String> peers, int apiPort, boolean coordinator) {
    Path dir = files.nodeDir(n);
    String yaml =
        String.join(
            "\n",
            "# written by tangle devnet; node " + n + (coordinator ? " (coordinator)" : ""),
            "dataDir: data",
            "genesisFile: ../genesis.json",
            "nodeKeyFile: node.key",
            "storage:",
            "  blockCacheBytes: 16777216",
            "  writeBufferBytes: 4194304",
            "  totalWriteBufferBytes: 33554432",
            "  backgroundJobs: 1",
            "gossip:",
            "  bindHost: 127.0.0.1",
            "  port: 0",
            "  ioThreads: 1",
            "  workerThreads: 1",
            "  peers: [" + String.join(", ", peers) + "]",
            "ingest:",
            "  signatureWorkers: 1",
            "api:",
            "  bindHost: 127.0.0.1",
            "  port: " + apiPort,
            "  writeToken: " + settings.writeToken(),
            "  adminToken: " + (settings.adminToken().isEmpty() ? "''" : settings.adminToken()),
            // Signed transactions with proof of work authenticate themselves: on a devnet,
            // `tangle anchor` and `tangle trail append` work without the write token.
            "  openSubmit: true",
            "  workerThreads: 2",
            "coordinator:",
            "  enabled: " + coordinator,
            "  committeeKeyFiles: [" + (coordinator ? "../committee.key" : "") + "]",
            "");
    Path file = dir.resolve("node.yaml");
    try {
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    NodeConfig config = new ConfigLoader(Map.of()).load(file);
    Node node = new Node(config, clock, random);
    node.start();
    nodes.add(node);
    LOG.info("devnet node {} started{}", n, coordinator ? " (coordinator)" : "");
    return node;
  }

  private static boolean isFree(int port) {
    if (port == 0) {
      return false;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The running nodes, the coordinator first. */
  public synchronized List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /** The API addresses of the running nodes, the coordinator first. */
  public synchronized List<InetSocketAddress> apiAddresses() {
    return nodes.stream().map(node -> node.apiAddress().orElseThrow()).toList();
  }

  /** Where each node's gossip listens, in node order: what a node joining the devnet dials. */
  public synchronized List<InetSocketAddress> gossipAddresses() {
    return nodes.stream().map(Node::gossipAddress).toList();
  }

  public DevnetFiles files() {
    return files;
  }

  /** Closes the nodes, the last started first, each in its own try. Idempotent. */
  @Override
  public synchronized void close() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      try {
        nodes.get(i).close();
      } catch (RuntimeException e) {
        LOG.error("closing devnet node {} failed", i + 1, e);
      }
    }
    nodes.clear();
  }
}
