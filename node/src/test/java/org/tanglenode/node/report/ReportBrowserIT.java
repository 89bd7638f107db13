package org.tanglenode.node.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.node.cli.CliRunner;
import org.tanglenode.node.devnet.HeadlessChromium;
import org.tanglenode.node.report.AuditNetwork.Submitted;

/**
 * The audit report in a real browser: {@code tangle report} writes report.html from a node's
 * records, headless Chromium opens the file, and the page shows a row and a chart mark per record,
 * the summary counts, the hostile note as text (no script ran). Leaves a screenshot in {@code
 * node/target/audit-report.png}.
 */
class ReportBrowserIT {

  private static final String PAGE =
      "(() => ({"
          + " rows: [...document.querySelectorAll('#records tbody tr')].map(r => r.dataset.id),"
          + " marks: document.querySelectorAll('#timeline g.mark').length,"
          + " confirmedMarks: document.querySelectorAll('#timeline g.mark.confirmed').length,"
          + " records: document.getElementById('summary').dataset.records,"
          + " unknown: document.getElementById('summary').dataset.unknown,"
          + " scripts: document.scripts.length,"
          + " chartWidth: document.getElementById('timeline').getBoundingClientRect().width,"
          + " text: document.body.innerText,"
          + " dom: document.documentElement.outerHTML }))()";

  private static final String LOADED =
      "document.readyState === 'complete' && document.getElementById('summary') !== null";

  @TempDir Path dir;

  @Test
  void theWrittenReportOpensInChromiumWithItsTableChartAndSummary() throws Exception {
    HeadlessChromium.requireBinary();
    Path out = dir.resolve("report");
    List<Submitted> records;
    try (AuditNetwork network = AuditNetwork.start(dir)) {
      records = network.submitRecords();
      CliRunner.Result run =
          CliRunner.run(
              "report",
              "--api",
              network.api(),
              "--issuer",
              AuditNetwork.STRANGER_KEY.publicKey().toHex(),
              "--out",
              out.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      run =
          CliRunner.run(
              "report",
              "--api",
              network.api(),
              "--tag",
              AuditNetwork.ANCHOR_TAG,
              "--out",
              out.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      run =
          CliRunner.run(
              "report",
              "--api",
              network.api(),
              "--from",
              "1",
              "--to",
              Integer.toString(lastMilestone(network, records)),
              "--out",
              out.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
    }
    Path html = out.resolve("report.html");

    try (HeadlessChromium browser = HeadlessChromium.open(html.toUri(), dir)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> browser.evaluate(LOADED).asBoolean());
      JsonNode page = browser.evaluate(PAGE);
      assertThat(page.path("rows").size()).as(page.toString()).isEqualTo(records.size());
      for (Submitted s : records) {
        assertThat(page.path("rows").toString()).contains(s.id());
        assertThat(page.path("dom").asText()).contains("data-id=\"" + s.id() + "\"");
      }
      assertThat(page.path("marks").asInt()).isEqualTo(records.size());
      assertThat(page.path("confirmedMarks").asInt()).isEqualTo(records.size());
      assertThat(page.path("records").asText()).isEqualTo(Integer.toString(records.size()));
      assertThat(page.path("unknown").asText()).isEqualTo("2");
      assertThat(page.path("scripts").asInt()).as("no script element came in with a note").isZero();
      assertThat(page.path("text").asText())
          .contains(AuditNetwork.HOSTILE_NOTE)
          .contains(AuditNetwork.AGENCY)
          .contains("unknown signer");
      assertThat(page.path("chartWidth").asDouble()).isGreaterThan(500);

      String dumped = dumpDom(html, dir);
      assertThat(dumped).contains("<table id=\"records\">");
      for (Submitted s : records) {
        assertThat(dumped).contains("<tr class=\"confirmed\" data-id=\"" + s.id() + "\">");
      }
      assertThat(dumped).doesNotContain("<script");

      Path screenshot = Path.of("target", "audit-report.png");
      browser.screenshot(screenshot);
      byte[] png = Files.readAllBytes(screenshot);
      assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
      assertThat(png.length)
          .as("a page with a chart and a table, not a blank one")
          .isGreaterThan(20_000);
    }
  }

  /** The DOM as {@code chromium --headless --dump-dom} prints it after loading the file. */
  private static String dumpDom(Path html, Path dir) throws Exception {
    Process dump =
        new ProcessBuilder(
                HeadlessChromium.BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--user-data-dir=" + dir.resolve("dump-profile"),
                "--dump-dom",
                html.toUri().toString())
            .redirectError(dir.resolve("dump-dom-stderr.txt").toFile())
            .start();
    String dom = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(dump.waitFor(60, TimeUnit.SECONDS)).as("chromium --dump-dom ends").isTrue();
    assertThat(dump.exitValue()).as(Files.readString(dir.resolve("dump-dom-stderr.txt"))).isZero();
    return dom;
  }

  private static int lastMilestone(AuditNetwork network, List<Submitted> records) {
    return records.stream()
        .mapToInt(s -> network.metadata(s.id()).path("referencedByMilestone").asInt())
        .max()
        .orElseThrow();
  }
}
