package org.tanglenode.consensus.confirmation;

import java.util.concurrent.CompletableFuture;
import org.tanglenode.storage.StateUpdate;
import org.tanglenode.storage.UpdateOutcome;

/** Where a milestone's one atomic batch goes: {@code TransactionStore::update} in a node. */
@FunctionalInterface
public interface StateWriter {

  CompletableFuture<UpdateOutcome> update(StateUpdate update);
}
