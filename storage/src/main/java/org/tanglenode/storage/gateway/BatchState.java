package org.tanglenode.storage.gateway;

/** Where a closed batch is on its way to the ledger. Stable codes: they are stored. */
public enum BatchState {
  /** Closed and its transaction signed and stored here; the node has not acknowledged it yet. */
  SIGNED(1),
  /** The node answered stored (or known) to the transaction. */
  SUBMITTED(2),
  /** A milestone confirmed the transaction. */
  CONFIRMED(3);

  private final int code;

  BatchState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  static BatchState of(int code) {
    for (BatchState s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new GatewayStoreException("unknown batch state " + code + " in the database");
  }
}
