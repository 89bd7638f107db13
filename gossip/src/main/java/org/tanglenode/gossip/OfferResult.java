package org.tanglenode.gossip;

import org.tanglenode.protocol.RejectReason;

/** The host's verdict on a transaction gossip offered it. Switch over {@link #code()}. */
public sealed interface OfferResult {

  enum Code {
    ACCEPTED,
    DUPLICATE,
    INVALID,
    QUEUE_FULL
  }

  Code code();

  OfferResult ACCEPTED = new Accepted();
  OfferResult DUPLICATE = new Duplicate();
  OfferResult QUEUE_FULL = new QueueFull();

  static OfferResult invalid(RejectReason reason, String detail) {
    return new Invalid(reason, detail);
  }

  /** Queued for validation and storage; the node broadcasts it once stored. */
  record Accepted() implements OfferResult {
    @Override
    public Code code() {
      return Code.ACCEPTED;
    }
  }

  /** Already known to the node. */
  record Duplicate() implements OfferResult {
    @Override
    public Code code() {
      return Code.DUPLICATE;
    }
  }

  /** Failed a check: counts against the peer that sent it. */
  record Invalid(RejectReason reason, String detail) implements OfferResult {
    public Invalid {
      if (reason == null) {
        throw new IllegalArgumentException("an invalid result has a reason");
      }
      detail = detail == null ? "" : detail;
    }

    @Override
    public Code code() {
      return Code.INVALID;
    }
  }

  /** The ingest queue is full: offer again later; reading from the peer pauses meanwhile. */
  record QueueFull() implements OfferResult {
    @Override
    public Code code() {
      return Code.QUEUE_FULL;
    }
  }
}
