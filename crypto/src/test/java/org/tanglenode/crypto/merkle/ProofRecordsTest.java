package org.tanglenode.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.merkle.ProofVerdict.Code;

class ProofRecordsTest {

  private static final MerkleHasher HASHER = MerkleHasher.sha256();

  @Test
  void proofsCopyTheirHashesInAndOut() {
    byte[] hash = new byte[32];
    List<byte[]> hashes = new ArrayList<>(List.of(hash));
    InclusionProof inclusion = new InclusionProof(0, 2, hashes);
    ConsistencyProof consistency = new ConsistencyProof(1, 2, hashes);

    hash[0] = 1;
    hashes.add(new byte[32]);
    inclusion.hashes().get(0)[1] = 1;
    consistency.hashes().get(0)[1] = 1;

    assertThat(inclusion.hashes()).hasSize(1);
    assertThat(inclusion.hashes().get(0)).isEqualTo(new byte[32]);
    assertThat(consistency.hashes()).hasSize(1);
    assertThat(consistency.hashes().get(0)).isEqualTo(new byte[32]);
    assertThatThrownBy(() -> inclusion.hashes().add(new byte[32]))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void proofsCompareByContent() {
    InclusionProof a = new InclusionProof(1, 4, List.of(new byte[] {1}, new byte[] {2}));
    InclusionProof b = new InclusionProof(1, 4, List.of(new byte[] {1}, new byte[] {2}));
    ConsistencyProof c = new ConsistencyProof(1, 4, List.of(new byte[] {1}));
    ConsistencyProof d = new ConsistencyProof(1, 4, List.of(new byte[] {1}));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new InclusionProof(1, 4, List.of(new byte[] {1}, new byte[] {3})));
    assertThat(a).isNotEqualTo(new InclusionProof(2, 4, List.of(new byte[] {1}, new byte[] {2})));
    assertThat(c).isEqualTo(d).hasSameHashCodeAs(d);
    assertThat(c).isNotEqualTo(new ConsistencyProof(1, 5, List.of(new byte[] {1})));
    assertThat(a.toString()).contains("leafIndex=1", "treeSize=4", "01", "02");
  }

  @Test
  void proofsRejectNegativeSizesAndNulls() {
    assertThatThrownBy(() -> new InclusionProof(-1, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InclusionProof(0, -1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConsistencyProof(-1, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConsistencyProof(0, Long.MIN_VALUE, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InclusionProof(0, 1, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ConsistencyProof(0, 1, Arrays.asList(new byte[32], null)))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void verificationNamesTheReason() {
    byte[] leaf = HASHER.leafHash(new byte[] {7});
    byte[] other = HASHER.leafHash(new byte[] {8});
    byte[] root = HASHER.nodeHash(leaf, other);
    InclusionProof proof = new InclusionProof(0, 2, List.of(other));

    assertThat(proof.verify(HASHER, leaf, root)).isEqualTo(ProofVerdict.accept());
    assertThat(proof.verify(HASHER, leaf, other).code()).isEqualTo(Code.ROOT_MISMATCH);
    assertThat(proof.verify(HASHER, leaf, new byte[31]).code()).isEqualTo(Code.WRONG_HASH_LENGTH);
    assertThat(proof.verify(HASHER, null, root).code()).isEqualTo(Code.WRONG_HASH_LENGTH);
    assertThat(new InclusionProof(2, 2, List.of(other)).verify(HASHER, leaf, root).code())
        .isEqualTo(Code.INDEX_OUT_OF_RANGE);
    assertThat(new InclusionProof(0, 2, List.of()).verify(HASHER, leaf, root).code())
        .isEqualTo(Code.WRONG_PROOF_LENGTH);
    assertThat(new InclusionProof(0, 2, List.of(new byte[33])).verify(HASHER, leaf, root).code())
        .isEqualTo(Code.WRONG_HASH_LENGTH);
    assertThat(
            new InclusionProof(0, Long.MAX_VALUE, List.of(other)).verify(HASHER, leaf, root).code())
        .isEqualTo(Code.WRONG_PROOF_LENGTH);

    MerkleTree tree = MerkleTree.ofLeafHashes(HASHER, List.of(leaf, other, leaf, other));
    ConsistencyProof consistency = tree.consistencyProof(3, 4);
    assertThat(consistency.verify(HASHER, tree.root(3), tree.root(4)))
        .isEqualTo(ProofVerdict.accept());
    assertThat(consistency.verify(HASHER, tree.root(2), tree.root(4)).code())
        .isEqualTo(Code.OLD_ROOT_MISMATCH);
    assertThat(consistency.verify(HASHER, tree.root(3), tree.root(3)).code())
        .isEqualTo(Code.NEW_ROOT_MISMATCH);
    assertThat(new ConsistencyProof(3, 2, List.of()).verify(HASHER, root, root).code())
        .isEqualTo(Code.SIZES_OUT_OF_ORDER);
    assertThat(
            new ConsistencyProof(0, 2, List.of()).verify(HASHER, HASHER.emptyRoot(), root).code())
        .isEqualTo(Code.EMPTY_OLD_TREE);
    assertThat(new ConsistencyProof(0, 0, List.of()).verify(HASHER, root, root).code())
        .isEqualTo(Code.OLD_ROOT_MISMATCH);
    assertThat(new ConsistencyProof(2, 2, List.of()).verify(HASHER, root, leaf).code())
        .isEqualTo(Code.ROOT_MISMATCH);
  }

  @Test
  void aRejectionNeedsARealReason() {
    ProofVerdict rejected = ProofVerdict.reject(Code.ROOT_MISMATCH, "roots differ");

    assertThat(rejected.isAccepted()).isFalse();
    assertThat(ProofVerdict.accept().isAccepted()).isTrue();
    assertThat(ProofVerdict.accept().code()).isEqualTo(Code.ACCEPTED);
    assertThatThrownBy(() -> ProofVerdict.reject(Code.ACCEPTED, "fine"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProofVerdict.Rejected(null, "x"))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void nodesValidateAndCopy() {
    byte[] hash = new byte[32];
    MerkleNode node = new MerkleNode(3, 5, hash);
    hash[0] = 1;
    node.hash()[1] = 1;

    assertThat(node.hash()).isEqualTo(new byte[32]);
    assertThat(node).isEqualTo(new MerkleNode(3, 5, new byte[32]));
    assertThatThrownBy(() -> new MerkleNode(-1, 0, new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MerkleNode(63, 0, new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MerkleNode(62, 1, new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MerkleNode(0, -1, new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MerkleNode(0, 0, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
