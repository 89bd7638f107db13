package org.tanglenode.storage;

import java.util.List;

/** What became of a {@link StateUpdate}: applied as a whole, or not at all. */
public sealed interface UpdateOutcome {

  /** For a switch over the outcomes. */
  enum Code {
    /** Every change was written in one atomic batch, durable per the durability setting. */
    APPLIED,
    /** It names transactions that are not stored; nothing was written. */
    UNKNOWN_TRANSACTIONS,
    /** It spends outputs that are not unspent; nothing was written. */
    UNKNOWN_OUTPUTS
  }

  Code code();

  record Applied() implements UpdateOutcome {
    @Override
    public Code code() {
      return Code.APPLIED;
    }
  }

  record UnknownTransactions(List<org.tanglenode.protocol.TransactionId> ids)
      implements UpdateOutcome {
    public UnknownTransactions {
      ids = List.copyOf(ids);
    }

    @Override
    public Code code() {
      return Code.UNKNOWN_TRANSACTIONS;
    }
  }

  record UnknownOutputs(List<org.tanglenode.protocol.OutputRef> refs) implements UpdateOutcome {
    public UnknownOutputs {
      refs = List.copyOf(refs);
    }

    @Override
    public Code code() {
      return Code.UNKNOWN_OUTPUTS;
    }
  }
}
