package org.tanglenode.consensus.milestone;

import java.util.Objects;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;

/** What one tick of the {@link Coordinator} did. */
public sealed interface IssueOutcome {

  enum Code {
    /** A milestone was built, signed and accepted by the submitter. */
    ISSUED,
    /** The previous milestone is not confirmed yet; nothing was built. */
    PREVIOUS_NOT_CONFIRMED,
    /** A transaction of the parents' cone is not stored yet; nothing was built. */
    CONE_INCOMPLETE,
    /** The coordinator holds fewer keys of the committee at the next index than its threshold. */
    TOO_FEW_KEYS,
    /** The submitter refused the milestone (for example its queue was full). */
    SUBMIT_REFUSED
  }

  Code code();

  record Issued(Transaction milestone, Payload.Milestone commitments) implements IssueOutcome {
    public Issued {
      Objects.requireNonNull(milestone, "milestone");
      Objects.requireNonNull(commitments, "commitments");
    }

    @Override
    public Code code() {
      return Code.ISSUED;
    }
  }

  record NotIssued(Code code, String detail) implements IssueOutcome {
    public NotIssued {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
      if (code == Code.ISSUED) {
        throw new IllegalArgumentException("NotIssued needs a code other than ISSUED");
      }
    }
  }
}
