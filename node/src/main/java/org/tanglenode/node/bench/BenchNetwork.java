package org.tanglenode.node.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.protocol.genesis.Network;

/**
 * The files of a benchmark network in one folder: a genesis (one committee key, the chosen
 * proof-of-work difficulty and milestone interval), the committee key, issuer keys for the
 * generator, and per node a folder with its key and a configuration file written only with the
 * documented keys of docs/configuration.md.
 */
final class BenchNetwork {

  /** Issuer keys that sign the generated transactions in turn. */
  static final int ISSUERS = 4;

  private final Path dir;
  private final Network network;
  private final List<Ed25519PrivateKey> issuers;

  private BenchNetwork(Path dir, Network network, List<Ed25519PrivateKey> issuers) {
    this.dir = dir;
    this.network = network;
    this.issuers = issuers;
  }

  static BenchNetwork create(Path dir, int powDifficulty, long milestoneIntervalMs) {
    SecureRandom random = new SecureRandom();
    try {
      Files.createDirectories(dir);
      Ed25519PrivateKey committee = Ed25519PrivateKey.generate(random);
      KeyFile.write(dir.resolve("committee.key"), committee);
      List<Ed25519PrivateKey> issuers = new ArrayList<>();
      for (int i = 0; i < ISSUERS; i++) {
        issuers.add(Ed25519PrivateKey.generate(random));
      }
      Genesis genesis =
          new Genesis(
              "bench",
              "bench",
              powDifficulty,
              milestoneIntervalMs,
              System.currentTimeMillis() - 60_000,
              new Committee(List.of(committee.publicKey()), 1),
              Limits.DEFAULT,
              List.of());
      byte[] encoded = GenesisFile.encode(genesis);
      Files.write(dir.resolve("genesis.json"), encoded);
      return new BenchNetwork(dir, GenesisFile.parse(encoded), List.copyOf(issuers));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Network network() {
    return network;
  }

  List<Ed25519PrivateKey> issuers() {
    return issuers;
  }

  /**
   * Writes node {@code name}'s key and configuration: loopback only, ports picked by the system,
   * open submission of finished transactions, rate limits raised above any offered load, and the
   * coordinator role when asked.
   *
   * @return the configuration file
   */
  Path nodeConfig(String name, boolean coordinator, List<String> peers, String durability) {
    Path nodeDir = dir.resolve(name);
    try {
      Files.createDirectories(nodeDir);
      KeyFile.write(nodeDir.resolve("node.key"), Ed25519PrivateKey.generate(new SecureRandom()));
      StringBuilder yaml = new StringBuilder();
      yaml.append("dataDir: data\n");
      yaml.append("genesisFile: ")
          .append(dir.resolve("genesis.json").toAbsolutePath())
          .append('\n');
      yaml.append("nodeKeyFile: node.key\n");
      yaml.append("storage:\n  durability: ").append(durability).append('\n');
      yaml.append("gossip:\n  bindHost: 127.0.0.1\n  port: 0\n");
      yaml.append("  maxMessagesPerSecond: 1000000\n  maxBytesPerSecond: 1073741824\n");
      if (!peers.isEmpty()) {
        yaml.append("  peers: [")
            .append(peers.stream().collect(Collectors.joining(", ")))
            .append("]\n");
      }
      yaml.append("api:\n  bindHost: 127.0.0.1\n  port: 0\n  openSubmit: true\n");
      yaml.append("  dashboard: false\n");
      yaml.append("coordinator:\n  enabled: ").append(coordinator).append('\n');
      if (coordinator) {
        yaml.append("  committeeKeyFiles: [")
            .append(dir.resolve("committee.key").toAbsolutePath())
            .append("]\n");
      }
      yaml.append("logging:\n  level: WARN\n");
      Path config = nodeDir.resolve("config.yaml");
      Files.writeString(config, yaml);
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
