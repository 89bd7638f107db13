package org.tanglenode.node.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One record of an audit report: one CSV row, one table row, one mark on the chart.
 *
 * @param id the transaction id (hex)
 * @param timeMs the issuer's timestamp
 * @param tag the transaction's tag, empty if it has none
 * @param issuer the signer's public key (hex)
 * @param organisation who holds the key, empty for an unknown signer
 * @param type the record type ({@code anchor}, {@code event})
 * @param text the event of a trail event or the note of an anchor, empty if none
 * @param trail the trail id of a trail event, empty for an anchor
 * @param documents SHA-256 (hex) of each document the record names
 * @param status confirmed, pending or conflicting
 * @param milestone the index of the milestone that referenced it, if any
 * @param milestoneTimeMs that milestone's timestamp, if any
 * @param conflict why it changed nothing, {@code NONE} if it did not conflict
 */
public record ReportRow(
    String id,
    long timeMs,
    String tag,
    String issuer,
    Optional<String> organisation,
    String type,
    String text,
    String trail,
    List<String> documents,
    RecordStatus status,
    OptionalInt milestone,
    OptionalLong milestoneTimeMs,
    String conflict) {

  public ReportRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(trail, "trail");
    documents = List.copyOf(documents);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(milestone, "milestone");
    Objects.requireNonNull(milestoneTimeMs, "milestoneTimeMs");
    Objects.requireNonNull(conflict, "conflict");
  }

  /** The organisation, or {@code unknown} for a key no registry names. */
  public String organisationOrUnknown() {
    return organisation.orElse("unknown");
  }
}
