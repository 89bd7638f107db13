package org.tanglenode.crypto.merkle;

import java.util.Objects;

/**
 * The outcome of checking an inclusion or consistency proof. A proof that does not verify is an
 * expected outcome (it may come from any peer or file), so it is a value with a code to switch
 * over, not an exception.
 */
public sealed interface ProofVerdict permits ProofVerdict.Accepted, ProofVerdict.Rejected {

  /** Why a proof was rejected, or {@link #ACCEPTED}. Stable: receipts and the API report them. */
  enum Code {
    ACCEPTED,
    /** A root, leaf hash or proof hash is not a digest of the tree's hash function. */
    WRONG_HASH_LENGTH,
    /** The leaf index is not below the tree size. */
    INDEX_OUT_OF_RANGE,
    /** The old tree of a consistency proof is larger than the new one. */
    SIZES_OUT_OF_ORDER,
    /**
     * A consistency proof from the empty tree to a larger one: RFC 9162 defines proofs only for
     * {@code 0 < m < n}; every tree extends the empty one, so there is nothing to prove.
     */
    EMPTY_OLD_TREE,
    /** The proof has more or fewer hashes than the sizes and index call for. */
    WRONG_PROOF_LENGTH,
    /** The root computed from an inclusion proof, or the roots of two equal sizes, differ. */
    ROOT_MISMATCH,
    /** The old root computed from a consistency proof differs from the one given. */
    OLD_ROOT_MISMATCH,
    /** The new root computed from a consistency proof differs from the one given. */
    NEW_ROOT_MISMATCH
  }

  Code code();

  default boolean isAccepted() {
    return code() == Code.ACCEPTED;
  }

  static ProofVerdict accept() {
    return Accepted.INSTANCE;
  }

  static ProofVerdict reject(Code code, String detail) {
    return new Rejected(code, detail);
  }

  /** The proof verifies. */
  record Accepted() implements ProofVerdict {
    private static final Accepted INSTANCE = new Accepted();

    @Override
    public Code code() {
      return Code.ACCEPTED;
    }
  }

  /** The proof does not verify, with a code and a message for people. */
  record Rejected(Code code, String detail) implements ProofVerdict {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
      if (code == Code.ACCEPTED) {
        throw new IllegalArgumentException("a rejection needs a code other than ACCEPTED");
      }
    }
  }
}
