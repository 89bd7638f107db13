package org.tanglenode.consensus.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tanglenode.crypto.merkle.MerkleNode;
import org.tanglenode.crypto.merkle.MerkleNodeStore;

/**
 * A {@link MerkleNodeStore} over the committed nodes in storage with the appends of one milestone
 * staged on the heap. A milestone's appends are written to storage in the same atomic batch as the
 * rest of its confirmation: {@link #staged()} lists them for that batch, {@link #commit()} makes
 * them the committed state once the batch is written, {@link #discard()} forgets them if it is not.
 *
 * <p>The committed size is not stored apart: it is the {@code history_size} of the last confirmed
 * milestone, which the same batch records. Synchronized: the coordinator's preview and the
 * confirmation may come from two threads (they also serialize on the confirmer).
 */
public final class StagedMerkleNodeStore implements MerkleNodeStore {

  private final HistoryNodeSource committed;
  private final Map<Long, byte[]>[] stagedByLevel;
  private final List<MerkleNode> staged = new ArrayList<>();
  private long committedSize;
  private long size;

  @SuppressWarnings("unchecked")
  public StagedMerkleNodeStore(HistoryNodeSource committed, long committedSize) {
    this.committed = Objects.requireNonNull(committed, "committed");
    if (committedSize < 0) {
      throw new IllegalArgumentException("a tree size is not negative: " + committedSize);
    }
    this.committedSize = committedSize;
    this.size = committedSize;
    this.stagedByLevel = new Map[MerkleNode.MAX_LEVEL + 1];
  }

  @Override
  public synchronized long size() {
    return size;
  }

  @Override
  public synchronized Optional<byte[]> get(int level, long index) {
    MerkleNode.checkPosition(level, index);
    Map<Long, byte[]> levelNodes = stagedByLevel[level];
    if (levelNodes != null) {
      byte[] hash = levelNodes.get(index);
      if (hash != null) {
        return Optional.of(hash.clone());
      }
    }
    return committed.node(level, index);
  }

  @Override
  public synchronized void append(long newSize, List<MerkleNode> nodes) {
    if (newSize != size + 1) {
      throw new IllegalArgumentException(
          "an append takes the size from " + size + " to " + (size + 1) + ", not " + newSize);
    }
    for (MerkleNode node : nodes) {
      Map<Long, byte[]> levelNodes = stagedByLevel[node.level()];
      if (levelNodes == null) {
        levelNodes = new HashMap<>();
        stagedByLevel[node.level()] = levelNodes;
      }
      levelNodes.put(node.index(), node.hash());
      staged.add(node);
    }
    size = newSize;
  }

  /** The nodes appended since the last commit or discard, in append order. */
  public synchronized List<MerkleNode> staged() {
    return List.copyOf(staged);
  }

  /** The size as of the last commit. */
  public synchronized long committedSize() {
    return committedSize;
  }

  /** The staged nodes are now in storage: they become the committed state. */
  public synchronized void commit() {
    committedSize = size;
    clearStaged();
  }

  /** Forgets the staged nodes: the tree is back at its committed size. */
  public synchronized void discard() {
    size = committedSize;
    clearStaged();
  }

  private void clearStaged() {
    staged.clear();
    java.util.Arrays.fill(stagedByLevel, null);
  }
}
