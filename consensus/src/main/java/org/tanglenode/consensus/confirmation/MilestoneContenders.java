package org.tanglenode.consensus.confirmation;

import java.util.List;
import org.tanglenode.protocol.TransactionId;

/**
 * Other stored milestones of an index, for the confirmer to try when the one indexed there fails
 * the signature check of the committee that turned out to be in force (the first milestone of an
 * index to arrive is indexed, and before a committee change is confirmed a node cannot tell a
 * retired committee's milestone from the real one).
 */
@FunctionalInterface
public interface MilestoneContenders {

  /** None: the confirmer only ever tries the indexed milestone. */
  MilestoneContenders NONE = index -> List.of();

  /** The remembered milestones of {@code index}, oldest first. */
  List<TransactionId> contenders(int index);
}
