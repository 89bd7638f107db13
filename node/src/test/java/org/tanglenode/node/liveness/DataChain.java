package org.tanglenode.node.liveness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.tanglenode.crypto.pow.ProofOfWork;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.SignedTransaction;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Network;

/**
 * A writer's chain of data transactions, as an audit trail is written: transaction {@code i}
 * approves transactions {@code i - 1} and {@code i - 2} of the same chain (the first ones approve
 * the network root), is signed by the writer's key, tagged, and carries proof of work for the
 * network's difficulty. {@link #arrival} puts a chain (or {@link #interleave}d chains) in the order
 * a node is to receive it.
 */
public record DataChain(List<Transaction> transactions) {

  /** The order in which a node receives transactions. */
  public enum Arrival {
    /** Parents before children, as written. */
    IN_ORDER,
    /** Children before parents: nothing is solid until the last one (the first written) comes. */
    REVERSED,
    /** A random permutation (seeded). */
    RANDOM,
    /** As written but the first one last: the whole chain becomes solid at once. */
    FIRST_LAST
  }

  public DataChain {
    transactions = List.copyOf(transactions);
  }

  /** A chain of {@code length} transactions by {@code writer} under {@code tag}. */
  public static DataChain write(
      Network network, Ed25519PrivateKey writer, String tag, int length, long timestampMs) {
    int difficulty = network.genesis().powDifficulty();
    List<Transaction> out = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      TreeSet<TransactionId> parents = new TreeSet<>();
      parents.add(i >= 1 ? out.get(i - 1).id() : network.rootId());
      parents.add(i >= 2 ? out.get(i - 2).id() : network.rootId());
      SignedTransaction signed =
          new TransactionBuilder(network.shortId())
              .parents(parents)
              .issuer(writer.publicKey())
              .timestampMs(timestampMs + i)
              .data(Tag.of(tag), (tag + " record " + i).getBytes(StandardCharsets.UTF_8))
              .build()
              .sign(writer);
      byte[] digest = signed.essenceDigest();
      long nonce = 0;
      while (!ProofOfWork.meets(digest, nonce, difficulty)) {
        nonce++;
      }
      out.add(signed.complete(nonce));
    }
    return new DataChain(out);
  }

  public List<TransactionId> ids() {
    return transactions.stream().map(Transaction::id).toList();
  }

  public int size() {
    return transactions.size();
  }

  /** The chain in the order of {@code arrival}; {@code seed} fixes {@link Arrival#RANDOM}. */
  public List<Transaction> arrival(Arrival arrival, long seed) {
    List<Transaction> out = new ArrayList<>(transactions);
    switch (arrival) {
      case IN_ORDER -> {}
      case REVERSED -> Collections.reverse(out);
      case RANDOM -> Collections.shuffle(out, new Random(seed));
      case FIRST_LAST -> out.add(out.remove(0));
    }
    return out;
  }

  /** Two arrival sequences merged one by one (the longer one's rest at the end). */
  public static List<Transaction> interleave(List<Transaction> a, List<Transaction> b) {
    List<Transaction> out = new ArrayList<>(a.size() + b.size());
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      if (i < a.size()) {
        out.add(a.get(i));
      }
      if (i < b.size()) {
        out.add(b.get(i));
      }
    }
    return out;
  }
}
