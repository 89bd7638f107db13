package org.tanglenode.protocol;

/** The verdict on one transaction: valid, or rejected with a reason code and a detail. */
public sealed interface ValidationResult {

  /** Whether the transaction passed. */
  boolean isValid();

  /** Passed every check asked for. */
  record Valid(Transaction transaction) implements ValidationResult {

    public Valid {
      if (transaction == null) {
        throw new IllegalArgumentException("a valid result holds its transaction");
      }
    }

    @Override
    public boolean isValid() {
      return true;
    }
  }

  /** Failed; {@code detail} says where, for logs and API messages. */
  record Invalid(RejectReason reason, String detail) implements ValidationResult {

    public Invalid {
      if (reason == null || detail == null) {
        throw new IllegalArgumentException("an invalid result has a reason and a detail");
      }
    }

    @Override
    public boolean isValid() {
      return false;
    }
  }

  static Invalid invalid(RejectReason reason, String detail) {
    return new Invalid(reason, detail);
  }
}
