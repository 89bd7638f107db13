package org.tanglenode.storage;

import java.util.Map;
import java.util.Set;
import org.tanglenode.protocol.TransactionId;

/**
 * What the node needs at start, read from small columns and node-state keys without scanning the
 * transactions.
 *
 * @param tips stored transactions without a known approver (consensus filters them further)
 * @param solidEntryPoints entry points and the milestone index that made each one
 * @param latestMilestone highest milestone index stored, 0 if none
 * @param solidMilestone highest solid milestone index, 0 if none
 * @param confirmedMilestone highest confirmed milestone index, 0 if none
 * @param transactionCount transactions stored
 * @param milestoneCount milestones indexed
 */
public record RestartState(
    Set<TransactionId> tips,
    Map<TransactionId, Integer> solidEntryPoints,
    int latestMilestone,
    int solidMilestone,
    int confirmedMilestone,
    long transactionCount,
    long milestoneCount) {

  public RestartState {
    tips = Set.copyOf(tips);
    solidEntryPoints = Map.copyOf(solidEntryPoints);
  }
}
