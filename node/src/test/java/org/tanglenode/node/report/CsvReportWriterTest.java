package org.tanglenode.node.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanglenode.node.report.ReportRows.row;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportWriterTest {

  private final CsvReportWriter writer = new CsvReportWriter();

  @Test
  void theHeaderNamesEveryColumnAndEachRecordIsOneCrlfLine() {
    String csv =
        writer.toText(
            ReportRows.report(
                row().build(),
                row().id("cd".repeat(32)).pending().unknownSigner("22".repeat(32)).build()));

    String[] lines = csv.split("\r\n", -1);
    assertThat(lines).hasSize(4); // header, two rows, and nothing after the last CRLF
    assertThat(lines[0])
        .isEqualTo(
            "id,time,tag,issuer,organisation,type,event_or_note,trail,documents_sha256,"
                + "confirmed,milestone,milestone_time,conflict,known_signer");
    assertThat(lines[1])
        .isEqualTo(
            "ab".repeat(32)
                + ",2026-03-01T10:00:00.000Z,procurement-2026,"
                + "11".repeat(32)
                + ",Aid Agency East,anchor,tender documents,,"
                + "5e".repeat(32)
                + ",yes,7,2026-03-01T10:00:01.000Z,NONE,yes");
    assertThat(lines[2])
        .isEqualTo(
            "cd".repeat(32)
                + ",2026-03-01T10:00:00.000Z,procurement-2026,"
                + "22".repeat(32)
                + ",,anchor,tender documents,,"
                + "5e".repeat(32)
                + ",no,,,NONE,no");
    assertThat(lines[3]).isEmpty();
  }

  @Test
  void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
    assertThat(CsvReportWriter.cell("lot 12, clinic 3")).isEqualTo("\"lot 12, clinic 3\"");
    assertThat(CsvReportWriter.cell("the \"red\" crate")).isEqualTo("\"the \"\"red\"\" crate\"");
    assertThat(CsvReportWriter.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(CsvReportWriter.cell("plain")).isEqualTo("plain");
    assertThat(CsvReportWriter.cell("")).isEqualTo("");
  }

  @Test
  void cellsASpreadsheetWouldRunAsFormulasGetALeadingQuote() {
    for (String formula :
        List.of("=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR")) {
      assertThat(CsvReportWriter.cell(formula)).as(formula).contains("'" + formula.charAt(0));
      assertThat(CsvReportWriter.cell(formula).replace("\"", "")).as(formula).startsWith("'");
    }
    assertThat(CsvReportWriter.cell("=1,2")).isEqualTo("\"'=1,2\"");
    assertThat(CsvReportWriter.cell("a=b")).isEqualTo("a=b");

    String csv =
        writer.toText(ReportRows.report(row().text("=cmd|' /C calc'!A0").tag("@risk").build()));
    assertThat(csv).contains(",'@risk,").contains(",'=cmd|' /C calc'!A0,");
  }
}
