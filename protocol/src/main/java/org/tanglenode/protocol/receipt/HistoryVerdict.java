package org.tanglenode.protocol.receipt;

import java.util.Objects;
import org.tanglenode.protocol.Payload;

/** The outcome of checking that a later milestone's history extends an earlier one's. */
public sealed interface HistoryVerdict {

  /** Why the check failed. Stable names: the CLI prints them, docs/receipts.md lists them. */
  enum Reason {
    /** A milestone belongs to another network. */
    WRONG_NETWORK,
    /** A milestone fails a protocol rule (encoding, structure, proof of work, a signature). */
    MILESTONE_INVALID,
    /** Bytes that are a valid transaction without a milestone payload. */
    NOT_A_MILESTONE,
    /** Fewer distinct committee members signed a milestone than the threshold. */
    BELOW_THRESHOLD,
    /**
     * The milestone kept by the auditor and the node's earlier milestone commit to other things.
     */
    KEPT_MISMATCH,
    /** The earlier milestone has a higher index or a larger history than the later one. */
    OUT_OF_ORDER,
    /** The consistency proof does not link the two history roots: history was rewritten. */
    PROOF_REJECTED
  }

  boolean isConsistent();

  /** Every id confirmed as of {@code from} is still, in the same place, in {@code to}'s history. */
  record Consistent(
      Payload.Milestone from, Payload.Milestone to, long fromTimestampMs, long toTimestampMs)
      implements HistoryVerdict {

    public Consistent {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override
    public boolean isConsistent() {
      return true;
    }
  }

  record Refused(Reason reason, String message) implements HistoryVerdict {

    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public boolean isConsistent() {
      return false;
    }
  }
}
