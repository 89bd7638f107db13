package org.tanglenode.consensus.milestone;

import java.util.concurrent.CompletionStage;
import org.tanglenode.protocol.Transaction;

/**
 * Hands a transaction the coordinator made to the node's normal path (validation, storage,
 * solidification, broadcast), exactly as if a client had sent it.
 */
@FunctionalInterface
public interface TransactionSubmitter {

  /** Completes with whether the node accepted it (false: refused or queue full). */
  CompletionStage<Boolean> submit(Transaction transaction);
}
