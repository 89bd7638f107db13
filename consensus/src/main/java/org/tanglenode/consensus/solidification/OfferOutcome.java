package org.tanglenode.consensus.solidification;

import java.util.Objects;
import org.tanglenode.protocol.TransactionId;

/** What {@link Solidifier#offer} did with a transaction. */
public sealed interface OfferOutcome {

  enum Code {
    /** Queued to be looked at. */
    ACCEPTED,
    /** The queue was full: nothing was queued (counted); offer it again later. */
    QUEUE_FULL
  }

  TransactionId id();

  Code code();

  record Accepted(TransactionId id) implements OfferOutcome {
    public Accepted {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public Code code() {
      return Code.ACCEPTED;
    }
  }

  record QueueFull(TransactionId id) implements OfferOutcome {
    public QueueFull {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public Code code() {
      return Code.QUEUE_FULL;
    }
  }
}
