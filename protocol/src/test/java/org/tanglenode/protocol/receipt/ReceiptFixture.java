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
import org.tanglenode.protocol.record.AnchorRecord;
import org.tanglenode.protocol.record.DocumentHash;
import org.tanglenode.protocol.record.Records;

/**
 * The network and history of docs/receipts.md's worked example, deterministic to the byte: the
 * example network of docs/protocol.md (committee: the key of seed 0x01, threshold 1), its example
 * transaction A, a transaction B approving A that anchors {@link #document()}, C approving B, and
 * milestone 1 approving C, whose white-flag order (post-order) is A, B, C. Every transaction
 * carries the first nonce that meets the network's difficulty.
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
    return history(network(), signer, cosigners);
  }

  /** The same history on {@code network}, such as one without proof of work. */
  public static History history(
      Network network, Ed25519PrivateKey signer, Ed25519PrivateKey... cosigners) {
    Ed25519PrivateKey issuer = seedOf(2);
    byte[] anchor = new byte[32];
    Arrays.fill(anchor, (byte) 0xab);
    Transaction a =
        complete(
            network,
            new TransactionBuilder(network.shortId())
                .parent(network.rootId())
                .issuer(issuer.publicKey())
                .timestampMs(GENESIS_TIME_MS + 60_000)
                .payload(new Payload.Data(Optional.of(Tag.of("shipment-4711")), anchor))
                .build(),
            issuer);
    Transaction b =
        data(
            network,
            issuer,
            a.id(),
            GENESIS_TIME_MS + 61_000,
            Records.encode(
                new AnchorRecord(DocumentHash.of(document()), Optional.of("delivery note"))));
    Transaction c =
        data(
            network,
            issuer,
            b.id(),
            GENESIS_TIME_MS + 62_000,
            "received in store".getBytes(StandardCharsets.UTF_8));
    List<Transaction> confirmed = List.of(a, b, c);
    byte[] root = root(confirmed);
    Transaction milestone =
        complete(
            network,
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

  /** Everything confirmed up to a later milestone, in confirmation order, and that milestone. */
  public record Later(List<Transaction> confirmed, Transaction milestone) {}

  /**
   * Milestone 2 after {@code first}: it confirms D (approving milestone 1) and E (approving D), so
   * its history is A, B, C, D, E. {@code order} lists which of those five to put in its history
   * tree, in which order: {@code 0, 1, 2, 3, 4} is the honest history, anything else a rewrite.
   */
  public static Later later(History first, int... order) {
    Network network = network();
    Ed25519PrivateKey issuer = seedOf(2);
    Transaction d =
        data(
            network,
            issuer,
            first.milestone().id(),
            GENESIS_TIME_MS + 64_000,
            "handed to the partner".getBytes(StandardCharsets.UTF_8));
    Transaction e =
        data(
            network,
            issuer,
            d.id(),
            GENESIS_TIME_MS + 65_000,
            "distributed".getBytes(StandardCharsets.UTF_8));
    List<Transaction> all = new ArrayList<>(first.confirmed());
    all.add(d);
    all.add(e);
    List<Transaction> history = new ArrayList<>();
    for (int i : order.length == 0 ? new int[] {0, 1, 2, 3, 4} : order) {
      history.add(all.get(i));
    }
    Transaction milestone =
        complete(
            network,
            new TransactionBuilder(network.shortId())
                .parent(e.id())
                .issuer(seedOf(1).publicKey())
                .timestampMs(GENESIS_TIME_MS + 66_000)
                .payload(
                    new Payload.Milestone(
                        2,
                        Optional.of(first.milestone().id()),
                        root(List.of(d, e)),
                        root(history),
                        history.size()))
                .build(),
            seedOf(1));
    return new Later(List.copyOf(history), milestone);
  }

  /** The RFC 9162 consistency proof from the first {@code oldSize} ids of {@code ids} to all. */
  public static List<byte[]> consistencyProof(List<Transaction> ids, int oldSize) {
    List<byte[]> leaves = new ArrayList<>();
    for (Transaction tx : ids) {
      leaves.add(tx.id().bytes());
    }
    return MerkleTree.ofLeafData(HASHER, leaves).consistencyProof(oldSize, ids.size()).hashes();
  }

  /** The receipt of the {@code leaf}-th transaction of {@link #history()}. */
  public static Receipt receipt(History history, int leaf) {
    return receipt(network(), history, leaf);
  }

  /** The receipt of the {@code leaf}-th transaction of a history on {@code network}. */
  public static Receipt receipt(Network network, History history, int leaf) {
    List<byte[]> leafHashes = new ArrayList<>();
    for (Transaction tx : history.confirmed()) {
      leafHashes.add(HASHER.leafHash(tx.id().bytes()));
    }
    return new Receipt(
        Receipt.VERSION,
        network.id(),
        history.confirmed().get(leaf).bytes(),
        history.milestone().bytes(),
        leaf,
        MerkleTree.ofLeafHashes(HASHER, leafHashes).inclusionProof(leaf).hashes());
  }

  /** The index of B, the transaction of the worked example, in the history. */
  public static final int EXAMPLE_LEAF = 1;

  /** The document B anchors: 59 bytes of text. */
  public static byte[] document() {
    return "Delivery note 4711: 40 boxes of water purification tablets\n"
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The receipt file of transaction B, the worked example. */
  public static byte[] exampleReceiptFile() {
    return ReceiptFile.encode(receipt(history(), EXAMPLE_LEAF));
  }

  private static byte[] root(List<Transaction> txs) {
    List<byte[]> leaves = new ArrayList<>();
    for (Transaction tx : txs) {
      leaves.add(tx.id().bytes());
    }
    return MerkleTree.ofLeafData(HASHER, leaves).root();
  }

  private static Transaction data(
      Network network, Ed25519PrivateKey issuer, TransactionId parent, long timeMs, byte[] data) {
    return complete(
        network,
        new TransactionBuilder(network.shortId())
            .parent(parent)
            .issuer(issuer.publicKey())
            .timestampMs(timeMs)
            .payload(new Payload.Data(Optional.of(Tag.of("shipment-4711")), data))
            .build(),
        issuer);
  }

  /** Signs and does the proof of work: the first nonce that meets difficulty 8. */
  private static Transaction complete(
      Network network,
      UnsignedTransaction unsigned,
      Ed25519PrivateKey key,
      Ed25519PrivateKey... cosigners) {
    byte[] digest = unsigned.essenceDigest();
    long nonce = 0;
    while (!ProofOfWork.meets(digest, nonce, network.genesis().powDifficulty())) {
      nonce++;
    }
    SignedTransaction signed = unsigned.sign(key);
    for (Ed25519PrivateKey cosigner : cosigners) {
      signed.cosign(cosigner);
    }
    return signed.complete(nonce);
  }
}
