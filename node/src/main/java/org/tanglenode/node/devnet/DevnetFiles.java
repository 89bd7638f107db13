package org.tanglenode.node.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.tanglenode.crypto.address.Address;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.genesis.Allocation;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Issuer;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.protocol.genesis.Network;

/**
 * The files of a devnet in one folder: {@code genesis.json} (one committee key, threshold 1, a low
 * proof-of-work difficulty, a milestone every second, the supply split among the demo keys), {@code
 * committee.key}, {@code demo-N.key}, and a folder {@code node-N} per node for its key, its
 * configuration and its data. A folder that already holds a devnet's genesis is used as it is, so a
 * devnet can be stopped and started again.
 */
public final class DevnetFiles {

  public static final String NETWORK_NAME = "devnet";
  public static final String ADDRESS_PREFIX = "dev";
  public static final int POW_DIFFICULTY = 8;
  public static final long MILESTONE_INTERVAL_MS = 1_000;
  public static final int DEMO_KEYS = 4;

  /**
   * The organisations the devnet genesis names as holders of demo keys 1 to 3; demo-4 is left
   * unnamed, so a trail shows what an unknown signer looks like.
   */
  static final List<String> DEMO_ORGANISATIONS =
      List.of("Demo Relief Agency", "Demo Partner NGO", "Demo Donor Office");

  public static final long DEMO_ALLOCATION = 1_000_000;

  private final Path dir;
  private final Network network;
  private final Ed25519PrivateKey committeeKey;
  private final List<Ed25519PrivateKey> demoKeys;
  private final SecureRandom random;

  private DevnetFiles(
      Path dir,
      Network network,
      Ed25519PrivateKey committeeKey,
      List<Ed25519PrivateKey> demoKeys,
      SecureRandom random) {
    this.dir = dir;
    this.random = random;
    this.network = network;
    this.committeeKey = committeeKey;
    this.demoKeys = List.copyOf(demoKeys);
  }

  /** Reads the devnet in {@code dir}, or makes a new one there. */
  public static DevnetFiles openOrCreate(Path dir, SecureRandom random, Clock clock) {
    try {
      Files.createDirectories(dir);
      Path genesisFile = dir.resolve("genesis.json");
      if (!Files.exists(genesisFile)) {
        create(dir, random, clock);
      }
      List<Ed25519PrivateKey> demo = new ArrayList<>();
      for (int i = 1; i <= DEMO_KEYS; i++) {
        demo.add(KeyFile.read(dir.resolve("demo-" + i + ".key")));
      }
      return new DevnetFiles(
          dir,
          GenesisFile.read(genesisFile),
          KeyFile.read(dir.resolve("committee.key")),
          demo,
          random);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void create(Path dir, SecureRandom random, Clock clock) throws IOException {
    Ed25519PrivateKey committee = Ed25519PrivateKey.generate(random);
    KeyFile.write(dir.resolve("committee.key"), committee);
    List<Allocation> allocations = new ArrayList<>();
    List<Issuer> issuers = new ArrayList<>();
    for (int i = 1; i <= DEMO_KEYS; i++) {
      Ed25519PrivateKey demo = Ed25519PrivateKey.generate(random);
      KeyFile.write(dir.resolve("demo-" + i + ".key"), demo);
      allocations.add(new Allocation(Address.of(demo.publicKey()).hash(), DEMO_ALLOCATION));
      if (i <= DEMO_ORGANISATIONS.size()) {
        issuers.add(new Issuer(demo.publicKey(), DEMO_ORGANISATIONS.get(i - 1)));
      }
    }
    Genesis genesis =
        new Genesis(
            NETWORK_NAME,
            ADDRESS_PREFIX,
            POW_DIFFICULTY,
            MILESTONE_INTERVAL_MS,
            clock.millis() - 1,
            new Committee(List.of(committee.publicKey()), 1),
            Limits.DEFAULT,
            allocations,
            issuers);
    Files.write(dir.resolve("genesis.json"), GenesisFile.encode(genesis));
  }

  /** The folder of node {@code n} (from 1), with its key made on first use. */
  public Path nodeDir(int n) {
    Path nodeDir = dir.resolve("node-" + n);
    try {
      Files.createDirectories(nodeDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path key = nodeDir.resolve("node.key");
    if (!Files.exists(key)) {
      KeyFile.write(key, Ed25519PrivateKey.generate(random));
    }
    return nodeDir;
  }

  public Path dir() {
    return dir;
  }

  public Network network() {
    return network;
  }

  public Ed25519PrivateKey committeeKey() {
    return committeeKey;
  }

  /** The keys the genesis gives the supply to, in allocation order (allocation i is key i). */
  public List<Ed25519PrivateKey> demoKeys() {
    return demoKeys;
  }
}
