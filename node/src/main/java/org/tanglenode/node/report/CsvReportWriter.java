package org.tanglenode.node.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a report as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or
 * line break in double quotes with its quotes doubled), UTF-8, one header line and one line per
 * record.
 *
 * <p>Auditors open it in a spreadsheet, and a spreadsheet runs a cell that starts with {@code =},
 * {@code +}, {@code -} or {@code @} as a formula. Notes and tags are written by whoever signed the
 * record, so such a cell (or one starting with a tab or carriage return) gets a leading {@code '}:
 * it then shows as text, and the apostrophe makes the change visible.
 */
public final class CsvReportWriter {

  /** The header line, in column order. */
  public static final List<String> HEADER =
      List.of(
          "id",
          "time",
          "tag",
          "issuer",
          "organisation",
          "type",
          "event_or_note",
          "trail",
          "documents_sha256",
          "confirmed",
          "milestone",
          "milestone_time",
          "conflict",
          "known_signer");

  /** Writes {@code report} to {@code out}; the caller closes {@code out}. */
  public void write(AuditReport report, Writer out) throws IOException {
    line(out, HEADER);
    for (ReportRow row : report.rows()) {
      line(
          out,
          List.of(
              row.id(),
              ReportTimes.iso(row.timeMs()),
              row.tag(),
              row.issuer(),
              row.organisation().orElse(""),
              row.type(),
              row.text(),
              row.trail(),
              String.join(" ", row.documents()),
              row.status() == RecordStatus.CONFIRMED ? "yes" : "no",
              row.milestone().isPresent() ? Integer.toString(row.milestone().getAsInt()) : "",
              row.milestoneTimeMs().isPresent()
                  ? ReportTimes.iso(row.milestoneTimeMs().getAsLong())
                  : "",
              row.conflict(),
              row.organisation().isPresent() ? "yes" : "no"));
    }
  }

  /** {@code report} as one CSV text. */
  public String toText(AuditReport report) {
    java.io.StringWriter out = new java.io.StringWriter();
    try {
      write(report, out);
    } catch (IOException e) {
      throw new IllegalStateException("a StringWriter does not fail", e);
    }
    return out.toString();
  }

  private static void line(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  /** One field: guarded against formulas, then quoted if it needs to be. */
  static String cell(String value) {
    String safe = value;
    if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    boolean quote =
        safe.indexOf(',') >= 0
            || safe.indexOf('"') >= 0
            || safe.indexOf('\n') >= 0
            || safe.indexOf('\r') >= 0;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }
}
