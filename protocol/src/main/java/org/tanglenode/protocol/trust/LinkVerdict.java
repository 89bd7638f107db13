package org.tanglenode.protocol.trust;

import java.util.Objects;

/** Whether a trust update may extend a {@link TrustChain}, and if not, why. */
public sealed interface LinkVerdict {

  /** Stable reason codes: logs, the API and the trust file reader report them. */
  enum Code {
    LINKED,
    /** The transaction carries no trust update payload. */
    NOT_A_TRUST_UPDATE,
    /** It claims another network's short id. */
    WRONG_NETWORK,
    /** Its sequence is not the last update's plus 1 (1 for the first). */
    WRONG_SEQUENCE,
    /** Its effective index is not above the last update's. */
    EFFECTIVE_INDEX_NOT_INCREASING,
    /** The issuer's signature or a cosignature does not verify. */
    BAD_SIGNATURE,
    /**
     * Fewer distinct keys of the committee in force at {@code effective_index - 1} signed it (as
     * issuer or cosigner) than that committee's threshold; keys of any other committee do not
     * count.
     */
    TOO_FEW_SIGNATURES
  }

  Code code();

  /** The chain with the update appended. */
  record Linked(TrustChain chain) implements LinkVerdict {
    public Linked {
      Objects.requireNonNull(chain, "chain");
    }

    @Override
    public Code code() {
      return Code.LINKED;
    }
  }

  /** The update does not link; the chain is unchanged. */
  record Refused(Code code, String detail) implements LinkVerdict {
    public Refused {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
      if (code == Code.LINKED) {
        throw new IllegalArgumentException("a refusal needs a code other than LINKED");
      }
    }
  }
}
