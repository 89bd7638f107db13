package org.tanglenode.node.audit;

import java.util.Objects;

/** The node cannot make the receipt or proof asked for; {@link #reason()} says why. */
public final class ProofUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why; the API turns each into a status and an error code of the same name. */
  public enum Reason {
    /** No such transaction, or no confirmed milestone of that index, on this node. */
    UNKNOWN,
    /** The transaction is stored but no milestone has confirmed it yet. */
    NOT_CONFIRMED,
    /** Confirmed, but not among the ids its milestone added to the history (a milestone itself). */
    NOT_IN_HISTORY,
    /** This node lacks the history the proof needs (it started from a snapshot). */
    HISTORY_UNAVAILABLE
  }

  private final Reason reason;

  ProofUnavailableException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
