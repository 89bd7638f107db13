package org.tanglenode.storage;

import java.util.Objects;
import org.tanglenode.protocol.TransactionId;

/** What became of a transaction handed to {@link TransactionStore#store}. */
public sealed interface StoreOutcome {

  /** For a switch over the outcomes. */
  enum Code {
    /** Written with all its indexes and durable per the durability setting. */
    STORED,
    /** It was stored before; nothing was written. */
    ALREADY_STORED
  }

  TransactionId id();

  Code code();

  record Stored(TransactionId id) implements StoreOutcome {
    public Stored {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public Code code() {
      return Code.STORED;
    }
  }

  record AlreadyStored(TransactionId id) implements StoreOutcome {
    public AlreadyStored {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public Code code() {
      return Code.ALREADY_STORED;
    }
  }
}
