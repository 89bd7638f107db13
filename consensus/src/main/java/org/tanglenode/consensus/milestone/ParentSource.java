package org.tanglenode.consensus.milestone;

import java.util.List;
import org.tanglenode.protocol.TransactionId;

/**
 * Where the coordinator takes a milestone's parents from: the node backs it with the tip selector.
 * Returns 1 to 8 distinct solid transaction ids, or none if there are no tips yet (the coordinator
 * then approves the network root).
 */
@FunctionalInterface
public interface ParentSource {

  List<TransactionId> parents();
}
