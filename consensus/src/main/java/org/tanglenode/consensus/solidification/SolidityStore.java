package org.tanglenode.consensus.solidification;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.UpdateOutcome;

/** What the solidifier reads and writes; {@link StoredSolidity} backs it with storage. */
public interface SolidityStore {

  /** The parents of a stored transaction; empty if it is not stored. */
  Optional<List<TransactionId>> parents(TransactionId id);

  /**
   * The stored transactions that approve {@code id}, at most {@code limit}: solidity spreads along
   * them, so a child the solidifier no longer tracks (dropped, or stored before a restart) is found
   * again when its parent becomes solid.
   */
  List<TransactionId> approvers(TransactionId id, int limit);

  /**
   * Stored transactions without a known approver (the restart state's tips): every stored
   * transaction is in the past cone of one of them, so walking down from them after a restart
   * reaches every transaction that is stored but not yet solid.
   */
  Set<TransactionId> storedTips();

  /** Whether {@code id} is known to be solid: the network root, a solid entry point, or marked. */
  boolean isSolid(TransactionId id);

  /** Marks {@code ids} solid in one atomic update. */
  CompletableFuture<UpdateOutcome> markSolid(List<TransactionId> ids);
}
