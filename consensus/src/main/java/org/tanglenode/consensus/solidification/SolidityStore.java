package org.tanglenode.consensus.solidification;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.UpdateOutcome;

/** What the solidifier reads and writes; {@link StoredSolidity} backs it with storage. */
public interface SolidityStore {

  /** The parents of a stored transaction; empty if it is not stored. */
  Optional<List<TransactionId>> parents(TransactionId id);

  /** Whether {@code id} is known to be solid: the network root, a solid entry point, or marked. */
  boolean isSolid(TransactionId id);

  /** Marks {@code ids} solid in one atomic update. */
  CompletableFuture<UpdateOutcome> markSolid(List<TransactionId> ids);
}
