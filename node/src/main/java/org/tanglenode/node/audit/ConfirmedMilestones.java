package org.tanglenode.node.audit;

import java.util.Objects;
import java.util.function.IntSupplier;
import org.tanglenode.node.audit.ProofUnavailableException.Reason;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.storage.TransactionStore;

/** Reads confirmed milestones by index from storage, decoded. */
final class ConfirmedMilestones {

  private final TransactionStore store;
  private final IntSupplier confirmedIndex;

  ConfirmedMilestones(TransactionStore store, IntSupplier confirmedIndex) {
    this.store = Objects.requireNonNull(store, "store");
    this.confirmedIndex = Objects.requireNonNull(confirmedIndex, "confirmedIndex");
  }

  /** Milestone {@code index} if this node has confirmed it. */
  Transaction milestone(int index) {
    if (index < 1 || index > confirmedIndex.getAsInt()) {
      throw new ProofUnavailableException(
          Reason.UNKNOWN,
          "milestone "
              + index
              + " is not confirmed on this node (confirmed: "
              + confirmedIndex.getAsInt()
              + ")");
    }
    Transaction milestone =
        store
            .milestone(index)
            .flatMap(store::transaction)
            .orElseThrow(
                () ->
                    new ProofUnavailableException(
                        Reason.HISTORY_UNAVAILABLE,
                        "milestone " + index + " is not stored on this node"));
    if (milestone.payload() instanceof Payload.Milestone) {
      return milestone;
    }
    throw new IllegalStateException("stored milestone " + index + " carries no milestone");
  }

  /** The history size as of milestone {@code index}; 0 before the first. */
  long historySize(int index) {
    return index == 0 ? 0 : payload(milestone(index)).historySize();
  }

  static Payload.Milestone payload(Transaction milestone) {
    return (Payload.Milestone) milestone.payload();
  }
}
