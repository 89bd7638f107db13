package org.tanglenode.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.TestVectors;
import org.tanglenode.crypto.hash.HashFunction;

class MerkleTreeTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final MerkleHasher HASHER = MerkleHasher.blake2b256();

  @Test
  void rootOfTheBlake2bVectorLeavesIsThePublishedRoot() {
    JsonNode vector = TestVectors.json("merkle-blake2b256.json");
    assertThat(vector.get("hash").asText()).isEqualTo("BLAKE2b-256");
    List<byte[]> leaves = new ArrayList<>();
    vector.get("leaves_hex").forEach(leaf -> leaves.add(HEX.parseHex(leaf.asText())));
    assertThat(leaves).hasSize(7);
    byte[] expected = HEX.parseHex(vector.get("root_hex").asText());

    assertThat(MerkleTree.ofLeafData(HASHER, leaves).root()).isEqualTo(expected);
    HistoryTree history = HistoryTree.inMemory(HASHER);
    leaves.forEach(leaf -> history.append(HASHER.leafHash(leaf)));
    assertThat(history.root()).isEqualTo(expected);
  }

  @Test
  void smallTreesFollowTheDefinition() {
    HashFunction h = HashFunction.blake2b256();
    byte[] a = h.hash(new byte[] {0, 'a'});
    byte[] b = h.hash(new byte[] {0, 'b'});
    byte[] c = h.hash(new byte[] {0, 'c'});
    List<byte[]> data = List.of(new byte[] {'a'}, new byte[] {'b'}, new byte[] {'c'});
    MerkleTree tree = MerkleTree.ofLeafData(HASHER, data);

    assertThat(tree.root(0)).isEqualTo(h.hash());
    assertThat(tree.root(1)).isEqualTo(a);
    assertThat(tree.root(2)).isEqualTo(h.hash((byte) 1, a, b));
    assertThat(tree.root()).isEqualTo(h.hash((byte) 1, h.hash((byte) 1, a, b), c));
    assertThat(tree.inclusionProof(2).hashes()).containsExactly(h.hash((byte) 1, a, b));
    assertThat(tree.inclusionProof(0).hashes()).containsExactly(b, c);
    assertThat(tree.consistencyProof(2, 3).hashes()).containsExactly(c);
    assertThat(tree.consistencyProof(1, 3).hashes()).containsExactly(b, c);
  }

  @Test
  void hasherSeparatesLeavesFromNodes() {
    byte[] left = HASHER.leafHash(new byte[] {1});
    byte[] right = HASHER.leafHash(new byte[] {2});
    byte[] concatenation = new byte[64];
    System.arraycopy(left, 0, concatenation, 0, 32);
    System.arraycopy(right, 0, concatenation, 32, 32);

    assertThat(HASHER.leafHash(concatenation)).isNotEqualTo(HASHER.nodeHash(left, right));
    assertThat(HASHER.leafHash(new byte[0])).isNotEqualTo(HASHER.emptyRoot());
    assertThat(HASHER.digestSize()).isEqualTo(32);
    assertThatThrownBy(() -> HASHER.nodeHash(left, new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("right child");
  }

  @Test
  void rejectsBadLeavesAndSizes() {
    assertThatThrownBy(() -> MerkleTree.ofLeafHashes(HASHER, List.of(new byte[32], new byte[20])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leaf hash 1");
    MerkleTree tree = MerkleTree.ofLeafHashes(HASHER, List.of(new byte[32], new byte[32]));
    assertThatThrownBy(() -> tree.root(3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(0, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(0, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(2, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsItsOwnCopyOfTheLeaves() {
    byte[] leaf = new byte[32];
    List<byte[]> leaves = new ArrayList<>(List.of(leaf));
    MerkleTree tree = MerkleTree.ofLeafHashes(HASHER, leaves);
    byte[] root = tree.root();

    leaf[0] = 1;
    leaves.add(new byte[32]);
    tree.leafHash(0)[1] = 1;

    assertThat(tree.size()).isEqualTo(1);
    assertThat(tree.root()).isEqualTo(root).isEqualTo(new byte[32]);
  }
}
