package org.tanglenode.protocol.sensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.crypto.pow.ProofOfWork;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.UnsignedTransaction;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Issuer;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.protocol.receipt.Receipt;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.trust.GenesisTrust;
import org.tanglenode.protocol.trust.TrustRoot;

/**
 * A network with a gateway and devices, deterministic to the byte: the committee is the key of seed
 * 0x01 (threshold 1), the gateway's key (seed 0x03) is registered to {@link #GATEWAY_ORG}, the
 * device key of seed 0x04 to {@link #DEVICE_ORG}; seed 0x05 is a device key nobody registered.
 * Batches are anchored one transaction each, in a chain from the network root, and milestone 1
 * confirms them all. Proof of work at difficulty 8, the first nonce that meets it.
 */
public final class SensorFixture {

  /** 2026-01-01T00:00:00Z. */
  public static final long GENESIS_TIME_MS = 1_767_225_600_000L;

  public static final String GATEWAY = "gw-east-1";
  public static final String GATEWAY_ORG = "Cold Store East";
  public static final String DEVICE_ORG = "ColdTrack Logistics";

  private static final MerkleHasher HASHER = MerkleHasher.blake2b256();

  private SensorFixture() {}

  /** A key whose 32-byte seed is {@code b} repeated. */
  public static Ed25519PrivateKey seedOf(int b) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) b);
    return Ed25519PrivateKey.fromSeed(seed);
  }

  public static Ed25519PrivateKey committee() {
    return seedOf(1);
  }

  public static Ed25519PrivateKey gateway() {
    return seedOf(3);
  }

  public static Ed25519PrivateKey registeredDevice() {
    return seedOf(4);
  }

  public static Ed25519PrivateKey unknownDevice() {
    return seedOf(5);
  }

  public static Genesis genesis() {
    return new Genesis(
        "example-sensors",
        "tgl",
        8,
        1_000,
        GENESIS_TIME_MS,
        new Committee(List.of(committee().publicKey()), 1),
        Limits.DEFAULT,
        List.of(),
        List.of(
            new Issuer(gateway().publicKey(), GATEWAY_ORG),
            new Issuer(registeredDevice().publicKey(), DEVICE_ORG)));
  }

  public static byte[] genesisFile() {
    return GenesisFile.encode(genesis());
  }

  public static Network network() {
    return GenesisFile.parse(genesisFile());
  }

  public static TrustRoot trust() {
    return new GenesisTrust(network());
  }

  /**
   * {@code n} unsigned readings of devices {@code logger-0} to {@code logger-9}, a second apart
   * from {@code startMs}, values cycling from 2.5 to 7.5 Cel.
   */
  public static List<SensorReading> readings(int n, long startMs) {
    List<SensorReading> readings = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      readings.add(
          SensorReading.unsigned(
              "logger-" + (i % 10),
              startMs + 1_000L * i,
              (25 + i % 51) / 10 + "." + (5 + i % 5),
              "Cel"));
    }
    return readings;
  }

  /**
   * The three readings of docs/sensors.md's worked example: logger-17 at 00:00:01 (4.25 Cel,
   * unsigned), logger-17 at 00:00:02 (8.75 Cel, signed by the registered device key), logger-18 at
   * 00:00:03 (5.5 Cel, unsigned), all on 2026-01-01 UTC, in that arrival order.
   */
  public static List<SensorReading> exampleReadings() {
    return List.of(
        SensorReading.unsigned("logger-17", GENESIS_TIME_MS + 1_000, "4.25", "Cel"),
        SensorReading.unsigned("logger-17", GENESIS_TIME_MS + 2_000, "8.75", "Cel")
            .signedBy(registeredDevice()),
        SensorReading.unsigned("logger-18", GENESIS_TIME_MS + 3_000, "5.5", "Cel"));
  }

  /** The worked example: the batch of {@link #exampleReadings} anchored and confirmed. */
  public static Anchored example() {
    return anchor(ReadingBatch.of(GATEWAY, exampleReadings()));
  }

  /** The reading receipt of the worked example: the signed reading, leaf 1 of 3. */
  public static ReadingReceipt exampleReceipt() {
    return example().receipt(0, 1);
  }

  /** Batches anchored in one transaction each and confirmed by milestone 1. */
  public record Anchored(
      List<ReadingBatch> batches, List<Transaction> confirmed, Transaction milestone) {

    /** The receipt of the transaction anchoring batch {@code batch}. */
    public Receipt anchorReceipt(int batch) {
      return receiptOf(batch);
    }

    /** The reading receipt of reading {@code index} of batch {@code batch}. */
    public ReadingReceipt receipt(int batch, int index) {
      return batches.get(batch).receipt(index, anchorReceipt(batch));
    }

    /** The receipt of the {@code leaf}-th confirmed transaction. */
    public Receipt receiptOf(int leaf) {
      List<byte[]> leaves = new ArrayList<>();
      for (Transaction tx : confirmed) {
        leaves.add(HASHER.leafHash(tx.id().bytes()));
      }
      return new Receipt(
          Receipt.VERSION,
          network().id(),
          confirmed.get(leaf).bytes(),
          milestone.bytes(),
          leaf,
          BatchTree.ofLeafHashes(leaves).path(leaf));
    }
  }

  /** Each batch's record anchored by the gateway under its tag, all confirmed by milestone 1. */
  public static Anchored anchor(ReadingBatch... batches) {
    List<Transaction> txs = new ArrayList<>();
    TransactionId parent = network().rootId();
    for (int i = 0; i < batches.length; i++) {
      Transaction tx =
          data(
              parent,
              batches[i].tag(),
              Records.encode(batches[i].record()),
              GENESIS_TIME_MS + 60_000 + 1_000L * i,
              gateway());
      txs.add(tx);
      parent = tx.id();
    }
    return confirm(List.of(batches), txs);
  }

  /** Milestone 1 over {@code txs} (a chain, each approving the one before), in that order. */
  public static Anchored confirm(List<ReadingBatch> batches, List<Transaction> txs) {
    List<byte[]> leaves = new ArrayList<>();
    for (Transaction tx : txs) {
      leaves.add(HASHER.leafHash(tx.id().bytes()));
    }
    byte[] root = BatchTree.ofLeafHashes(leaves).root();
    Network network = network();
    Transaction milestone =
        complete(
            new TransactionBuilder(network.shortId())
                .parent(txs.get(txs.size() - 1).id())
                .issuer(committee().publicKey())
                .timestampMs(GENESIS_TIME_MS + 600_000)
                .payload(new Payload.Milestone(1, Optional.empty(), root, root, txs.size()))
                .build(),
            committee());
    return new Anchored(List.copyOf(batches), List.copyOf(txs), milestone);
  }

  /** A data transaction signed by {@code key}, with proof of work. */
  public static Transaction data(
      TransactionId parent, Tag tag, byte[] data, long timeMs, Ed25519PrivateKey key) {
    Network network = network();
    return complete(
        new TransactionBuilder(network.shortId())
            .parent(parent)
            .issuer(key.publicKey())
            .timestampMs(timeMs)
            .payload(new Payload.Data(Optional.of(tag), data))
            .build(),
        key);
  }

  private static Transaction complete(UnsignedTransaction unsigned, Ed25519PrivateKey key) {
    byte[] digest = unsigned.essenceDigest();
    long nonce = 0;
    while (!ProofOfWork.meets(digest, nonce, 8)) {
      nonce++;
    }
    return unsigned.sign(key).complete(nonce);
  }
}
