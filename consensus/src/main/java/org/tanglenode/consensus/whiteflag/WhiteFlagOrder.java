package org.tanglenode.consensus.whiteflag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.crypto.merkle.MerkleTree;
import org.tanglenode.protocol.TransactionId;

/**
 * The white-flag order of docs/consensus.md: the past cone of a milestone's parents that is not yet
 * confirmed, walked depth-first in post-order, each transaction's parents visited in ascending id
 * order (unsigned bytes), each transaction listed once, when its first visit ends. The walk does
 * not enter the network root, solid entry points or transactions already confirmed. The confirmed
 * root is the RFC 9162 Merkle root (BLAKE2b-256) over the 32-byte ids in that order.
 *
 * <p>A pure function of what the {@link ConeReader} answers, so every node that holds the same cone
 * computes the same list and root. The walk uses an explicit stack: a cone of any depth costs no
 * call stack. Thread safe.
 */
public final class WhiteFlagOrder {

  private final MerkleHasher hasher;

  public WhiteFlagOrder(MerkleHasher hasher) {
    this.hasher = Objects.requireNonNull(hasher, "hasher");
  }

  /** The order with the node's hash, BLAKE2b-256. */
  public static WhiteFlagOrder blake2b256() {
    return new WhiteFlagOrder(MerkleHasher.blake2b256());
  }

  /**
   * Walks the cone of a milestone whose parents are {@code parents} (in any order; they are sorted
   * here). The milestone itself is not part of its cone.
   */
  public WhiteFlagResult order(Collection<TransactionId> parents, ConeReader reader) {
    Objects.requireNonNull(reader, "reader");
    List<TransactionId> out = new ArrayList<>();
    Set<TransactionId> visited = new HashSet<>();
    Deque<Frame> stack = new ArrayDeque<>();
    for (TransactionId start : sorted(parents)) {
      TransactionId missing = enter(start, reader, visited, stack);
      while (missing == null && !stack.isEmpty()) {
        Frame top = stack.peek();
        if (top.next < top.parents.size()) {
          missing = enter(top.parents.get(top.next++), reader, visited, stack);
        } else {
          stack.pop();
          out.add(top.id);
        }
      }
      if (missing != null) {
        return new WhiteFlagResult.Incomplete(missing);
      }
    }
    return new WhiteFlagResult.Ordered(out, root(out));
  }

  /** The Merkle root over {@code ids} as leaves (each leaf the 32-byte id). */
  public byte[] root(List<TransactionId> ids) {
    List<byte[]> leafHashes = new ArrayList<>(ids.size());
    for (TransactionId id : ids) {
      leafHashes.add(hasher.leafHash(id.bytes()));
    }
    return MerkleTree.ofLeafHashes(hasher, leafHashes).root();
  }

  /** Pushes {@code id} unless the walk must not enter it; returns it if it is missing. */
  private static TransactionId enter(
      TransactionId id, ConeReader reader, Set<TransactionId> visited, Deque<Frame> stack) {
    if (visited.contains(id) || reader.isConfirmed(id)) {
      return null;
    }
    Optional<List<TransactionId>> parents = reader.parents(id);
    if (parents.isEmpty()) {
      return id;
    }
    visited.add(id);
    stack.push(new Frame(id, sorted(parents.get())));
    return null;
  }

  private static List<TransactionId> sorted(Collection<TransactionId> ids) {
    List<TransactionId> copy = new ArrayList<>(ids);
    copy.sort(null);
    return copy;
  }

  private static final class Frame {
    final TransactionId id;
    final List<TransactionId> parents;
    int next;

    Frame(TransactionId id, List<TransactionId> parents) {
      this.id = id;
      this.parents = parents;
    }
  }
}
