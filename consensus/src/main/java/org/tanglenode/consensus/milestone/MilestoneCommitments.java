package org.tanglenode.consensus.milestone;

import java.util.Collection;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.TransactionId;

/**
 * Computes what the next milestone must commit to, for the {@link Coordinator}: the confirmer
 * implements it over the same code that checks received milestones, so an issued milestone passes
 * its own node's checks.
 */
public interface MilestoneCommitments {

  /** The commitments of a milestone approving {@code parents}, issued now. */
  Draft next(Collection<TransactionId> parents);

  /** The index of the latest milestone confirmed here; 0 before the first. */
  int confirmedIndex();

  /** A draft, or why no milestone can be issued now. */
  sealed interface Draft {

    enum Code {
      READY,
      /** The last issued milestone is not confirmed here yet: its successor would not chain. */
      PREVIOUS_NOT_CONFIRMED,
      /** A transaction of the cone is not stored here. */
      CONE_INCOMPLETE
    }

    Code code();

    record Ready(Payload.Milestone commitments) implements Draft {
      public Ready {
        java.util.Objects.requireNonNull(commitments, "commitments");
      }

      @Override
      public Code code() {
        return Code.READY;
      }
    }

    record NotReady(Code code, String detail) implements Draft {
      public NotReady {
        java.util.Objects.requireNonNull(code, "code");
        java.util.Objects.requireNonNull(detail, "detail");
        if (code == Code.READY) {
          throw new IllegalArgumentException("NotReady needs a code other than READY");
        }
      }
    }
  }
}
