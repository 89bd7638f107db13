package org.tanglenode.consensus.solidification;

import java.util.List;
import org.tanglenode.protocol.TransactionId;

/**
 * Told of transactions that became solid, once their marks are written, parents before children.
 * Called on the storage writer's thread: hand the work off, never block.
 */
@FunctionalInterface
public interface SolidListener {

  void solid(List<TransactionId> ids);
}
