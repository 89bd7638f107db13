package org.tanglenode.consensus.history;

import java.util.List;
import java.util.Objects;
import org.tanglenode.crypto.merkle.ConsistencyProof;
import org.tanglenode.crypto.merkle.HistoryTree;
import org.tanglenode.crypto.merkle.InclusionProof;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.crypto.merkle.MerkleNode;
import org.tanglenode.protocol.TransactionId;

/**
 * The one append-only history tree over every confirmed transaction, in confirmation order, whose
 * root and size each milestone carries. Appends are staged per milestone ({@link #stage}) and
 * become permanent only with the milestone's batch ({@link #commit}); reads and proofs see the
 * staged leaves too until they are discarded. Appending {@code k} ids costs {@code O(k + log n)}
 * hashes and node reads.
 */
public final class ConfirmationHistory {

  private final MerkleHasher hasher;
  private final StagedMerkleNodeStore store;
  private final HistoryTree tree;

  public ConfirmationHistory(MerkleHasher hasher, StagedMerkleNodeStore store) {
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.store = Objects.requireNonNull(store, "store");
    this.tree = new HistoryTree(hasher, store);
  }

  /** Appends {@code ids} (staged) and returns the tree's root and size after them. */
  public synchronized HistoryState stage(List<TransactionId> ids) {
    for (TransactionId id : ids) {
      tree.append(hasher.leafHash(id.bytes()));
    }
    return new HistoryState(tree.root(), tree.size());
  }

  /** The nodes staged since the last commit or discard, for the milestone's batch. */
  public synchronized List<MerkleNode> stagedNodes() {
    return store.staged();
  }

  public synchronized void commit() {
    store.commit();
  }

  public synchronized void discard() {
    store.discard();
  }

  /** The root and size including staged leaves. */
  public synchronized HistoryState current() {
    return new HistoryState(tree.root(), tree.size());
  }

  /** The root of the tree of the first {@code size} leaves. */
  public synchronized byte[] root(long size) {
    return tree.root(size);
  }

  public synchronized ConsistencyProof consistencyProof(long oldSize, long newSize) {
    return tree.consistencyProof(oldSize, newSize);
  }

  public synchronized InclusionProof inclusionProof(long index, long treeSize) {
    return tree.inclusionProof(index, treeSize);
  }

  public MerkleHasher hasher() {
    return hasher;
  }
}
