package org.tanglenode.consensus.confirmation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tanglenode.consensus.history.HistoryState;
import org.tanglenode.consensus.milestone.MilestoneVerdict;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.ConflictState;
import org.tanglenode.storage.UpdateOutcome;

/** What became of one attempt to confirm a milestone. Only {@link Confirmed} changed state. */
public sealed interface ConfirmationOutcome {

  enum Code {
    /** Applied in one atomic batch: ledger, marks, history nodes, confirmed index. */
    CONFIRMED,
    /** No milestone of the next index is stored, or it is not solid yet. */
    NOT_AVAILABLE,
    /** Its cone has a transaction that is not stored. */
    NOT_SOLID,
    /** It failed a check; nothing changed. */
    REJECTED,
    /** Storage refused the batch; nothing changed. */
    STORAGE_REFUSED
  }

  Code code();

  /**
   * @param ids the newly confirmed transactions in white-flag order (the milestone not included)
   * @param conflicts the transactions among {@code ids} that changed no balance, with why
   */
  record Confirmed(
      int index,
      TransactionId milestone,
      List<TransactionId> ids,
      Map<TransactionId, ConflictState> conflicts,
      HistoryState history)
      implements ConfirmationOutcome {
    public Confirmed {
      Objects.requireNonNull(milestone, "milestone");
      Objects.requireNonNull(history, "history");
      ids = List.copyOf(ids);
      conflicts = Map.copyOf(conflicts);
    }

    @Override
    public Code code() {
      return Code.CONFIRMED;
    }
  }

  record NotAvailable(int index, String detail) implements ConfirmationOutcome {
    public NotAvailable {
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public Code code() {
      return Code.NOT_AVAILABLE;
    }
  }

  record NotSolid(TransactionId milestone, TransactionId missing) implements ConfirmationOutcome {
    public NotSolid {
      Objects.requireNonNull(milestone, "milestone");
      Objects.requireNonNull(missing, "missing");
    }

    @Override
    public Code code() {
      return Code.NOT_SOLID;
    }
  }

  record Rejected(TransactionId milestone, MilestoneVerdict.Rejected verdict)
      implements ConfirmationOutcome {
    public Rejected {
      Objects.requireNonNull(milestone, "milestone");
      Objects.requireNonNull(verdict, "verdict");
    }

    @Override
    public Code code() {
      return Code.REJECTED;
    }
  }

  record StorageRefused(TransactionId milestone, UpdateOutcome outcome)
      implements ConfirmationOutcome {
    public StorageRefused {
      Objects.requireNonNull(milestone, "milestone");
      Objects.requireNonNull(outcome, "outcome");
    }

    @Override
    public Code code() {
      return Code.STORAGE_REFUSED;
    }
  }
}
