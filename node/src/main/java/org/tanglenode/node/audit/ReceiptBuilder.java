package org.tanglenode.node.audit;

import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.consensus.confirmation.MilestoneConfirmer;
import org.tanglenode.crypto.merkle.InclusionProof;
import org.tanglenode.node.audit.ProofUnavailableException.Reason;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.NetworkId;
import org.tanglenode.protocol.receipt.Receipt;
import org.tanglenode.protocol.receipt.ReceiptFile;
import org.tanglenode.storage.TransactionMetadata;
import org.tanglenode.storage.TransactionStore;

/**
 * Makes the receipt file of a confirmed transaction: its bytes, the milestone that confirmed it,
 * and the path from its leaf to that milestone's history root. Milestone m added the leaves from
 * the previous milestone's history size to its own, in white-flag order; the transaction's leaf is
 * found among them. A transaction the ledger marked conflicting is still such a leaf, so it gets a
 * receipt too: a receipt proves a transaction was recorded and confirmed, not what it did to
 * balances. Reads storage: call it off event loops.
 */
public final class ReceiptBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(ReceiptBuilder.class);

  private final NetworkId network;
  private final TransactionStore store;
  private final MilestoneConfirmer confirmer;
  private final ConfirmedMilestones milestones;

  public ReceiptBuilder(NetworkId network, TransactionStore store, MilestoneConfirmer confirmer) {
    this.network = Objects.requireNonNull(network, "network");
    this.store = Objects.requireNonNull(store, "store");
    this.confirmer = Objects.requireNonNull(confirmer, "confirmer");
    IntSupplier confirmed = confirmer::confirmedIndex;
    this.milestones = new ConfirmedMilestones(store, confirmed);
  }

  /**
   * The receipt file of transaction {@code id}.
   *
   * @throws ProofUnavailableException if it is unknown, not confirmed yet, or this node lacks the
   *     history
   */
  public byte[] receipt(TransactionId id) {
    TransactionMetadata metadata =
        store
            .metadata(id)
            .orElseThrow(
                () -> new ProofUnavailableException(Reason.UNKNOWN, "no transaction " + id));
    if (metadata.referencedByMilestone().isEmpty()) {
      throw new ProofUnavailableException(
          Reason.NOT_CONFIRMED, "transaction " + id + " is not confirmed yet");
    }
    int index = metadata.referencedByMilestone().getAsInt();
    if (index > confirmer.confirmedIndex()) {
      throw new ProofUnavailableException(
          Reason.NOT_CONFIRMED, "milestone " + index + " is still being applied; ask again");
    }
    Transaction milestone = milestones.milestone(index);
    long from = milestones.historySize(index - 1);
    long to = ConfirmedMilestones.payload(milestone).historySize();
    List<TransactionId> added = store.confirmedIds(from, to);
    if (added.size() != to - from) {
      throw new ProofUnavailableException(
          Reason.HISTORY_UNAVAILABLE,
          "this node holds "
              + added.size()
              + " of the "
              + (to - from)
              + " ids milestone "
              + index
              + " confirmed (it started from a snapshot); ask a node with full history");
    }
    int position = added.indexOf(id);
    if (position < 0) {
      throw new ProofUnavailableException(
          Reason.NOT_IN_HISTORY,
          "transaction " + id + " is not among the ids milestone " + index + " confirmed");
    }
    InclusionProof path;
    try {
      path = confirmer.inclusionProof(from + position, to);
    } catch (IllegalStateException e) {
      throw new ProofUnavailableException(
          Reason.HISTORY_UNAVAILABLE, "this node lacks history nodes: " + e.getMessage());
    }
    byte[] bytes =
        store
            .transactionBytes(id)
            .orElseThrow(
                () -> new ProofUnavailableException(Reason.UNKNOWN, "no transaction " + id));
    LOG.debug("receipt of {}: leaf {} of milestone {}", id, from + position, index);
    return ReceiptFile.encode(
        new Receipt(
            Receipt.VERSION, network, bytes, milestone.bytes(), from + position, path.hashes()));
  }
}
