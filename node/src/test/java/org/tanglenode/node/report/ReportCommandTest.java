package org.tanglenode.node.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanglenode.node.report.AuditNetwork.AGENCY;
import static org.tanglenode.node.report.AuditNetwork.STRANGER_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.node.Http;
import org.tanglenode.node.cli.CliRunner;
import org.tanglenode.node.report.AuditNetwork.Submitted;
import org.tanglenode.protocol.record.TrailEvent;

/**
 * End to end: records from a known and an unknown signer on a node, confirmed by its milestones,
 * then {@code tangle report} through the CLI by tag, by milestone range and by issuer, and the
 * node's audit endpoints with their paging and errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCommandTest {

  @TempDir static Path dir;

  private AuditNetwork network;
  private List<Submitted> records;
  private int lastMilestone;

  @BeforeAll
  void recordATrail() {
    network = AuditNetwork.start(dir);
    records = network.submitRecords();
    lastMilestone =
        records.stream()
            .mapToInt(s -> network.metadata(s.id()).path("referencedByMilestone").asInt())
            .max()
            .orElseThrow();
  }

  @AfterAll
  void stop() {
    network.close();
  }

  @Test
  void aReportByTagListsTheTrailInOrderWithSignersAndConfirmation() throws Exception {
    Path out = dir.resolve("by-tag");
    CliRunner.Result run = report("--tag", AuditNetwork.TRAIL_TAG, "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("records:     3 (3 confirmed, 0 pending, 0 conflicting)");

    List<List<String>> rows = csv(out.resolve("report.csv"));
    assertThat(rows.get(0)).containsExactlyElementsOf(CsvReportWriter.HEADER);
    List<Submitted> trail = records.stream().filter(s -> s.record() instanceof TrailEvent).toList();
    assertThat(rows.subList(1, rows.size()))
        .as("the plain-text transaction under the tag is not a record")
        .hasSize(3);
    for (int i = 0; i < 3; i++) {
      List<String> row = rows.get(i + 1);
      Submitted expected = trail.get(i);
      JsonNode metadata = network.metadata(expected.id());
      assertThat(row.get(0)).isEqualTo(expected.id());
      assertThat(row.get(2)).isEqualTo(AuditNetwork.TRAIL_TAG);
      assertThat(row.get(3)).isEqualTo(expected.signer().publicKey().toHex());
      assertThat(row.get(4)).isEqualTo(expected.signer() == STRANGER_KEY ? "" : AGENCY);
      assertThat(row.get(13)).isEqualTo(expected.signer() == STRANGER_KEY ? "no" : "yes");
      assertThat(row.get(5)).isEqualTo("event");
      assertThat(row.get(6)).isEqualTo(((TrailEvent) expected.record()).event());
      assertThat(row.get(7)).isEqualTo(AuditNetwork.TRAIL);
      assertThat(row.get(9)).isEqualTo("yes");
      assertThat(row.get(10)).isEqualTo(metadata.path("referencedByMilestone").asText());
      assertThat(row.get(11)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(row.get(12)).isEqualTo("NONE");
    }
    assertThat(rows.get(1).get(6)).isEqualTo("dispatched");
    assertThat(rows.get(2).get(6)).isEqualTo("received");
    assertThat(rows.get(3).get(6)).isEqualTo("delivered");
    assertThat(rows.get(3).get(8))
        .isEqualTo(((TrailEvent) trail.get(2).record()).documents().get(0).sha256Hex());

    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("data-records=\"3\"").contains("data-marks=\"3\"");
    for (Submitted s : trail) {
      assertThat(html).contains("<tr class=\"confirmed\" data-id=\"" + s.id() + "\">");
    }
  }

  @Test
  void aReportByMilestoneRangeHasEveryRecordTheyConfirmedAndGuardsTheSpreadsheet()
      throws Exception {
    Path out = dir.resolve("by-range");
    CliRunner.Result run =
        report("--from", "1", "--to", Integer.toString(lastMilestone), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();

    List<List<String>> rows = csv(out.resolve("report.csv"));
    assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0)))
        .containsExactlyInAnyOrderElementsOf(records.stream().map(Submitted::id).toList());
    for (List<String> row : rows.subList(1, rows.size())) {
      assertThat(Integer.parseInt(row.get(10))).isBetween(1, lastMilestone);
    }
    String hostile = records.get(4).id();
    List<String> hostileRow =
        rows.stream().filter(r -> r.get(0).equals(hostile)).findFirst().orElseThrow();
    assertThat(hostileRow.get(6)).isEqualTo("'" + AuditNetwork.HOSTILE_NOTE);
    assertThat(hostileRow.get(4)).isEmpty();
    assertThat(hostileRow.get(13)).isEqualTo("no");

    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).contains("Audit report: milestones 1 to " + lastMilestone);
  }

  @Test
  void anIssuerReportHasOnlyThatSignersRecordsWithOrWithoutARange() throws Exception {
    String stranger = STRANGER_KEY.publicKey().toHex();
    List<String> expected =
        records.stream().filter(s -> s.signer() == STRANGER_KEY).map(Submitted::id).toList();

    Path ranged = dir.resolve("issuer-ranged");
    CliRunner.Result run =
        report(
            "--issuer",
            stranger,
            "--from",
            "1",
            "--to",
            Integer.toString(lastMilestone),
            "--out",
            ranged.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(csv(ranged.resolve("report.csv")).stream().skip(1).map(r -> r.get(0)))
        .containsExactlyInAnyOrderElementsOf(expected);

    Path recent = dir.resolve("issuer-recent");
    run = report("--issuer", stranger, "--out", recent.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("selection:   issuer " + stranger + ", milestones 1 to ");
    assertThat(csv(recent.resolve("report.csv")).stream().skip(1).map(r -> r.get(0)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void wrongSelectionsAreRefusedWithTheirReason() {
    CliRunner.Result both =
        report("--tag", "x", "--from", "1", "--to", "2", "--out", dir.toString());
    assertThat(both.exitCode()).isEqualTo(2);
    CliRunner.Result none = report("--out", dir.toString());
    assertThat(none.exitCode()).isEqualTo(2);
    CliRunner.Result reversed = report("--from", "3", "--to", "2", "--out", dir.toString());
    assertThat(reversed.exitCode()).isEqualTo(1);
    assertThat(reversed.err()).contains("INVALID_RANGE");
    CliRunner.Result tooLarge = report("--from", "1", "--to", "5000", "--out", dir.toString());
    assertThat(tooLarge.err()).contains("RANGE_TOO_LARGE");
    CliRunner.Result future = report("--from", "900000", "--to", "900001", "--out", dir.toString());
    assertThat(future.exitCode()).isEqualTo(1);
    assertThat(future.err()).contains("NOT_FOUND: no milestone 900000");
  }

  @Test
  void aMilestonesConfirmedListIsPagedAndHoldsItsRecords() {
    Http http = network.http();
    Submitted first = records.get(0);
    int index = network.metadata(first.id()).path("referencedByMilestone").asInt();

    JsonNode all = http.get("/api/v1/milestones/" + index + "/confirmed").json();
    assertThat(all.path("index").asInt()).isEqualTo(index);
    assertThat(all.path("count").asLong())
        .isEqualTo(all.path("historySize").asLong() - all.path("firstLeaf").asLong())
        .isEqualTo(all.path("transactions").size());
    assertThat(all.path("transactions").toString()).contains(first.id());
    assertThat(all.path("next").isNull()).isTrue();

    List<String> paged = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      JsonNode page =
          http.get(
                  "/api/v1/milestones/"
                      + index
                      + "/confirmed?limit=1"
                      + cursor.map(c -> "&cursor=" + c).orElse(""))
              .json();
      page.path("transactions").forEach(id -> paged.add(id.asText()));
      cursor =
          page.path("next").isTextual()
              ? Optional.of(page.path("next").asText())
              : Optional.empty();
    } while (cursor.isPresent());
    List<String> ids = new ArrayList<>();
    all.path("transactions").forEach(id -> ids.add(id.asText()));
    assertThat(paged).isEqualTo(ids);

    assertError(http.get("/api/v1/milestones/900000/confirmed"), 404, "NOT_FOUND");
    assertError(http.get("/api/v1/milestones/0/confirmed"), 400, "INVALID_PARAMETER");
    assertError(
        http.get("/api/v1/milestones/" + index + "/confirmed?cursor=-4"), 400, "INVALID_PARAMETER");
  }

  @Test
  void recordPagesFollowedByCursorMatchOnePageUnderAnyLimit() {
    Http http = network.http();
    String range = "from=1&to=" + lastMilestone;
    JsonNode first = http.get("/api/v1/records?" + range + "&limit=1000").json();
    assertThat(first.path("scanned").asInt()).isEqualTo(AuditNetwork.SCAN_BUDGET);
    assertThat(first.path("next").isTextual())
        .as("a page ends at the scan budget, with a cursor: " + first)
        .isTrue();
    List<String> whole = follow(http, "/api/v1/records?" + range + "&limit=1000");
    assertThat(whole).hasSize(records.size());

    List<String> paged = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      JsonNode page =
          http.get(
                  "/api/v1/records?"
                      + range
                      + "&limit=1"
                      + cursor.map(c -> "&cursor=" + c).orElse(""))
              .json();
      paged.addAll(ids(page));
      assertThat(page.path("records").size()).isLessThanOrEqualTo(1);
      cursor =
          page.path("next").isTextual()
              ? Optional.of(page.path("next").asText())
              : Optional.empty();
      pages++;
    } while (cursor.isPresent() && pages < 100);
    assertThat(paged).isEqualTo(whole);

    List<String> tagPaged = new ArrayList<>();
    cursor = Optional.empty();
    do {
      JsonNode page =
          http.get(
                  "/api/v1/records?tag="
                      + AuditNetwork.TRAIL_TAG.replace(":", "%3A")
                      + "&limit=1"
                      + cursor.map(c -> "&cursor=" + c).orElse(""))
              .json();
      tagPaged.addAll(ids(page));
      cursor =
          page.path("next").isTextual()
              ? Optional.of(page.path("next").asText())
              : Optional.empty();
    } while (cursor.isPresent());
    assertThat(tagPaged).hasSize(3);

    assertError(http.get("/api/v1/records"), 400, "MISSING_PARAMETER");
    assertError(http.get("/api/v1/records?from=1"), 400, "INVALID_RANGE");
    assertError(http.get("/api/v1/records?issuer=zz"), 400, "INVALID_KEY");
    assertError(
        http.get("/api/v1/records?" + range + "&cursor=nonsense"), 400, "INVALID_PARAMETER");
  }

  private static List<String> follow(Http http, String query) {
    List<String> ids = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      JsonNode page = http.get(query + cursor.map(c -> "&cursor=" + c).orElse("")).json();
      ids.addAll(ids(page));
      cursor =
          page.path("next").isTextual()
              ? Optional.of(page.path("next").asText())
              : Optional.empty();
    } while (cursor.isPresent());
    return ids;
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("records").forEach(r -> ids.add(r.path("id").asText()));
    return ids;
  }

  private static void assertError(Http.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.json().path("error").asText()).as(answer.toString()).isEqualTo(code);
  }

  /** The CSV's rows and cells (RFC 4180: quoted cells may hold commas, doubled quotes, breaks). */
  static List<List<String>> csv(Path file) throws Exception {
    String text = Files.readString(file);
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    assertThat(cell).as("the file ends with CRLF").isEmpty();
    return rows;
  }

  /** {@code tangle report} against the test network's node, with {@code args} after --api. */
  private CliRunner.Result report(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "report";
    all[1] = "--api";
    all[2] = network.api();
    System.arraycopy(args, 0, all, 3, args.length);
    return CliRunner.run(all);
  }
}
