package org.tanglenode.node.report;

import java.util.Map;

/**
 * Writes a report as one self-contained HTML page: inline CSS, the chart as inline SVG, no scripts,
 * fonts or other files, so it opens offline and can be mailed or archived as it is. Every value
 * from the ledger is escaped, and a Content-Security-Policy that allows no scripts stops anything
 * that might slip through anyway: notes are written by whoever signed the record.
 */
public final class HtmlReportWriter {

  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1b1f23;background:#fff}
      h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
      .meta{color:#57606a;margin:0}
      dl.summary{display:grid;grid-template-columns:max-content auto;gap:4px 16px;margin:0}
      dl.summary dt{color:#57606a}dl.summary dd{margin:0;font-variant-numeric:tabular-nums}
      ul.orgs{margin:0;padding-left:18px}
      .warn{color:#b35900;font-weight:600}
      #timeline{max-width:1000px;border:1px solid #d0d7de;border-radius:4px}
      #timeline .lane:nth-of-type(odd){fill:#f6f8fa}#timeline .lane{fill:#fff}
      #timeline .lane-label,#timeline .tick-label,#timeline .legend-label{font-size:12px;fill:#57606a}
      #timeline .axis,#timeline .tick{stroke:#8c959f}
      table{border-collapse:collapse;font-size:13px;width:100%}
      th,td{border-bottom:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
      th{background:#f6f8fa;position:sticky;top:0}
      td.hash{font-family:ui-monospace,Consolas,monospace;font-size:11px;word-break:break-all}
      tr.pending td.status{color:#b35900}tr.conflicting td.status{color:#c62828;font-weight:600}
      tr.confirmed td.status{color:#2e7d32}
      td.unknown{color:#b35900}
      footer{margin-top:28px;color:#57606a;font-size:12px}
      """;

  /** {@code report} as one HTML document. */
  public String render(AuditReport report) {
    ReportSummary summary = report.summary();
    StringBuilder out = new StringBuilder(4096 + report.rows().size() * 600);
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Audit report: ")
        .append(Html.escape(report.selection()))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style></head>\n<body>\n<header><h1>Audit report: ")
        .append(Html.escape(report.selection()))
        .append("</h1><p class=\"meta\">Collected ")
        .append(ReportTimes.iso(report.generatedAt().toEpochMilli()))
        .append(" from ")
        .append(Html.escape(report.source()))
        .append(". Times are UTC.</p></header>\n");
    summary(out, summary);
    out.append("<section><h2>Timeline</h2>\n")
        .append(TimelineChart.svg(report.rows()))
        .append("\n</section>\n");
    table(out, report);
    out.append(
            "<footer>Confirmed means a committee-signed milestone referenced the record; the node"
                + " that answered says so. To check a record without trusting that node, ask for a"
                + " receipt and verify it against the genesis file. Each record's documents are"
                + " named by SHA-256: compare with <code>sha256sum FILE</code>.</footer>\n")
        .append("</body></html>\n");
    return out.toString();
  }

  private static void summary(StringBuilder out, ReportSummary s) {
    out.append("<section><h2>Summary</h2>\n<dl class=\"summary\" id=\"summary\"")
        .append(" data-records=\"")
        .append(s.records())
        .append("\" data-confirmed=\"")
        .append(s.confirmed())
        .append("\" data-pending=\"")
        .append(s.pending())
        .append("\" data-conflicting=\"")
        .append(s.conflicting())
        .append("\" data-unknown=\"")
        .append(s.unknownRecords())
        .append("\">\n");
    item(out, "Records", s.records() + " (" + s.anchors() + " anchors, " + s.events() + " events)");
    item(out, "Confirmed", Integer.toString(s.confirmed()));
    item(out, "Pending", Integer.toString(s.pending()));
    item(out, "Conflicting", Integer.toString(s.conflicting()));
    item(out, "First", s.firstMs().isPresent() ? ReportTimes.iso(s.firstMs().getAsLong()) : "–");
    item(out, "Last", s.lastMs().isPresent() ? ReportTimes.iso(s.lastMs().getAsLong()) : "–");
    out.append("<dt>Organisations</dt><dd>");
    if (s.byOrganisation().isEmpty()) {
      out.append("none known");
    } else {
      out.append("<ul class=\"orgs\">");
      for (Map.Entry<String, Integer> org : s.byOrganisation().entrySet()) {
        out.append("<li>")
            .append(Html.escape(org.getKey()))
            .append(": ")
            .append(org.getValue())
            .append(org.getValue() == 1 ? " record" : " records")
            .append("</li>");
      }
      out.append("</ul>");
    }
    out.append("</dd>\n<dt>Unknown signers</dt><dd>");
    if (s.unknownSigners().isEmpty()) {
      out.append("none");
    } else {
      out.append("<span class=\"warn\">")
          .append(s.unknownSigners().size())
          .append(s.unknownSigners().size() == 1 ? " key" : " keys")
          .append(", ")
          .append(s.unknownRecords())
          .append(s.unknownRecords() == 1 ? " record" : " records")
          .append("</span><ul class=\"orgs\">");
      for (String key : s.unknownSigners()) {
        out.append("<li><code>").append(Html.escape(key)).append("</code></li>");
      }
      out.append("</ul>");
    }
    out.append("</dd>\n</dl></section>\n");
  }

  private static void item(StringBuilder out, String name, String value) {
    out.append("<dt>")
        .append(Html.escape(name))
        .append("</dt><dd>")
        .append(Html.escape(value))
        .append("</dd>\n");
  }

  private static void table(StringBuilder out, AuditReport report) {
    out.append("<section><h2>Records</h2>\n<table id=\"records\"><thead><tr>")
        .append("<th>Time (UTC)</th><th>Type</th><th>Event / note</th><th>Trail</th><th>Tag</th>")
        .append("<th>Signed by</th><th>Status</th><th>Milestone</th><th>Documents (SHA-256)</th>")
        .append("<th>Transaction</th></tr></thead>\n<tbody>\n");
    for (ReportRow row : report.rows()) {
      out.append("<tr class=\"")
          .append(row.status().word())
          .append("\" data-id=\"")
          .append(Html.escape(row.id()))
          .append("\">");
      cell(out, "", ReportTimes.iso(row.timeMs()));
      cell(out, "", row.type());
      cell(out, "", row.text());
      cell(out, "", row.trail());
      cell(out, "", row.tag());
      if (row.organisation().isPresent()) {
        out.append("<td title=\"")
            .append(Html.escape(row.issuer()))
            .append("\">")
            .append(Html.escape(row.organisation().get()))
            .append("</td>");
      } else {
        out.append("<td class=\"unknown\" title=\"")
            .append(Html.escape(row.issuer()))
            .append("\">unknown signer<br><code>")
            .append(Html.escape(row.issuer().substring(0, Math.min(16, row.issuer().length()))))
            .append("…</code></td>");
      }
      String status =
          row.status() == RecordStatus.CONFLICTING
              ? "conflicting (" + row.conflict() + ")"
              : row.status().word();
      out.append("<td class=\"status\">").append(Html.escape(status)).append("</td>");
      cell(
          out,
          "",
          row.milestone().isPresent()
              ? row.milestone().getAsInt()
                  + (row.milestoneTimeMs().isPresent()
                      ? " at " + ReportTimes.iso(row.milestoneTimeMs().getAsLong())
                      : "")
              : "–");
      cell(out, "hash", String.join(" ", row.documents()));
      cell(out, "hash", row.id());
      out.append("</tr>\n");
    }
    out.append("</tbody></table></section>\n");
  }

  private static void cell(StringBuilder out, String cls, String text) {
    out.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls + "\">")
        .append(Html.escape(text))
        .append("</td>");
  }
}
