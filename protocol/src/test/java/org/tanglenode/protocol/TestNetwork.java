package org.tanglenode.protocol;

import java.util.List;
import java.util.stream.IntStream;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.protocol.genesis.Network;

/** A small network with deterministic keys, for tests: a committee of 3 with threshold 2. */
public final class TestNetwork {

  /** 2024-01-01T00:00:00Z: the genesis time of test networks. */
  public static final long GENESIS_TIME_MS = 1_704_067_200_000L;

  private TestNetwork() {}

  /** A key whose seed is {@code n} repeated, so tests can name keys by number. */
  public static Ed25519PrivateKey key(int n) {
    byte[] seed = new byte[32];
    java.util.Arrays.fill(seed, (byte) n);
    return Ed25519PrivateKey.fromSeed(seed);
  }

  /** The committee keys of {@link #network(int)}: keys 101, 102 and 103. */
  public static List<Ed25519PrivateKey> committeeKeys() {
    return IntStream.rangeClosed(101, 103).mapToObj(TestNetwork::key).toList();
  }

  public static Genesis genesis(int powDifficulty) {
    return new Genesis(
        "test-network",
        "tst",
        powDifficulty,
        1_000,
        GENESIS_TIME_MS,
        new Committee(committeeKeys().stream().map(Ed25519PrivateKey::publicKey).toList(), 2),
        Limits.DEFAULT,
        List.of());
  }

  /** The network of {@link #genesis(int)}, its id taken from the encoded genesis file. */
  public static Network network(int powDifficulty) {
    return GenesisFile.parse(GenesisFile.encode(genesis(powDifficulty)));
  }

  /** A network without proof of work, as benchmark networks run. */
  public static Network network() {
    return network(0);
  }
}
