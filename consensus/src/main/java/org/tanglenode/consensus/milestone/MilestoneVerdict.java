package org.tanglenode.consensus.milestone;

import java.util.Objects;

/** Whether a milestone passed the checks of {@link MilestoneValidator}, and if not, why. */
public sealed interface MilestoneVerdict {

  /** Stable reason codes: logs, metrics and the API report them. */
  enum Code {
    VALID,
    /** The transaction carries no milestone payload. */
    NOT_A_MILESTONE,
    /** It claims another network. */
    WRONG_NETWORK,
    /** A committee key's signature (as issuer or cosigner) does not verify: a forgery. */
    BAD_SIGNATURE,
    /**
     * Fewer distinct keys of the committee at its index signed it than that committee's threshold.
     */
    TOO_FEW_SIGNATURES,
    /** Its index is not the one after the last confirmed milestone. */
    OUT_OF_SEQUENCE,
    /** {@code previous_milestone} is not the id of the milestone before it (or not empty for 1). */
    WRONG_PREVIOUS,
    /** {@code confirmed_root} differs from the root of its cone in white-flag order. */
    CONFIRMED_ROOT_MISMATCH,
    /** {@code history_size} differs from the history tree's size after its cone. */
    HISTORY_SIZE_MISMATCH,
    /** {@code history_root} differs from the history tree's root after its cone. */
    HISTORY_ROOT_MISMATCH
  }

  Code code();

  default boolean isValid() {
    return code() == Code.VALID;
  }

  static MilestoneVerdict valid() {
    return Valid.INSTANCE;
  }

  static MilestoneVerdict reject(Code code, String detail) {
    return new Rejected(code, detail);
  }

  record Valid() implements MilestoneVerdict {
    private static final Valid INSTANCE = new Valid();

    @Override
    public Code code() {
      return Code.VALID;
    }
  }

  record Rejected(Code code, String detail) implements MilestoneVerdict {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
      if (code == Code.VALID) {
        throw new IllegalArgumentException("a rejection needs a code other than VALID");
      }
    }
  }
}
