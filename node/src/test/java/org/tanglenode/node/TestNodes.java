package org.tanglenode.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.node.config.ConfigLoader;
import org.tanglenode.node.config.NodeConfig;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Network;

/**
 * Makes the files of test nodes: one genesis for all of them (the test network of {@link
 * TestNetwork}), a key per node, and a YAML configuration binding 127.0.0.1 on free ports with
 * small caches. Nodes start with {@link #start}; the caller closes them.
 */
public final class TestNodes {

  public static final String WRITE_TOKEN = "write-token-0123456789";
  public static final String ADMIN_TOKEN = "admin-token-0123456789";

  private final Path root;
  private final Genesis genesis;

  public TestNodes(Path root, int powDifficulty) {
    this(root, TestNetwork.genesis(powDifficulty));
  }

  /** Nodes of {@code genesis}, such as a test genesis with a shorter milestone interval. */
  public TestNodes(Path root, Genesis genesis) {
    this.root = root;
    this.genesis = genesis;
    try {
      Files.write(root.resolve("genesis.json"), GenesisFile.encode(genesis));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Network network() {
    return GenesisFile.parse(GenesisFile.encode(genesis));
  }

  /**
   * Writes {@link TestNetwork#committeeKeys()} into key files in the root folder and returns the
   * YAML of a coordinator section that names them.
   */
  public String coordinatorYaml() {
    List<String> files = new java.util.ArrayList<>();
    int n = 1;
    for (org.tanglenode.crypto.sign.Ed25519PrivateKey key : TestNetwork.committeeKeys()) {
      Path file = root.resolve("committee-" + n++ + ".key");
      if (!Files.exists(file)) {
        KeyFile.write(file, key);
      }
      files.add("../" + file.getFileName());
    }
    return "coordinator:\n  enabled: true\n  committeeKeyFiles: ["
        + String.join(", ", files)
        + "]\n";
  }

  /**
   * Writes the configuration of node {@code name} (and its key, once) and returns the file. {@code
   * extraYaml} is appended as it is: more sections.
   */
  public Path configFile(String name, List<String> peers, String extraYaml) {
    Path dir = root.resolve(name);
    try {
      Files.createDirectories(dir);
      Path key = dir.resolve("node.key");
      if (!Files.exists(key)) {
        KeyFile.write(
            key,
            org.tanglenode.crypto.sign.Ed25519PrivateKey.generate(
                new java.security.SecureRandom()));
      }
      String yaml =
          String.join(
                  "\n",
                  "dataDir: data",
                  "genesisFile: ../genesis.json",
                  "nodeKeyFile: node.key",
                  "storage:",
                  "  blockCacheBytes: 8388608",
                  "  writeBufferBytes: 1048576",
                  "  totalWriteBufferBytes: 8388608",
                  "  backgroundJobs: 1",
                  "gossip:",
                  "  bindHost: 127.0.0.1",
                  "  port: 0",
                  "  ioThreads: 1",
                  "  workerThreads: 1",
                  "  heartbeatIntervalMs: 200",
                  "  idleTimeoutMs: 5000",
                  "  peers: [" + String.join(", ", peers) + "]",
                  "api:",
                  "  bindHost: 127.0.0.1",
                  "  port: 0",
                  "  writeToken: " + WRITE_TOKEN,
                  "  adminToken: " + ADMIN_TOKEN,
                  "  workerThreads: 2",
                  "  maxBodyBytes: 16384",
                  "ingest:",
                  "  signatureWorkers: 1",
                  "")
              + extraYaml;
      Path file = dir.resolve("node.yaml");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public NodeConfig config(String name, List<String> peers, String extraYaml) {
    return new ConfigLoader(Map.of()).load(configFile(name, peers, extraYaml));
  }

  /** A started node; the caller closes it. */
  public Node start(String name, List<String> peers, String extraYaml) {
    Node node =
        new Node(
            config(name, peers, extraYaml),
            Clock.systemUTC(),
            new SplittableRandom(name.hashCode()));
    node.start();
    return node;
  }
}
