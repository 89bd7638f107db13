package org.tanglenode.consensus.solidification;

import org.tanglenode.protocol.TransactionId;

/** Asks peers for a transaction that is missing: gossip's {@code requestTransaction} backs it. */
@FunctionalInterface
public interface MissingTransactionRequester {

  /** Queues a request; false if it could not be queued (the request queue is full). */
  boolean request(TransactionId id);
}
