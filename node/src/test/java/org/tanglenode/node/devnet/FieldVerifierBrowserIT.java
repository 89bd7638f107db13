package org.tanglenode.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tanglenode.node.TestNodes.WRITE_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.node.Node;
import org.tanglenode.node.TestNodes;
import org.tanglenode.node.cli.CliRunner;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.receipt.CompactReceipt;
import org.tanglenode.protocol.receipt.ReceiptFixture;

/**
 * The offline web verifier (web-verifier/, served at {@code /verify}) in headless Chromium with a
 * phone's viewport: it loads from a live devnet node once and takes the genesis file; then the node
 * is shut down and the network switched off, the page reloads from its service worker's cache,
 * reads the compact receipt of a live anchor from its QR image (made by {@code tangle receipt
 * --qr}) and shows it verified; a receipt with one changed byte is refused with its reason; and
 * every one-byte change of the worked example of docs/receipts.md is refused in the page. Leaves
 * screenshots of both phone views in node/target/ (copied to docs/field-verifier-*.png).
 */
class FieldVerifierBrowserIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void thePhoneVerifiesAQrCodeOfALiveRecordOfflineAndRefusesATamperedOne() throws Exception {
    HeadlessChromium.requireBinary();
    Path nodeDir = Files.createDirectories(dir.resolve("node"));
    Path field = Files.createDirectories(dir.resolve("field"));
    Path document = field.resolve("delivery-note.txt");
    Files.writeString(document, "Delivery note 4711: 40 boxes of water purification tablets\n");
    Genesis genesis = TestNetwork.genesis(4).withMilestoneIntervalMs(300);
    TestNodes nodes = new TestNodes(nodeDir, genesis);
    Path genesisFile = field.resolve("genesis.json");
    Files.copy(nodeDir.resolve("genesis.json"), genesisFile);
    Path label = field.resolve("label.png");
    Path compact = field.resolve("receipt.trc");
    Path detached = field.resolve("detached.trc");
    Path saved = field.resolve("tangle-verifier.html");

