package org.tanglenode.consensus.tipselection;

import org.tanglenode.protocol.TransactionId;

/**
 * A {@link TangleView} was asked about a transaction it does not hold. Tip selection only asks
 * about ids the view gave it, so this is a bug (or the transaction was pruned meanwhile), never an
 * expected outcome.
 */
public final class UnknownTransactionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient TransactionId id;

  public UnknownTransactionException(TransactionId id) {
    super("unknown transaction " + id);
    this.id = id;
  }

  public TransactionId id() {
    return id;
  }
}
