package org.tanglenode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.tanglenode.node.report.AuditReport;
import org.tanglenode.node.report.CsvReportWriter;
import org.tanglenode.node.report.HtmlReportWriter;
import org.tanglenode.node.report.RecordStatus;
import org.tanglenode.node.report.ReportRow;
import org.tanglenode.node.report.ReportSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes an audit report of the records a node has: report.csv (one row per record, for"
          + " spreadsheets) and report.html (summary, timeline chart and table; one file, no"
          + " scripts). Select by --tag, or by the milestones that confirmed them (--from/--to),"
          + " and/or by --issuer. --issuer alone covers the node's most recent milestones"
          + " (api.maxMilestoneRange). See docs/reports.md."
    })
final class ReportCommand implements Runnable {

  static final String CSV_FILE = "report.csv";
  static final String HTML_FILE = "report.html";

  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Option(names = "--tag", description = "Records under this tag, in the tag's order.")
  String tag;

  @Option(names = "--issuer", description = "Only records signed by this public key (64 hex).")
  String issuer;

  @Option(names = "--from", description = "First milestone whose confirmed records to include.")
  Integer from;

  @Option(names = "--to", description = "Last milestone whose confirmed records to include.")
  Integer to;

  @Option(
      names = "--out",
      required = true,
      description = "Folder to write report.csv and report.html into (made if missing).")
  Path out;

  @Option(
      names = "--max-records",
      defaultValue = "100000",
      description =
          "Refuse (rather than write a partial report) beyond this many records"
              + " (default: ${DEFAULT-VALUE}).")
  int maxRecords;

  @Override
  public void run() {
    if ((from == null) != (to == null)) {
      throw new ParameterException(spec.commandLine(), "give both --from and --to, or neither");
    }
    if (tag != null && from != null) {
      throw new ParameterException(
          spec.commandLine(), "select by --tag or by --from/--to, not both");
    }
    if (tag == null && from == null && issuer == null) {
      throw new ParameterException(
          spec.commandLine(), "select records: --tag T, --issuer KEY, or --from I --to J");
    }
    if (maxRecords < 1) {
      throw new ParameterException(spec.commandLine(), "--max-records must be at least 1");
    }
    ApiClient client = api.client();
    List<ReportRow> rows = new ArrayList<>();
    JsonNode selection = null;
    Optional<String> cursor = Optional.empty();
    do {
      JsonNode page = client.get(query(cursor));
      selection = page.path("selection");
      for (JsonNode record : page.path("records")) {
        if (rows.size() == maxRecords) {
          throw new CommandFailedException(
              "more than " + maxRecords + " records: narrow the selection or raise --max-records");
        }
        rows.add(row(record));
      }
      JsonNode next = page.path("next");
      cursor = next.isTextual() ? Optional.of(next.asText()) : Optional.empty();
    } while (cursor.isPresent());

    AuditReport report =
        new AuditReport(describe(selection), api.api.toString(), Instant.now(), rows);
    Path csv = out.resolve(CSV_FILE);
    Path html = out.resolve(HTML_FILE);
    try {
      Files.createDirectories(out);
      try (var writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        new CsvReportWriter().write(report, writer);
      }
      Files.writeString(html, new HtmlReportWriter().render(report), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CommandFailedException("cannot write the report into " + out + ": " + e, e);
    }
    print(report, csv, html);
  }

  private String query(Optional<String> cursor) {
    List<String> params = new ArrayList<>();
    if (tag != null) {
      params.add("tag=" + encode(tag));
    }
    if (issuer != null) {
      params.add("issuer=" + encode(issuer));
    }
    if (from != null) {
      params.add("from=" + from);
      params.add("to=" + to);
    }
    cursor.ifPresent(c -> params.add("cursor=" + encode(c)));
    return "/api/v1/records?" + String.join("&", params);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The selection in words, as the node applied it (it fills in the range for --issuer). */
  static String describe(JsonNode selection) {
    List<String> parts = new ArrayList<>();
    if (selection.path("tag").isTextual()) {
      parts.add("tag " + selection.path("tag").asText());
    }
    if (selection.path("issuer").isTextual()) {
      parts.add("issuer " + selection.path("issuer").asText());
    }
    if (selection.path("from").isInt()) {
      parts.add(
          "milestones " + selection.path("from").asInt() + " to " + selection.path("to").asInt());
    }
    return String.join(", ", parts);
  }

  /** One record of {@code GET /api/v1/records} as a report row. */
  static ReportRow row(JsonNode entry) {
    JsonNode record = entry.path("record");
    String type = record.path("type").asText();
    List<String> documents = new ArrayList<>();
    String text;
    if (type.equals("anchor")) {
      documents.add(record.path("sha256").asText());
      text = record.path("note").asText("");
    } else if (type.equals("sensor-batch")) {
      // A batch names no document; what a reader needs is how many readings and of when.
      text =
          record.path("count").asLong()
              + " readings from "
              + Instant.ofEpochMilli(record.path("first").asLong())
              + " to "
              + Instant.ofEpochMilli(record.path("last").asLong())
              + ", root "
              + record.path("root").asText();
    } else {
      record.path("docs").forEach(doc -> documents.add(doc.path("sha256").asText()));
      text = record.path("event").asText("");
    }
    JsonNode milestone = entry.path("referencedByMilestone");
    RecordStatus status =
        !milestone.isInt()
            ? RecordStatus.PENDING
            : entry.path("conflicting").asBoolean()
                ? RecordStatus.CONFLICTING
                : RecordStatus.CONFIRMED;
    JsonNode milestoneTime = entry.path("milestoneTimestamp");
    return new ReportRow(
        entry.path("id").asText(),
        entry.path("timestamp").asLong(),
        entry.path("tag").isTextual() ? entry.path("tag").asText() : "",
        entry.path("issuer").asText(),
        entry.path("organisation").isTextual()
            ? Optional.of(entry.path("organisation").asText())
            : Optional.empty(),
        type,
        text,
        record.path("trail").asText(""),
        documents,
        status,
        milestone.isInt() ? OptionalInt.of(milestone.asInt()) : OptionalInt.empty(),
        milestoneTime.isIntegralNumber()
            ? OptionalLong.of(milestoneTime.asLong())
            : OptionalLong.empty(),
        entry.path("conflict").asText("NONE"));
  }

  private void print(AuditReport report, Path csv, Path html) {
    PrintWriter printer = spec.commandLine().getOut();
    ReportSummary summary = report.summary();
    if (api.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("selection", report.selection());
      json.put("records", summary.records());
      json.put("confirmed", summary.confirmed());
      json.put("pending", summary.pending());
      json.put("conflicting", summary.conflicting());
      json.put("unknownSigners", summary.unknownSigners().size());
      json.put("csv", csv.toString());
      json.put("html", html.toString());
      try {
        printer.println(api.client().json().writeValueAsString(json));
      } catch (IOException e) {
        throw new CommandFailedException("cannot print JSON: " + e, e);
      }
      return;
    }
    printer.println("selection:   " + report.selection());
    printer.println(
        "records:     "
            + summary.records()
            + " ("
            + summary.confirmed()
            + " confirmed, "
            + summary.pending()
            + " pending, "
            + summary.conflicting()
            + " conflicting)");
    printer.println(
        "signers:     "
            + summary.byOrganisation().size()
            + " organisations, "
            + summary.unknownSigners().size()
            + " unknown");
    printer.println("csv:         " + csv);
    printer.println("html:        " + html);
  }
}
