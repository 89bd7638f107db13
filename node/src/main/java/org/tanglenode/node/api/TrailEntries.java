package org.tanglenode.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tanglenode.node.audit.StoredTransactions;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.record.Record;
import org.tanglenode.protocol.record.RecordFormatException;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.record.TrailEvent;
import org.tanglenode.storage.ConflictState;
import org.tanglenode.storage.TransactionMetadata;

/**
 * One entry of a trail as {@code GET /api/v1/trails/{id}} shows it: the transaction's time and
 * issuer, the organisation the trust root names for the issuer, its confirmation, and what its data
 * is. Data under a trail's tag that is not an event of that trail is shown with its kind, never
 * dropped: a reader must see everything recorded under the tag.
 */
final class TrailEntries {

  /** What an entry's data is. */
  enum Kind {
    /** An event of this trail. */
    EVENT,
    /** An event that names another trail than the tag's. */
    OTHER_TRAIL,
    /** A record of another type (an anchor). */
    OTHER_RECORD,
    /** Meant as a record but invalid or not in canonical form: shown with the reason. */
    INVALID_RECORD,
    /** Opaque data, not a record. */
    DATA,
    /** A transfer or milestone payload that carries the tag. */
    NOT_DATA
  }

  private static final HexFormat HEX = HexFormat.of();

  private final StoredTransactions stored;
  private final ObjectMapper json;

  TrailEntries(StoredTransactions stored, ObjectMapper json) {
    this.stored = stored;
    this.json = json;
  }

  /**
   * The entry of transaction {@code id} in trail {@code trail}. The issuer's organisation is taken
   * at the milestone that confirmed the entry, or at {@code confirmedMilestone} (the node's latest)
   * while it is unconfirmed.
   */
  Map<String, Object> entry(String trail, TransactionId id, int confirmedMilestone) {
    Transaction tx = stored.transaction(id);
    TransactionMetadata metadata = stored.metadata(id);
    Optional<String> organisation = stored.organisation(tx, metadata, confirmedMilestone);

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id.toHex());
    out.put("timestamp", tx.timestampMs());
    out.put("issuer", tx.issuer().toHex());
    out.put("organisation", organisation.orElse(null));
    out.put("knownIssuer", organisation.isPresent());
    out.put("solid", metadata.solid());
    out.put("confirmed", metadata.referenced() && metadata.conflict() == ConflictState.NONE);
    out.put(
        "milestone",
        metadata.referencedByMilestone().isPresent()
            ? metadata.referencedByMilestone().getAsInt()
            : null);
    out.put("conflict", metadata.conflict().name());
    putContent(out, trail, tx.payload());
    return out;
  }

  private void putContent(Map<String, Object> out, String trail, Payload payload) {
    if (!(payload instanceof Payload.Data data)) {
      out.put("kind", name(Kind.NOT_DATA));
      out.put("payload", payload.kind().name());
      return;
    }
    byte[] bytes = data.data();
    try {
      Record record = Records.parse(bytes);
      Kind kind =
          !(record instanceof TrailEvent event)
              ? Kind.OTHER_RECORD
              : event.trail().equals(trail) ? Kind.EVENT : Kind.OTHER_TRAIL;
      out.put("kind", name(kind));
      out.put("record", json.readTree(bytes));
    } catch (RecordFormatException e) {
      switch (e.reason()) {
        case NOT_JSON, NOT_A_RECORD -> out.put("kind", name(Kind.DATA));
        case INVALID, NOT_CANONICAL -> {
          out.put("kind", name(Kind.INVALID_RECORD));
          out.put("recordError", e.reason().name() + ": " + e.getMessage());
        }
      }
      out.put("dataHex", HEX.formatHex(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("a parsed record is JSON", e);
    }
  }

  private static String name(Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
