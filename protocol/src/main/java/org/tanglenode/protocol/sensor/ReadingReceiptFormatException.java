package org.tanglenode.protocol.sensor;

/** Bytes that are not a reading receipt, with the reason a verifier reports. */
public final class ReadingReceiptFormatException extends Exception {

  private final ReadingReceiptVerdict.Reason reason;

  public ReadingReceiptFormatException(ReadingReceiptVerdict.Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ReadingReceiptVerdict.Reason reason() {
    return reason;
  }
}
