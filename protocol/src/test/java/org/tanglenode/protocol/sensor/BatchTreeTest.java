package org.tanglenode.protocol.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.hash.Blake2b256;
import org.tanglenode.crypto.merkle.InclusionProof;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.crypto.merkle.MerkleTree;
import org.tanglenode.crypto.merkle.ProofVerdict;

/** The batch tree is the RFC 9162 tree: its roots and paths are those of the crypto MerkleTree. */
class BatchTreeTest {

  private static final MerkleHasher HASHER = MerkleHasher.blake2b256();

  private static List<byte[]> leaves(int n) {
    List<byte[]> leaves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      leaves.add(HASHER.leafHash(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)}));
    }
    return leaves;
  }

  @Test
  void rootsAndPathsAreThoseOfRfc9162ForEverySizeUpTo70() {
    for (int n = 1; n <= 70; n++) {
      List<byte[]> leaves = leaves(n);
      BatchTree tree = BatchTree.ofLeafHashes(leaves);
      MerkleTree reference = MerkleTree.ofLeafHashes(HASHER, leaves);
      assertThat(tree.root()).as("root of %d", n).isEqualTo(reference.root());
      for (int i = 0; i < n; i++) {
        assertThat(tree.path(i))
            .as("path %d of %d", i, n)
            .containsExactlyElementsOf(reference.inclusionProof(i).hashes());
      }
    }
  }

  @Test
  void batchesOfOneTwoThreeAndEightThousandOneHundredNinetyTwoVerifyByRfc9162() {
    for (int n : new int[] {1, 2, 3, 8192}) {
      List<byte[]> leaves = leaves(n);
      BatchTree tree = BatchTree.ofLeafHashes(leaves);
      for (int i = 0; i < n; i++) {
        InclusionProof proof = new InclusionProof(i, n, tree.path(i));
        assertThat(proof.verify(HASHER, leaves.get(i), tree.root()))
            .as("leaf %d of %d", i, n)
            .isInstanceOf(ProofVerdict.Accepted.class);
        // the same path does not prove another leaf, nor the leaf at another index (a size is
        // bound by the root alone: PATH(0, D[3]) also passes as a path of a tree of 4 leaves)
        assertThat(proof.verify(HASHER, leaves.get((i + 1) % n), tree.root()).isAccepted())
            .isEqualTo(n == 1);
        if (n > 1) {
          assertThat(
                  new InclusionProof((i + 1) % n, n, tree.path(i))
                      .verify(HASHER, leaves.get(i), tree.root())
                      .isAccepted())
              .isFalse();
        }
      }
    }
  }

  @Test
  void theRootOfOneLeafIsTheLeafAndOfTwoTheirNode() {
    List<byte[]> two = leaves(2);
    assertThat(BatchTree.ofLeafHashes(two.subList(0, 1)).root()).isEqualTo(two.get(0));
    assertThat(BatchTree.ofLeafHashes(two.subList(0, 1)).path(0)).isEmpty();
    byte[] node = new byte[65];
    node[0] = 1;
    System.arraycopy(two.get(0), 0, node, 1, 32);
    System.arraycopy(two.get(1), 0, node, 33, 32);
    assertThat(BatchTree.ofLeafHashes(two).root()).isEqualTo(Blake2b256.digest(node));
  }

  @Test
  void the8192LeafRootMatchesTheReferenceAndPathsAre13Hashes() {
    List<byte[]> leaves = leaves(8192);
    BatchTree tree = BatchTree.ofLeafHashes(leaves);
    MerkleTree reference = MerkleTree.ofLeafHashes(HASHER, leaves);
    assertThat(tree.root()).isEqualTo(reference.root());
    for (int i : new int[] {0, 1, 4095, 4096, 8191}) {
      assertThat(tree.path(i))
          .hasSize(13)
          .containsExactlyElementsOf(reference.inclusionProof(i).hashes());
    }
  }

  @Test
  void emptyOversizedAndBadLeavesAreRefused() {
    assertThatThrownBy(() -> BatchTree.ofLeafHashes(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BatchTree.ofLeafHashes(List.of(new byte[31])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BatchTree.ofLeafHashes(leaves(3)).path(3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
