package org.tanglenode.node.audit;

/** A query this node cannot answer, with the reason; the API turns each reason into a code. */
public final class AuditQueryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** No milestone with that index is stored here. */
    UNKNOWN_MILESTONE,
    /** The milestone is stored but not confirmed here yet, so its list is not written. */
    MILESTONE_NOT_CONFIRMED,
    /** A cursor that no page of this query handed out. */
    INVALID_CURSOR
  }

  private final Reason reason;

  public AuditQueryException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
