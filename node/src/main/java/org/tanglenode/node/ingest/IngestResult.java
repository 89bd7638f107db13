package org.tanglenode.node.ingest;

import java.util.Objects;
import org.tanglenode.protocol.RejectReason;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;

/**
 * What became of a transaction handed to {@link IngestPipeline#submit}. Expected outcomes only: a
 * fault of the node (storage failed) completes the stage exceptionally instead. Switch over {@link
 * #code()}.
 */
public sealed interface IngestResult {

  enum Code {
    /** Passed every check and is durably stored; listeners (gossip, events, tips) were told. */
    STORED,
    /** Already stored, or being checked right now. */
    DUPLICATE,
    /** Failed a check of {@code TransactionValidator}. */
    INVALID,
    /** The signature queue is full: try again later (gossip pauses the peer, the API says 503). */
    QUEUE_FULL,
    /** The node is starting or stopping. */
    UNAVAILABLE
  }

  Code code();

  record Stored(Transaction transaction) implements IngestResult {
    public Stored {
      Objects.requireNonNull(transaction, "transaction");
    }

    @Override
    public Code code() {
      return Code.STORED;
    }
  }

  record Duplicate(TransactionId id) implements IngestResult {
    public Duplicate {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public Code code() {
      return Code.DUPLICATE;
    }
  }

  record Invalid(RejectReason reason, String detail) implements IngestResult {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public Code code() {
      return Code.INVALID;
    }
  }

  record QueueFull() implements IngestResult {
    @Override
    public Code code() {
      return Code.QUEUE_FULL;
    }
  }

  record Unavailable() implements IngestResult {
    @Override
    public Code code() {
      return Code.UNAVAILABLE;
    }
  }
}
