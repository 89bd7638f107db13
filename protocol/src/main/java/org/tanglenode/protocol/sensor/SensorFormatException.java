package org.tanglenode.protocol.sensor;

/** Bytes that are not a sensor reading in its one canonical form, with the reason. */
public final class SensorFormatException extends Exception {

  /** Why bytes are not a reading. */
  public enum Reason {
    /** Not JSON, a member missing, unknown or out of its range. */
    MALFORMED,
    /** A valid reading written in other than its canonical byte form. */
    NOT_CANONICAL
  }

  private final Reason reason;

  public SensorFormatException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
