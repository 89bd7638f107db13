package org.tanglenode.crypto.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link MerkleNodeStore} on the heap, for tests and for trees rebuilt at start-up: one list of
 * hashes per level, since each level only grows at its end. Thread safe; about {@code 2n} hashes
 * for {@code n} leaves.
 */
public final class InMemoryMerkleNodeStore implements MerkleNodeStore {

  private final List<List<byte[]>> levels = new ArrayList<>();
  private long size;

  @Override
  public synchronized long size() {
    return size;
  }

  @Override
  public synchronized Optional<byte[]> get(int level, long index) {
    MerkleNode.checkPosition(level, index);
    if (level >= levels.size() || index >= levels.get(level).size()) {
      return Optional.empty();
    }
    return Optional.of(levels.get(level).get((int) index).clone());
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code newSize} is not one more than the size, or a node is
   *     not the next one on its level (nodes are written once, in order)
   */
  @Override
  public synchronized void append(long newSize, List<MerkleNode> nodes) {
    Objects.requireNonNull(nodes, "nodes");
    if (newSize != size + 1) {
      throw new IllegalArgumentException(
          "an append takes the size from " + size + " to " + (size + 1) + ", not " + newSize);
    }
    // Check every node before storing any, so a rejected append changes nothing.
    int levelCount = levels.size();
    int previousLevel = -1;
    for (MerkleNode node : nodes) {
      if (node.level() <= previousLevel) {
        throw new IllegalArgumentException("the nodes of an append go up one level at a time");
      }
      previousLevel = node.level();
      long next = node.level() < levels.size() ? levels.get(node.level()).size() : 0;
      if (node.level() > levelCount || node.index() != next) {
        throw new IllegalArgumentException(
            node + " is not the next node of level " + node.level() + ", which is " + next);
      }
      if (next == Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("an in-memory tree holds fewer than 2^31 leaves");
      }
      levelCount = Math.max(levelCount, node.level() + 1);
    }
    for (MerkleNode node : nodes) {
      if (node.level() == levels.size()) {
        levels.add(new ArrayList<>());
      }
      levels.get(node.level()).add(node.hash());
    }
    size = newSize;
  }
}
