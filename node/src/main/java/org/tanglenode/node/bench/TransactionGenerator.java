package org.tanglenode.node.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.tanglenode.crypto.pow.ProofOfWork;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.SignedTransaction;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Network;

/**
 * Signed data transactions made before a run, so that what is timed is the node and not the
 * client's signing. A handful of issuer keys sign in turn (few organisations sign most records),
 * the data is random and sized so the encoded transaction is {@code sizeBytes} long (or up to a few
 * bytes more where the encoding cannot give that size), and proof of work meets the network's
 * difficulty. Deterministic for a seed, apart from timestamps (the node refuses transactions from
 * the future or before genesis, so they are taken from the clock).
 */
final class TransactionGenerator {

  /** Transactions younger than this many are not yet visible as tips to the next one. */
  static final int VISIBILITY_LAG = 8;

  /** Blocks shuffled for {@link ParentsPattern#OUT_OF_ORDER}. */
  static final int SHUFFLE_BLOCK = 64;

  private final Network network;
  private final List<Ed25519PrivateKey> issuers;
  private final Random random;

  TransactionGenerator(Network network, List<Ed25519PrivateKey> issuers, long seed) {
    this.network = network;
    this.issuers = List.copyOf(issuers);
    this.random = new Random(seed);
  }

  /** {@code count} transactions in the order they are to be sent. */
  List<GeneratedTransaction> generate(int count, int sizeBytes, ParentsPattern pattern) {
    return generate(0, count, sizeBytes, pattern);
  }

  /**
   * {@code warmup + count} transactions in the order they are to be sent, the first {@code warmup}
   * a phase of their own: {@link ParentsPattern#OUT_OF_ORDER} shuffles within each phase, so
   * everything the warm-up needs is in the warm-up.
   */
  List<GeneratedTransaction> generate(
      int warmup, int count, int sizeBytes, ParentsPattern pattern) {
    List<GeneratedTransaction> made = inOrder(warmup + count, sizeBytes, pattern);
    if (pattern == ParentsPattern.OUT_OF_ORDER) {
      shuffleBlocks(made.subList(0, warmup));
      shuffleBlocks(made.subList(warmup, made.size()));
    }
    return made;
  }

  private void shuffleBlocks(List<GeneratedTransaction> txs) {
    for (int from = 0; from < txs.size(); from += SHUFFLE_BLOCK) {
      Collections.shuffle(txs.subList(from, Math.min(txs.size(), from + SHUFFLE_BLOCK)), random);
    }
  }

  private List<GeneratedTransaction> inOrder(int count, int sizeBytes, ParentsPattern pattern) {
    List<GeneratedTransaction> made = new ArrayList<>(count);
    List<Tip> tips = new ArrayList<>();
    // Per parent count: the data length found to fit, and the encoded length it gave.
    Map<Integer, int[]> dataLengths = new HashMap<>();
    long timestamp = System.currentTimeMillis();
    for (int i = 0; i < count; i++) {
      List<TransactionId> parents = parents(pattern, made, tips, i);
      Ed25519PrivateKey issuer = issuers.get(i % issuers.size());
      long at = timestamp + i / 1000;
      byte[] data = new byte[sizeBytes];
      random.nextBytes(data);
      int[] known = dataLengths.get(parents.size());
      byte[] bytes =
          known == null ? null : encode(parents, issuer, Arrays.copyOf(data, known[0]), at);
      if (bytes == null || bytes.length != known[1]) {
        bytes = fit(parents, issuer, data, sizeBytes, at, dataLengths);
      }
      GeneratedTransaction tx = new GeneratedTransaction(TransactionId.of(bytes), bytes);
      made.add(tx);
      tips.add(new Tip(i, tx.id()));
    }
    return made;
  }

  private record Tip(int index, TransactionId id) {}

  private List<TransactionId> parents(
      ParentsPattern pattern, List<GeneratedTransaction> made, List<Tip> tips, int i) {
    if (made.isEmpty()) {
      return List.of(network.rootId());
    }
    if (pattern == ParentsPattern.CHAINED) {
      tips.clear();
      return List.of(made.get(made.size() - 1).id());
    }
    // Tips are in generation order; those at least VISIBILITY_LAG old are visible. Two of them
    // are taken uniformly (or the oldest there are), so nothing stays unapproved for long.
    int visible = 0;
    while (visible < tips.size() && tips.get(visible).index() <= i - VISIBILITY_LAG) {
      visible++;
    }
    List<Tip> candidates = visible > 0 ? tips.subList(0, visible) : tips.subList(0, 1);
    List<Tip> picked = new ArrayList<>(2);
    while (picked.size() < Math.min(2, candidates.size())) {
      Tip tip = candidates.get(random.nextInt(candidates.size()));
      if (!picked.contains(tip)) {
        picked.add(tip);
      }
    }
    tips.removeAll(picked);
    TreeSet<TransactionId> sorted = new TreeSet<>();
    picked.forEach(t -> sorted.add(t.id()));
    return List.copyOf(sorted);
  }

  /**
   * Finds the data length that gives {@code sizeBytes} (or the smallest size above it that the
   * encoding allows: length prefixes grow at 128) and remembers it per parent count.
   */
  private byte[] fit(
      List<TransactionId> parents,
      Ed25519PrivateKey issuer,
      byte[] data,
      int sizeBytes,
      long timestamp,
      Map<Integer, int[]> dataLengths) {
    int overhead = encode(parents, issuer, new byte[0], timestamp).length;
    for (int length = Math.max(0, sizeBytes - overhead - 3); length <= sizeBytes; length++) {
      byte[] encoded = encode(parents, issuer, Arrays.copyOf(data, length), timestamp);
      if (encoded.length >= sizeBytes) {
        dataLengths.put(parents.size(), new int[] {length, encoded.length});
        return encoded;
      }
    }
    throw new IllegalArgumentException("no data length gives a " + sizeBytes + "-byte transaction");
  }

  private byte[] encode(
      List<TransactionId> parents, Ed25519PrivateKey issuer, byte[] data, long timestamp) {
    SignedTransaction signed =
        new TransactionBuilder(network.shortId())
            .parents(parents)
            .issuer(issuer.publicKey())
            .timestampMs(timestamp)
            .data(Tag.of("bench"), data)
            .build()
            .sign(issuer);
    byte[] digest = signed.essenceDigest();
    int difficulty = network.genesis().powDifficulty();
    // From 1, so the nonce field (absent when 0) is always there and sizes do not jump by 9.
    long nonce = 1;
    while (!ProofOfWork.meets(digest, nonce, difficulty)) {
      nonce++;
    }
    return signed.encode(nonce);
  }
}
