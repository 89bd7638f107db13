package org.tanglenode.storage.schema;

/** A stored key or value does not have the layout its column family promises. */
public final class CorruptValueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CorruptValueException(String message) {
    super(message);
  }

  static CorruptValueException length(String what, int expected, int actual) {
    return new CorruptValueException(what + " must have " + expected + " bytes, found " + actual);
  }
}
