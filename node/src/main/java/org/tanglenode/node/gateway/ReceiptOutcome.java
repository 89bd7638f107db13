package org.tanglenode.node.gateway;

/** The answer to "the receipt of reading X": the file, or why there is none (yet). */
sealed interface ReceiptOutcome {

  /** Stable codes of the HTTP answer ({@code error} for all but {@link Code#READY}). */
  enum Code {
    READY,
    /** No reading with that id is stored here (404). */
    UNKNOWN_READING,
    /** Stored, its batch not closed yet (409). */
    NOT_BATCHED,
    /** In a batch whose transaction no milestone has confirmed yet (409). */
    NOT_CONFIRMED,
    /** The node cannot be asked (503). */
    NODE_UNREACHABLE
  }

  Code code();

  record Ready(byte[] file) implements ReceiptOutcome {
    public Ready {
      file = file.clone();
    }

    @Override
    public byte[] file() {
      return file.clone();
    }

    @Override
    public Code code() {
      return Code.READY;
    }
  }

  record Missing(Code code, String message) implements ReceiptOutcome {}
}
