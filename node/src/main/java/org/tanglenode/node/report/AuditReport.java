package org.tanglenode.node.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The records of one audit, ready to write.
 *
 * @param selection what was asked for, in words, such as {@code tag shipment-4711}
 * @param source where the rows came from, such as the node's API address
 * @param generatedAt when the rows were collected
 * @param rows in the order the node listed them (tag order or confirmation order)
 */
public record AuditReport(
    String selection, String source, Instant generatedAt, List<ReportRow> rows) {

  public AuditReport {
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(generatedAt, "generatedAt");
    rows = List.copyOf(rows);
  }

  public ReportSummary summary() {
    return ReportSummary.of(rows);
  }
}