    Node node = nodes.start("coordinator", List.of(), nodes.coordinatorYaml());
    HeadlessChromium browser = null;
    String id;
    try {
      String api = "http://127.0.0.1:" + node.apiAddress().orElseThrow().getPort();
      Path key = dir.resolve("ngo.key");
      KeyFile.write(key, TestNetwork.key(42));
      CliRunner.Result anchored =
          CliRunner.run(
              "anchor",
              document.toString(),
              "--key",
              key.toString(),
              "--tag",
              "shipment-4711",
              "--note",
              "delivery note",
              "--api",
              api,
              "--token",
              WRITE_TOKEN,
              "--wait",
              "20");
      assertThat(anchored.exitCode()).as(anchored.err()).isZero();
      id =
          anchored
              .out()
              .lines()
              .filter(l -> l.startsWith("id:"))
              .findFirst()
              .orElseThrow()
              .substring(3)
              .trim();
      CliRunner.Result drawn =
          CliRunner.run(
              "receipt",
              id,
              "--api",
              api,
              "--compact",
              "--out",
              compact.toString(),
              "--qr",
              label.toString(),
              "--qr-pixels",
              "4");
      assertThat(drawn.exitCode()).as(drawn.err()).isZero();
      CliRunner.Result withoutMilestone =
          CliRunner.run(
              "receipt",
              id,
              "--api",
              api,
              "--compact",
              "--without-milestone",
              "--out",
              detached.toString());
      assertThat(withoutMilestone.exitCode()).as(withoutMilestone.err()).isZero();

      // The page as one file to keep: a download of the same self-contained HTML.
      HttpResponse<byte[]> download =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(api + "/verify/tangle-verifier.html")).build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.headers().firstValue("Content-Disposition"))
          .contains("attachment; filename=\"tangle-verifier.html\"");
      assertThat(new String(download.body(), StandardCharsets.UTF_8))
          .doesNotContain("<script src", "<link rel=\"stylesheet\"");
      Files.write(saved, download.body());

      browser = HeadlessChromium.open(URI.create(api + "/verify"), dir);
      ObjectNode phone = JSON.createObjectNode();
      phone.put("width", 390);
      phone.put("height", 844);
      phone.put("deviceScaleFactor", 2);
      phone.put("mobile", true);
      browser.call("Emulation.setDeviceMetricsOverride", phone);
      HeadlessChromium page = browser;
      // Until the page has loaded (slow on a busy machine) there is no navigator.serviceWorker.
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  page.evaluate("!!(navigator.serviceWorker && navigator.serviceWorker.controller)")
                      .asBoolean());
      setFile(browser, "#trust-file", genesisFile);
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  page.evaluate("document.getElementById('trust-age').dataset.network || ''")
                      .asText()
                      .equals(genesis.name()));
    } finally {
      node.close();
    }

    // The node is gone and the network off: the page must come from the device.
    ObjectNode offline = JSON.createObjectNode();
    offline.put("offline", true);
    offline.put("latency", 0);
    offline.put("downloadThroughput", -1);
    offline.put("uploadThroughput", -1);
    HeadlessChromium page = browser;
    try {
      browser.call("Network.enable", JSON.createObjectNode());
      browser.call("Network.emulateNetworkConditions", offline);
      browser.call("Page.reload", JSON.createObjectNode());
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  page.evaluate(
                          "document.readyState === 'complete' && !!window.tangleVerifier"
                              + " && (document.getElementById('trust-age').dataset.network || '')"
                              + " === '"
                              + genesis.name()
                              + "'")
                      .asBoolean());
      assertThat(browser.evaluate("navigator.onLine").asBoolean()).isFalse();

      setFile(browser, "#receipt-file", detached);
      JsonNode notHeld = awaitVerdict(browser);
      assertThat(notHeld.path("reason").asText())
          .as(notHeld.toString())
          .isEqualTo("MILESTONE_NOT_HELD");
      browser.evaluate("document.getElementById('verdict').dataset.state = 'none'");

      setFile(browser, "#receipt-file", label);
      JsonNode shown = awaitVerdict(browser);
      assertThat(shown.path("state").asText()).as(shown.toString()).isEqualTo("verified");
      assertThat(shown.path("text").asText())
          .contains("VERIFIED", "shipment-4711", "delivery note", id, "milestone");
      // Left in target/ (docs/field-verifier-*.png are copies of a run's screenshots).
      browser.screenshot(Path.of("target", "field-verifier-verified.png"));

      // The receipt without its milestone: the page holds the milestone of the one it verified.
      browser.evaluate("document.getElementById('verdict').dataset.state = 'none'");
      setFile(browser, "#receipt-file", detached);
      JsonNode held = awaitVerdict(browser);
      assertThat(held.path("state").asText()).as(held.toString()).isEqualTo("verified");
      assertThat(held.path("text").asText()).contains(id);

      byte[] changed = Files.readAllBytes(compact);
      changed[changed.length - 70] ^= 0x01;
      Path tampered = field.resolve("tampered.trc");
      Files.write(tampered, changed);
      browser.evaluate("document.getElementById('verdict').dataset.state = 'none'");
      setFile(browser, "#receipt-file", tampered);
      JsonNode refused = awaitVerdict(browser);
      assertThat(refused.path("state").asText()).as(refused.toString()).isEqualTo("refused");
      assertThat(refused.path("reason").asText()).isEqualTo("MILESTONE_INVALID");
      browser.screenshot(Path.of("target", "field-verifier-refused.png"));

      // Every one-byte change of the worked example, verified by the page's own code.
      byte[] example =
          CompactReceipt.encode(
              ReceiptFixture.receipt(ReceiptFixture.history(), ReceiptFixture.EXAMPLE_LEAF));
      String genesisText = new String(ReceiptFixture.genesisFile(), StandardCharsets.UTF_8);
      JsonNode flips =
          browser.evaluate(
              "(() => { const v = window.tangleVerifier;"
                  + " const g = v.readGenesis(new TextEncoder().encode("
                  + JSON.writeValueAsString(genesisText)
                  + ")); const hex = '"
                  + HexFormat.of().formatHex(example)
                  + "';"
                  + " const b = new Uint8Array(hex.match(/../g).map(h => parseInt(h, 16)));"
                  + " const reasons = {}; let verified = 0, unreasoned = 0;"
                  + " if (!v.verifyCompact(b, g).verified) return { original: false };"
                  + " for (const mask of [1, 128, 255]) for (let i = 0; i < b.length; i++) {"
                  + "   const c = b.slice(); c[i] ^= mask; const r = v.verifyCompact(c, g);"
                  + "   if (r.verified) verified++; else if (!r.reason || !r.message) unreasoned++;"
                  + "   else reasons[r.reason] = (reasons[r.reason] || 0) + 1; }"
                  + " return { original: true, verified, unreasoned, reasons }; })()");
      assertThat(flips.path("original").asBoolean()).as(flips.toString()).isTrue();
      assertThat(flips.path("verified").asInt()).as(flips.toString()).isZero();
      assertThat(flips.path("unreasoned").asInt()).as(flips.toString()).isZero();
      int total = 0;
      for (JsonNode count : flips.path("reasons")) {
        total += count.asInt();
      }
      assertThat(total).as(flips.toString()).isEqualTo(3 * example.length);

      // The document check: the delivery note matches the verified anchor, a changed one not.
      browser.evaluate("document.getElementById('verdict').dataset.state = 'none'");
      setFile(browser, "#receipt-file", label);
      assertThat(awaitVerdict(browser).path("state").asText()).isEqualTo("verified");
      setFile(browser, "#document-file", document);
      assertThat(awaitDocument(browser)).isEqualTo("matches");
      Path changedNote = field.resolve("delivery-note-changed.txt");
      Files.writeString(
          changedNote, "Delivery note 4711: 41 boxes of water purification tablets\n");
      browser.evaluate("document.getElementById('document-verdict').dataset.state = 'none'");
      setFile(browser, "#document-file", changedNote);
      assertThat(awaitDocument(browser)).isEqualTo("FILE_MISMATCH");

      // The downloaded file, opened from a file:// URL, network still off: it verifies too.
      ObjectNode navigate = JSON.createObjectNode();
      navigate.put("url", saved.toUri().toString());
      browser.call("Page.navigate", navigate);
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  page.evaluate(
                          "location.protocol === 'file:' && document.readyState === 'complete'"
                              + " && !!window.tangleVerifier")
                      .asBoolean());
      assertThat(browser.evaluate("document.getElementById('download').hidden").asBoolean())
          .isTrue();
      setFile(browser, "#trust-file", genesisFile);
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  page.evaluate("document.getElementById('trust-age').dataset.network || ''")
                      .asText()
                      .equals(genesis.name()));
      setFile(browser, "#receipt-file", label);
      JsonNode fromFile = awaitVerdict(browser);
      assertThat(fromFile.path("state").asText()).as(fromFile.toString()).isEqualTo("verified");
      assertThat(fromFile.path("text").asText()).contains(id);
    } finally {
      browser.close();
    }
  }

  private static String awaitDocument(HeadlessChromium browser) {
    String state = "document.getElementById('document-verdict').dataset.state";
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !browser.evaluate(state).asText().equals("none"));
    return browser.evaluate(state).asText();
  }

  static JsonNode awaitVerdict(HeadlessChromium browser) {
    String state =
        "(() => { const v = document.getElementById('verdict');"
            + " return { state: v.dataset.state, reason: v.dataset.reason || '',"
            + " text: v.innerText }; })()";
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !browser.evaluate(state).path("state").asText().equals("none"));
    return browser.evaluate(state);
  }

  /** Chooses {@code file} in the file input {@code selector}, as a person picking it would. */
  static void setFile(HeadlessChromium browser, String selector, Path file) {
    JsonNode root = browser.call("DOM.getDocument", JSON.createObjectNode());
    ObjectNode query = JSON.createObjectNode();
    query.put("nodeId", root.path("root").path("nodeId").asInt());
    query.put("selector", selector);
    int nodeId = browser.call("DOM.querySelector", query).path("nodeId").asInt();
    ObjectNode files = JSON.createObjectNode();
    files.putArray("files").add(file.toAbsolutePath().toString());
    files.put("nodeId", nodeId);
    browser.call("DOM.setFileInputFiles", files);
  }
}
