package org.tanglenode.node.cli;

import java.util.Optional;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.record.Record;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.record.TrailEvent;

/**
 * Whether a value, with its salt, opens the commitment a trail event holds for a private field:
 * what an auditor checks when shown the value. Worked out from the transaction's own bytes, so the
 * node that served them need not be trusted for the content.
 *
 * @param outcome the verdict
 * @param detail what it means, for people
 */
record FieldProof(Outcome outcome, String detail) {

  /** The verdicts. Only {@link #PROVEN} proves anything. */
  enum Outcome {
    /** The commitment opens with this salt and value. */
    PROVEN,
    /** It does not: the value or the salt is wrong (the two cannot be told apart). */
    REFUSED,
    /** The event has no private field of this name. */
    NO_SUCH_FIELD,
    /** The transaction is not an event of this trail under the trail's tag. */
    NOT_AN_EVENT_OF_TRAIL
  }

  static FieldProof check(Transaction tx, String trail, String field, String value, byte[] salt) {
    Optional<Tag> tag = tx.tag();
    Optional<Record> record =
        tx.payload() instanceof Payload.Data data
            ? Records.tryParse(data.data())
            : Optional.empty();
    if (tag.isEmpty()
        || !tag.get().equals(TrailEvent.tagOf(trail))
        || !(record.orElse(null) instanceof TrailEvent event)
        || !event.trail().equals(trail)) {
      return new FieldProof(
          Outcome.NOT_AN_EVENT_OF_TRAIL,
          "transaction " + tx.id().toHex() + " is not an event of trail " + trail);
    }
    if (!event.commitments().containsKey(field)) {
      return new FieldProof(
          Outcome.NO_SUCH_FIELD,
          "the event '" + event.event() + "' has no private field '" + field + "'");
    }
    if (!event.opens(field, salt, value)) {
      return new FieldProof(
          Outcome.REFUSED,
          "the value does not match the commitment of private field '"
              + field
              + "' (wrong value or wrong salt)");
    }
    return new FieldProof(
        Outcome.PROVEN,
        "private field '" + field + "' of event '" + event.event() + "' has this value");
  }

  boolean proven() {
    return outcome == Outcome.PROVEN;
  }
}
