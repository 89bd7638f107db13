package org.tanglenode.protocol.receipt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.crypto.merkle.MerkleTree;
import org.tanglenode.crypto.pow.ProofOfWork;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.SignedTransaction;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.UnsignedTransaction;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.protocol.genesis.Network;

/**
 * The network and history of docs/receipts.md's worked example, deterministic to the byte: the
 * example network of docs/protocol.md (committee: the key of seed 0x01, threshold 1), its example
 * transaction A, a transaction B approving A and C approving B, and milestone 1 approving C, whose
 * white-flag order (post-order) is A, B, C. Every transaction carries the first nonce that meets
 * the network's difficulty.
 */
public final class ReceiptFixture {

  /** 2026-01-01T00:00:00Z. */
  public static final long GENESIS_TIME_MS = 1_767_225_600_000L;

  private static final MerkleHasher HASHER = MerkleHasher.blake2b256();

  private ReceiptFixture() {}

  /** A key whose 32-byte seed is {@code b} repeated. */
  public static Ed25519PrivateKey seedOf(int b) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) b);
    return Ed25519PrivateKey.fromSeed(seed);
  }

  public static Genesis genesis() {
    return new Genesis(
        "example",
        "tgl",
        8,
        1_000,
        GENESIS_TIME_MS,
        new Committee(List.of(seedOf(1).publicKey()), 1),
        Limits.DEFAULT,
        List.of());
  }

  /** The bytes of the example genesis file. */
  public static byte[] genesisFile() {
    return GenesisFile.encode(genesis());
  }

  public static Network network() {
    return GenesisFile.parse(genesisFile());
  }

  /** A, B and C in white-flag order, then milestone 1 signed by {@code signer}. */
  public record History(List<Transaction> confirmed, Transaction milestone) {}

  public static History history() {
    return history(seedOf(1));
  }

  /**
   * The same history, its milestone issued and signed by {@code signer} and cosigned by {@code
   * cosigners} (in any order).
   */
  public static History history(Ed25519PrivateKey signer, Ed25519PrivateKey... cosigners) {
    Network network = network();
    Ed25519PrivateKey issuer = seedOf(2);
    byte[] anchor = new byte[32];
    Arrays.fill(anchor, (byte) 0xab);
    Transaction a =
        complete(
            new TransactionBuilder(network.shortId())
                .parent(network.rootId())
                .issuer(issuer.publicKey())
                .timestampMs(GENESIS_TIME_MS + 60_000)
                .payload(new Payload.Data(Optional.of(Tag.of("shipment-4711")), anchor))
                .build(),
            issuer);
    Transaction b = data(network, issuer, a.id(), GENESIS_TIME_MS + 61_000, "unloaded at the port");
    Transaction c = data(network, issuer, b.id(), GENESIS_TIME_MS + 62_000, "received in store");
    List<Transaction> confirmed = List.of(a, b, c);
    byte[] root = root(confirmed);
    Transaction milestone =
        complete(
            new TransactionBuilder(network.shortId())
                .parent(c.id())
                .issuer(signer.publicKey())
                .timestampMs(GENESIS_TIME_MS + 63_000)
                .payload(new Payload.Milestone(1, Optional.empty(), root, root, confirmed.size()))
                .build(),
            signer,
            cosigners);
    return new History(confirmed, milestone);
  }

  /** The receipt of the {@code leaf}-th transaction of {@link #history()}. */
  public static Receipt receipt(History history, int leaf) {
    List<byte[]> leafHashes = new ArrayList<>();
    for (Transaction tx : history.confirmed()) {
      leafHashes.add(HASHER.leafHash(tx.id().bytes()));
    }
    return new Receipt(
        Receipt.VERSION,
        network().id(),
        history.confirmed().get(leaf).bytes(),
        history.milestone().bytes(),
        leaf,
        MerkleTree.ofLeafHashes(HASHER, leafHashes).inclusionProof(leaf).hashes());
  }

  /** The receipt file of transaction A, the worked example. */
  public static byte[] exampleReceiptFile() {
    return ReceiptFile.encode(receipt(history(), 0));
  }

  private static byte[] root(List<Transaction> txs) {
    List<byte[]> leaves = new ArrayList<>();
    for (Transaction tx : txs) {
      leaves.add(tx.id().bytes());
    }
    return MerkleTree.ofLeafData(HASHER, leaves).root();
  }

  private static Transaction data(
      Network network, Ed25519PrivateKey issuer, TransactionId parent, long timeMs, String text) {
    return complete(
        new TransactionBuilder(network.shortId())
            .parent(parent)
            .issuer(issuer.publicKey())
            .timestampMs(timeMs)
            .payload(
                new Payload.Data(
                    Optional.of(Tag.of("shipment-4711")), text.getBytes(StandardCharsets.UTF_8)))
            .build(),
        issuer);
  }

  /** Signs and does the proof of work: the first nonce that meets difficulty 8. */
  private static Transaction complete(
      UnsignedTransaction unsigned, Ed25519PrivateKey key, Ed25519PrivateKey... cosigners) {
    byte[] digest = unsigned.essenceDigest();
    long nonce = 0;
    while (!ProofOfWork.meets(digest, nonce, genesis().powDifficulty())) {
      nonce++;
    }
    SignedTransaction signed = unsigned.sign(key);
    for (Ed25519PrivateKey cosigner : cosigners) {
      signed.cosign(cosigner);
    }
    return signed.complete(nonce);
  }
}
