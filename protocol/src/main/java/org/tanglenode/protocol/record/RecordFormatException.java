package org.tanglenode.protocol.record;

/** Data that is not a record in the documented form, with the reason and what was at fault. */
public final class RecordFormatException extends Exception {

  /** Why data is not a record. */
  public enum Reason {
    /** Not UTF-8 JSON. Most data payloads (sensor readings, opaque bytes) are of this kind. */
    NOT_JSON,
    /** JSON without a known {@code type} and {@code v}. */
    NOT_A_RECORD,
    /** A record whose field is missing, unknown or out of its range. */
    INVALID,
    /** A valid record in other than its one canonical byte form. */
    NOT_CANONICAL
  }

  private final Reason reason;

  public RecordFormatException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RecordFormatException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
