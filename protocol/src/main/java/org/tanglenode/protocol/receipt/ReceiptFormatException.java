package org.tanglenode.protocol.receipt;

/** Bytes that are not a receipt file of a version this code reads; the message names the fault. */
public final class ReceiptFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  private final ReceiptVerdict.Reason reason;

  ReceiptFormatException(ReceiptVerdict.Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * {@link ReceiptVerdict.Reason#MALFORMED} or {@link ReceiptVerdict.Reason#UNSUPPORTED_VERSION}.
   */
  public ReceiptVerdict.Reason reason() {
    return reason;
  }
}
