package org.tanglenode.benchmarks.protocol;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.tanglenode.crypto.pow.ProofOfWork;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.SignedTransaction;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.protocol.genesis.Network;

/**
 * Inputs for the protocol benchmarks, built with the public API only: a network read back from its
 * encoded genesis file, and a valid, signed data transaction of a chosen encoded size, as a client
 * would send it. Deterministic for a given seed.
 */
final class SampleTransactions {

  /** 2024-01-01T00:00:00Z. */
  static final long GENESIS_TIME_MS = 1_704_067_200_000L;

  /** The encoded size of the transaction the suite measures: a tagged anchor with some metadata. */
  static final int TRANSACTION_BYTES = 300;

  /** Two parents, the usual case for tip selection. */
  private static final int PARENTS = 2;

  private SampleTransactions() {}

  static Ed25519PrivateKey issuer(long seed) {
    byte[] bytes = new byte[Ed25519PrivateKey.SIZE];
    new Random(seed).nextBytes(bytes);
    return Ed25519PrivateKey.fromSeed(bytes);
  }

  /** A network whose committee is {@code committeeKey} alone, as a genesis file would define it. */
  static Network network(int powDifficulty, Ed25519PrivateKey committeeKey) {
    Genesis genesis =
        new Genesis(
            "bench",
            "bench",
            powDifficulty,
            1_000,
            GENESIS_TIME_MS,
            new Committee(List.of(committeeKey.publicKey()), 1),
            Limits.DEFAULT,
            List.of());
    return GenesisFile.parse(GenesisFile.encode(genesis));
  }

  /** A clock an hour after genesis, so the sample's timestamp is inside the window. */
  static Clock clock() {
    return Clock.fixed(Instant.ofEpochMilli(GENESIS_TIME_MS + 3_600_000L), ZoneOffset.UTC);
  }

  /**
   * The bytes of a valid data transaction by {@code issuer} of exactly {@code targetBytes} (or the
   * smallest size above it that the encoding allows), with a nonce meeting the network's
   * difficulty. The nonce is the first that meets it, so the same network gives the same bytes.
   */
  static byte[] dataTransaction(
      Network network, Ed25519PrivateKey issuer, int targetBytes, long seed) {
    Random random = new Random(seed);
    List<TransactionId> parents = new ArrayList<>();
    for (int i = 0; i < PARENTS; i++) {
      byte[] id = new byte[TransactionId.SIZE];
      random.nextBytes(id);
      parents.add(new TransactionId(id));
    }
    byte[] data = new byte[targetBytes];
    random.nextBytes(data);
    // The nonce is part of the size: a fixed64 field, absent when it is 0, so size with the
    // network's real difficulty.
    int difficulty = network.genesis().powDifficulty();
    int overhead = encode(network, issuer, parents, new byte[0], difficulty).length;
    for (int length = Math.max(0, targetBytes - overhead - 2); length <= targetBytes; length++) {
      byte[] encoded = encode(network, issuer, parents, Arrays.copyOf(data, length), difficulty);
      if (encoded.length >= targetBytes) {
        return encoded;
      }
    }
    throw new IllegalStateException("no data length gives a " + targetBytes + "-byte transaction");
  }

  private static byte[] encode(
      Network network,
      Ed25519PrivateKey issuer,
      List<TransactionId> parents,
      byte[] data,
      int powDifficulty) {
    SignedTransaction signed =
        new TransactionBuilder(network.shortId())
            .parents(parents)
            .issuer(issuer.publicKey())
            .timestampMs(GENESIS_TIME_MS + 60_000L)
            .data(Tag.of("shipment-4711"), data)
            .build()
            .sign(issuer);
    byte[] digest = signed.essenceDigest();
    long nonce = 0;
    while (!ProofOfWork.meets(digest, nonce, powDifficulty)) {
      nonce++;
    }
    return signed.encode(nonce);
  }
}
