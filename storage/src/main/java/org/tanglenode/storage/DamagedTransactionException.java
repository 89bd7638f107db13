package org.tanglenode.storage;

import org.tanglenode.protocol.TransactionId;

/**
 * A stored transaction's bytes no longer decode. They passed every check before they were stored
 * and are kept exactly as received, so this is a damaged database, never a peer's fault: retrying
 * cannot help, and no caller should carry on as if the transaction were absent.
 */
public final class DamagedTransactionException extends StorageException {

  private static final long serialVersionUID = 1L;
  private final transient TransactionId id;

  public DamagedTransactionException(TransactionId id, String why) {
    super("stored transaction " + id + " does not decode: " + why);
    this.id = id;
  }

  /** The transaction whose stored bytes are damaged. */
  public TransactionId id() {
    return id;
  }
}
