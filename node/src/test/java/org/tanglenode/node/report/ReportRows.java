package org.tanglenode.node.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Builds report rows for tests: a confirmed anchor by a known organisation unless changed. */
public final class ReportRows {

  /** 2026-03-01T10:00:00Z. */
  public static final long T0 = 1_772_359_200_000L;

  private String id = "ab".repeat(32);
  private long timeMs = T0;
  private String tag = "procurement-2026";
  private String issuer = "11".repeat(32);
  private Optional<String> organisation = Optional.of("Aid Agency East");
  private String type = "anchor";
  private String text = "tender documents";
  private String trail = "";
  private List<String> documents = List.of("5e".repeat(32));
  private RecordStatus status = RecordStatus.CONFIRMED;
  private OptionalInt milestone = OptionalInt.of(7);
  private OptionalLong milestoneTimeMs = OptionalLong.of(T0 + 1_000);
  private String conflict = "NONE";

  public static ReportRows row() {
    return new ReportRows();
  }

  public ReportRows id(String value) {
    id = value;
    return this;
  }

  public ReportRows at(long value) {
    timeMs = value;
    return this;
  }

  public ReportRows tag(String value) {
    tag = value;
    return this;
  }

  public ReportRows text(String value) {
    text = value;
    return this;
  }

  public ReportRows event(String trailId, String event) {
    type = "event";
    trail = trailId;
    text = event;
    documents = List.of();
    return this;
  }

  public ReportRows unknownSigner(String key) {
    issuer = key;
    organisation = Optional.empty();
    return this;
  }

  public ReportRows organisation(String value) {
    organisation = Optional.of(value);
    return this;
  }

  public ReportRows pending() {
    status = RecordStatus.PENDING;
    milestone = OptionalInt.empty();
    milestoneTimeMs = OptionalLong.empty();
    return this;
  }

  public ReportRows conflicting(String reason) {
    status = RecordStatus.CONFLICTING;
    conflict = reason;
    return this;
  }

  public ReportRow build() {
    return new ReportRow(
        id,
        timeMs,
        tag,
        issuer,
        organisation,
        type,
        text,
        trail,
        documents,
        status,
        milestone,
        milestoneTimeMs,
        conflict);
  }

  /** A report of {@code rows}. */
  public static AuditReport report(ReportRow... rows) {
    return new AuditReport(
        "tag procurement-2026",
        "http://127.0.0.1:14265",
        Instant.ofEpochMilli(T0 + 60_000),
        List.of(rows));
  }
}
