package org.tanglenode.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HistoryTreeTest {

  private static final long SEED = 0x4157_0a7eL;
  private static final MerkleHasher HASHER = MerkleHasher.blake2b256();

  /** Counts the store's reads and writes, to check the costs the class comment promises. */
  private static final class CountingStore implements MerkleNodeStore {
    private final MerkleNodeStore inner = new InMemoryMerkleNodeStore();
    private long reads;
    private long writes;

    @Override
    public long size() {
      return inner.size();
    }

    @Override
    public Optional<byte[]> get(int level, long index) {
      reads++;
      return inner.get(level, index);
    }

    @Override
    public void append(long newSize, List<MerkleNode> nodes) {
      writes += nodes.size();
      inner.append(newSize, nodes);
    }
  }

  @Test
  void readsAndWritesStayLogarithmic() {
    int n = 5000;
    CountingStore store = new CountingStore();
    HistoryTree tree = new HistoryTree(HASHER, store);
    List<byte[]> leaves = Leaves.randomLeafHashes(HASHER, new Random(SEED), n);
    for (int i = 0; i < n; i++) {
      long before = store.reads;
      tree.append(leaves.get(i));
      // One read per left sibling: the trailing one-bits of the index.
      assertThat(store.reads - before).isEqualTo(Integer.numberOfTrailingZeros(~i));
    }
    assertThat(store.writes).isEqualTo(2L * n - Integer.bitCount(n));

    Random random = new Random(SEED);
    for (int k = 0; k < 500; k++) {
      int size = 1 + random.nextInt(n);
      int bound = 2 * (64 - Long.numberOfLeadingZeros(size - 1)) + 1;
      store.reads = 0;
      tree.root(size);
      assertThat(store.reads).as("root(%d)", size).isEqualTo(Integer.bitCount(size));

      int index = random.nextInt(size);
      store.reads = 0;
      tree.inclusionProof(index, size);
      assertThat(store.reads).as("inclusion of %d in %d", index, size).isLessThanOrEqualTo(bound);

      int oldSize = 1 + random.nextInt(size);
      store.reads = 0;
      tree.consistencyProof(oldSize, size);
      assertThat(store.reads).as("from %d to %d", oldSize, size).isLessThanOrEqualTo(bound);
    }
  }

  @Test
  void aTreeReopenedOnItsStoreCarriesOn() {
    MerkleNodeStore store = new InMemoryMerkleNodeStore();
    List<byte[]> leaves = Leaves.randomLeafHashes(HASHER, new Random(SEED), 21);
    HistoryTree first = new HistoryTree(HASHER, store);
    leaves.subList(0, 13).forEach(first::append);

    HistoryTree reopened = new HistoryTree(HASHER, store);
    leaves.subList(13, 21).forEach(reopened::append);

    assertThat(reopened.size()).isEqualTo(21);
    assertThat(first.root()).isEqualTo(MerkleTree.ofLeafHashes(HASHER, leaves).root());
    assertThat(reopened.leafHash(13)).isEqualTo(leaves.get(13));
  }

  @Test
  void rejectsWhatItCannotProve() {
    HistoryTree tree =
        Leaves.historyTree(HASHER, Leaves.randomLeafHashes(HASHER, new Random(SEED), 5));

    assertThatThrownBy(() -> tree.append(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.append(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.root(6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.root(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.leafHash(5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(5, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(0, 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(-1, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(0, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(4, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(4, 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(tree.consistencyProof(0, 0).hashes()).isEmpty();
    assertThat(tree.size()).isEqualTo(5);
  }

  @Test
  void aStoreThatLostANodeIsAFault() {
    MerkleNodeStore lossy =
        new MerkleNodeStore() {
          private final MerkleNodeStore inner = new InMemoryMerkleNodeStore();

          @Override
          public long size() {
            return inner.size();
          }

          @Override
          public Optional<byte[]> get(int level, long index) {
            return level == 1 ? Optional.empty() : inner.get(level, index);
          }

          @Override
          public void append(long newSize, List<MerkleNode> nodes) {
            inner.append(newSize, nodes);
          }
        };
    HistoryTree tree = new HistoryTree(HASHER, lossy);
    Leaves.randomLeafHashes(HASHER, new Random(SEED), 3).forEach(tree::append);

    assertThatThrownBy(tree::root)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("level 1, index 0");
  }

  @Test
  void inMemoryStoreAcceptsOnlyTheNextNodes() {
    InMemoryMerkleNodeStore store = new InMemoryMerkleNodeStore();
    byte[] hash = new byte[32];
    store.append(1, List.of(new MerkleNode(0, 0, hash)));

    assertThatThrownBy(() -> store.append(3, List.of(new MerkleNode(0, 1, hash))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.append(2, List.of(new MerkleNode(0, 2, hash))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> store.append(2, List.of(new MerkleNode(0, 1, hash), new MerkleNode(2, 0, hash))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> store.append(2, List.of(new MerkleNode(0, 1, hash), new MerkleNode(0, 2, hash))))
        .isInstanceOf(IllegalArgumentException.class);
    // A rejected append changed nothing.
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.get(0, 1)).isEmpty();

    store.append(2, List.of(new MerkleNode(0, 1, hash), new MerkleNode(1, 0, hash)));
    assertThat(store.get(1, 0)).hasValueSatisfying(h -> assertThat(h).isEqualTo(hash));
    assertThat(store.get(5, 0)).isEmpty();
  }
}
