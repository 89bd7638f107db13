package org.tanglenode.node.audit;

import java.util.List;
import java.util.Objects;
import org.tanglenode.consensus.confirmation.MilestoneConfirmer;
import org.tanglenode.node.audit.ProofUnavailableException.Reason;
import org.tanglenode.protocol.Transaction;

/**
 * The consistency proof between two confirmed milestones' history roots, with both milestones, so
 * that a client can check it against the genesis alone ({@code HistoryVerifier}).
 */
public final class HistoryProofs {

  /** Two milestones and the RFC 9162 proof from the first's history size to the second's. */
  public record Consistency(Transaction from, Transaction to, List<byte[]> proof) {
    public Consistency {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      proof = List.copyOf(proof);
    }
  }

  private final MilestoneConfirmer confirmer;
  private final ConfirmedMilestones milestones;

  public HistoryProofs(
      org.tanglenode.storage.TransactionStore store, MilestoneConfirmer confirmer) {
    this.confirmer = Objects.requireNonNull(confirmer, "confirmer");
    this.milestones = new ConfirmedMilestones(store, confirmer::confirmedIndex);
  }

  /**
   * The proof from milestone {@code from} to milestone {@code to}.
   *
   * @throws IllegalArgumentException unless {@code 1 <= from <= to}
   * @throws ProofUnavailableException if a milestone is not confirmed here or the history is
   *     missing
   */
  public Consistency between(int from, int to) {
    if (from < 1 || from > to) {
      throw new IllegalArgumentException(
          "from and to are milestone indexes with 1 <= from <= to, not " + from + " and " + to);
    }
    Transaction old = milestones.milestone(from);
    Transaction now = milestones.milestone(to);
    long oldSize = ConfirmedMilestones.payload(old).historySize();
    long newSize = ConfirmedMilestones.payload(now).historySize();
    if (oldSize == 0) {
      // RFC 9162 has no proof from the empty tree, and none is needed.
      return new Consistency(old, now, List.of());
    }
    try {
      return new Consistency(old, now, confirmer.consistencyProof(oldSize, newSize).hashes());
    } catch (IllegalStateException e) {
      throw new ProofUnavailableException(
          Reason.HISTORY_UNAVAILABLE, "this node lacks history nodes: " + e.getMessage());
    }
  }
}
