package org.tanglenode.node.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanglenode.node.report.ReportRows.T0;
import static org.tanglenode.node.report.ReportRows.row;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

  private static final String HOSTILE =
      "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";

  private final HtmlReportWriter writer = new HtmlReportWriter();

  private final AuditReport report =
      ReportRows.report(
          row().id("01".repeat(32)).at(T0).build(),
          row().id("02".repeat(32)).at(T0 + 5_000).event("shipment-4711", "dispatched").build(),
          row()
              .id("03".repeat(32))
              .at(T0 + 9_000)
              .text(HOSTILE)
              .unknownSigner("99".repeat(32))
              .build(),
          row()
              .id("04".repeat(32))
              .at(T0 + 12_000)
              .organisation("Clinic Network & Partners")
              .pending()
              .build(),
          row().id("05".repeat(32)).at(T0 + 20_000).conflicting("INPUT_ALREADY_SPENT").build());

  @Test
  void hostileNotesAndNamesAreEscapedAndNoScriptCanRun() {
    String html = writer.render(report);

    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain(" onerror=alert(1)>");
    assertThat(html)
        .contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    assertThat(html).contains("Clinic Network &amp; Partners").doesNotContain("Network & Partners");
    assertThat(html)
        .contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"");
  }

  @Test
  void thePageIsSelfContained() {
    String html = writer.render(report);

    assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("@import");
    assertThat(html).doesNotContain("src=\"http").doesNotContain("url(");
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<style>")
        .contains("<svg id=\"timeline\"");
  }

  @Test
  void theChartHasOneMarkPerRecordInItsStatusAndALanePerSigner() {
    String html = writer.render(report);

    assertThat(count(html, "<g class=\"mark ")).isEqualTo(5);
    assertThat(count(html, "<g class=\"mark confirmed\"")).isEqualTo(3);
    assertThat(count(html, "<g class=\"mark pending\"")).isEqualTo(1);
    assertThat(count(html, "<g class=\"mark conflicting\"")).isEqualTo(1);
    assertThat(html).contains("data-marks=\"5\"");
    assertThat(count(html, "<rect class=\"lane\"")).isEqualTo(3);
    assertThat(html)
        .contains(">Aid Agency East</text>")
        .contains(">Clinic Network &amp; Partners</text>")
        .contains(">unknown signer 999999999999…</text>");
  }

  @Test
  void theSummaryCountsRecordsByStatusAndNamesUnknownSigners() {
    String html = writer.render(report);

    assertThat(html)
        .contains(
            "id=\"summary\" data-records=\"5\" data-confirmed=\"3\" data-pending=\"1\""
                + " data-conflicting=\"1\" data-unknown=\"1\"");
    assertThat(html).contains("<dd>5 (4 anchors, 1 events)</dd>");
    assertThat(html).contains("<dt>First</dt><dd>2026-03-01T10:00:00.000Z</dd>");
    assertThat(html).contains("<dt>Last</dt><dd>2026-03-01T10:00:20.000Z</dd>");
    assertThat(html).contains("<li>Aid Agency East: 3 records</li>");
    assertThat(html).contains("<code>" + "99".repeat(32) + "</code>");
    assertThat(html).contains("conflicting (INPUT_ALREADY_SPENT)");
  }

  @Test
  void theTableHasOneRowPerRecordInOrder() {
    String html = writer.render(report);

    Matcher rows = Pattern.compile("<tr class=\"(\\w+)\" data-id=\"(\\w+)\">").matcher(html);
    StringBuilder seen = new StringBuilder();
    while (rows.find()) {
      seen.append(rows.group(1)).append(' ').append(rows.group(2), 0, 2).append(';');
    }
    assertThat(seen.toString())
        .isEqualTo("confirmed 01;confirmed 02;confirmed 03;pending 04;conflicting 05;");
  }

  @Test
  void anEmptyReportStillRenders() {
    String html = writer.render(ReportRows.report());

    assertThat(html).contains("data-records=\"0\"").contains("data-marks=\"0\"");
    assertThat(count(html, "<g class=\"mark ")).isZero();
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
