package org.tanglenode.protocol.receipt;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tanglenode.protocol.genesis.NetworkId;

/**
 * What a receipt file states: the transaction's bytes, the bytes of a milestone (with its
 * cosignatures), and the audit path that shows the transaction's id is leaf {@code leafIndex} of
 * the confirmation history whose root and size the milestone carries. Nothing in it is trusted
 * until {@link ReceiptVerifier} has checked it.
 *
 * @param version the receipt format version ({@link #VERSION})
 * @param network the id of the network the receipt claims to belong to
 * @param transaction the confirmed transaction, as encoded on the network
 * @param milestone the milestone transaction whose history tree holds it, cosignatures included
 * @param leafIndex the transaction's position in the confirmation history (0 is the first id any
 *     milestone confirmed)
 * @param path the RFC 9162 inclusion path of that leaf in the history tree of the milestone's
 *     {@code history_size} leaves, the leaf's sibling first
 */
public record Receipt(
    int version,
    NetworkId network,
    byte[] transaction,
    byte[] milestone,
    long leafIndex,
    List<byte[]> path) {

  /** The only receipt format version so far. */
  public static final int VERSION = 1;

  /** The longest path a history of up to 2^64 leaves can need. */
  public static final int MAX_PATH = 64;

  public Receipt {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(milestone, "milestone");
    Objects.requireNonNull(path, "path");
    if (leafIndex < 0) {
      throw new IllegalArgumentException("a leaf index is not negative: " + leafIndex);
    }
    if (path.size() > MAX_PATH) {
      throw new IllegalArgumentException("a path has at most " + MAX_PATH + " hashes");
    }
    transaction = transaction.clone();
    milestone = milestone.clone();
    path = path.stream().map(byte[]::clone).toList();
  }

  @Override
  public byte[] transaction() {
    return transaction.clone();
  }

  @Override
  public byte[] milestone() {
    return milestone.clone();
  }

  @Override
  public List<byte[]> path() {
    return path.stream().map(byte[]::clone).toList();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Receipt other)) {
      return false;
    }
    if (version != other.version
        || leafIndex != other.leafIndex
        || !network.equals(other.network)
        || !Arrays.equals(transaction, other.transaction)
        || !Arrays.equals(milestone, other.milestone)
        || path.size() != other.path.size()) {
      return false;
    }
    for (int i = 0; i < path.size(); i++) {
      if (!Arrays.equals(path.get(i), other.path.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, network, Arrays.hashCode(transaction), leafIndex);
  }

  @Override
  public String toString() {
    return "Receipt[leafIndex="
        + leafIndex
        + ", transaction "
        + transaction.length
        + " bytes, milestone "
        + milestone.length
        + " bytes, path "
        + path.size()
        + " hashes]";
  }
}
