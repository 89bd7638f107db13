package org.tanglenode.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tanglenode.node.TestNodes.WRITE_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.node.Http;
import org.tanglenode.node.Node;
import org.tanglenode.node.TestNodes;
import org.tanglenode.node.cli.CliRunner;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.genesis.Genesis;

/**
 * The offline web verifier after a committee change, in headless Chromium with a phone's viewport:
 * a live devnet coordinator hands the committee over to key 201 ({@code tangle trust update}, as in
 * TrustCommandsTest) and confirms an anchor after the change. The page takes the trust file by URL
 * from the node's {@code /api/v1/trust}; then the node is shut down and the network switched off,
 * the page reloads from its service worker's cache with the trust file still kept, and the anchor's
 * QR code verifies, its issuer named as the update names it. With the genesis alone the same
 * receipt is refused (BELOW_THRESHOLD), and a trust file with a broken link is refused with its
 * code while the material kept stays. Leaves node/target/field-verifier-trust.png.
 */
class FieldVerifierTrustBrowserIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MARGIN = 8;

  @TempDir Path dir;

  @Test
  void aReceiptConfirmedAfterACommitteeChangeVerifiesOfflineWithTheTrustFileLoadedByUrl()
      throws Exception {
    HeadlessChromium.requireBinary();
    Path nodeDir = Files.createDirectories(dir.resolve("node"));
    Path field = Files.createDirectories(dir.resolve("field"));
    Genesis genesis = TestNetwork.genesis(0).withMilestoneIntervalMs(300);
    TestNodes nodes = new TestNodes(nodeDir, genesis);
    Ed25519PrivateKey next = TestNetwork.key(201);
    Path g1 = key(nodeDir, "g1.key", TestNetwork.committeeKeys().get(0));
    Path g2 = key(nodeDir, "g2.key", TestNetwork.committeeKeys().get(1));
    key(nodeDir, "g3.key", TestNetwork.committeeKeys().get(2));
    key(nodeDir, "n1.key", next);
    Path issuer = key(dir, "ngo.key", TestNetwork.key(42));
    Path document = field.resolve("delivery-note.txt");
    Files.writeString(document, "Delivery note 4712: 12 cold boxes of vaccines\n");
    Path genesisFile = field.resolve("genesis.json");
    Path label = field.resolve("label.png");
    String coordinator =
        "coordinator:\n  enabled: true\n"
            + "  committeeKeyFiles: [../g1.key, ../g2.key, ../g3.key, ../n1.key]\n";

    Node node = nodes.start("coordinator", List.of(), coordinator);
    Files.copy(nodeDir.resolve("genesis.json"), genesisFile);
    HeadlessChromium browser = null;
    String id;
    int effective;
    try {
      Http http = new Http(node.apiAddress().orElseThrow());
      String api = http.base().toString().replaceAll("/$", "");
      await().atMost(Duration.ofSeconds(20)).until(() -> confirmed(http) >= 1);
      effective = confirmed(http) + MARGIN;
      CliRunner.Result update =
          CliRunner.run(
              "trust",
              "update",
              "--api",
              api,
              "--token",
              WRITE_TOKEN,
              "--key",
              g1.toString(),
              "--cosign",
              g2.toString(),
              "--effective",
              Integer.toString(effective),
              "--committee-key",
              next.publicKey().toHex(),
              "--threshold",
              "1",
              "--issuer",
              TestNetwork.key(42).publicKey().toHex() + "=Depot North");
      assertThat(update.exitCode()).as(update.err()).isZero();
      await().atMost(Duration.ofSeconds(40)).until(() -> confirmed(http) >= effective + 1);

      CliRunner.Result anchored =
          CliRunner.run(
              "anchor",
              document.toString(),
              "--key",
              issuer.toString(),
              "--tag",
              "shipment-4712",
              "--note",
              "delivery note",
              "--api",
              api,
              "--token",
              WRITE_TOKEN,
              "--wait",
              "20");
      assertThat(anchored.exitCode()).as(anchored.err()).isZero();
      id = field(anchored.out(), "id:");
      CliRunner.Result drawn =
          CliRunner.run(
              "receipt",
              id,
              "--api",
              api,
              "--compact",
              "--out",
              field.resolve("receipt.trc").toString(),
              "--qr",
              label.toString(),
              "--qr-pixels",
              "4");
      assertThat(drawn.exitCode()).as(drawn.err()).isZero();
      int confirmedBy =
          http.get("/api/v1/transactions/" + id + "/metadata")
              .json()
              .path("referencedByMilestone")
              .asInt(-1);
      assertThat(confirmedBy)
          .as("confirmed under the new committee")
          .isGreaterThanOrEqualTo(effective);

      browser = HeadlessChromium.open(URI.create(api + "/verify"), dir);
      phone(browser);
      HeadlessChromium page = browser;
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  page.evaluate("!!(navigator.serviceWorker && navigator.serviceWorker.controller)")
                      .asBoolean());
      // The URL field holds this node's /api/v1/trust; the person only presses the button.
      assertThat(browser.evaluate("document.getElementById('trust-url').value").asText())
          .isEqualTo(api + "/api/v1/trust");
      browser.evaluate("document.getElementById('trust-url-form').requestSubmit()");
      awaitTrust(browser, "trust", 1);
      assertThat(trustText(browser))
          .contains(genesis.name(), "Committee updates", "milestone " + effective, "today");
      browser.screenshot(Path.of("target", "field-verifier-trust.png"));

      // The same trust file from a QR code of its link (tangle trust export --qr): the page
      // fetches the URL and keeps the file only because its hash is the one the code names.
      Path trustQr = field.resolve("trust-link.png");
      CliRunner.Result exported =
          CliRunner.run(
              "trust",
              "export",
              "--api",
              api,
              "--out",
              field.resolve("trust.json").toString(),
              "--qr",
              trustQr.toString(),
              "--qr-pixels",
              "4");
      assertThat(exported.exitCode()).as(exported.err()).isZero();
      assertThat(field(exported.out(), "qr:")).contains(api + "/api/v1/trust#blake2b256=");
      FieldVerifierBrowserIT.setFile(browser, "#trust-file", genesisFile);
      awaitTrust(browser, "genesis", 0);
      FieldVerifierBrowserIT.setFile(browser, "#trust-qr-file", trustQr);
      awaitTrust(browser, "trust", 1);
    } finally {
      node.close();
    }

    try {
      offline(browser);
      browser.call("Page.reload", JSON.createObjectNode());
      HeadlessChromium page = browser;
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  page.evaluate("document.readyState === 'complete' && !!window.tangleVerifier")
                      .asBoolean());
      assertThat(browser.evaluate("navigator.onLine").asBoolean()).isFalse();
      // The trust file survived the reload: it is read back from the device and verified again.
      awaitTrust(browser, "trust", 1);

      FieldVerifierBrowserIT.setFile(browser, "#receipt-file", label);
      JsonNode verified = FieldVerifierBrowserIT.awaitVerdict(browser);
      assertThat(verified.path("state").asText()).as(verified.toString()).isEqualTo("verified");
      assertThat(verified.path("text").asText()).contains("VERIFIED", id, "Depot North");

      // The kept trust file with one space added is refused by its code; the kept one stays.
      Path broken = field.resolve("broken-trust.json");
      Files.writeString(
          broken, exportedTrust(browser).replace("\"updates\": [", "\"updates\":  ["));
      FieldVerifierBrowserIT.setFile(browser, "#trust-file", broken);
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  page.evaluate("document.getElementById('trust-age').dataset.refused || ''")
                      .asText()
                      .equals("NON_CANONICAL"));
      awaitTrust(browser, "trust", 1);

      // The genesis alone: the same receipt is refused, the committee that signed it unknown.
      FieldVerifierBrowserIT.setFile(browser, "#trust-file", genesisFile);
      awaitTrust(browser, "genesis", 0);
      browser.evaluate("document.getElementById('verdict').dataset.state = 'none'");
      FieldVerifierBrowserIT.setFile(browser, "#receipt-file", label);
      JsonNode refused = FieldVerifierBrowserIT.awaitVerdict(browser);
      assertThat(refused.path("state").asText()).as(refused.toString()).isEqualTo("refused");
      assertThat(refused.path("reason").asText()).isEqualTo("BELOW_THRESHOLD");
    } finally {
      browser.close();
    }
  }

  /** The kept trust file's text, as the page stored it. */
  private static String exportedTrust(HeadlessChromium browser) {
    return browser
        .evaluate("atob(JSON.parse(localStorage.getItem('tangle-verifier-trust')).bytes)")
        .asText();
  }

  private static void awaitTrust(HeadlessChromium browser, String kind, int updates) {
    String state =
        "(() => { const d = document.getElementById('trust-age').dataset;"
            + " return (d.kind || '') + ' ' + (d.updates || ''); })()";
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> browser.evaluate(state).asText().equals(kind + " " + updates));
  }

  private static String trustText(HeadlessChromium browser) {
    return browser.evaluate("document.getElementById('trust').innerText").asText();
  }

  static void phone(HeadlessChromium browser) {
    ObjectNode phone = JSON.createObjectNode();
    phone.put("width", 390);
    phone.put("height", 844);
    phone.put("deviceScaleFactor", 2);
    phone.put("mobile", true);
    browser.call("Emulation.setDeviceMetricsOverride", phone);
  }

  static void offline(HeadlessChromium browser) {
    ObjectNode offline = JSON.createObjectNode();
    offline.put("offline", true);
    offline.put("latency", 0);
    offline.put("downloadThroughput", -1);
    offline.put("uploadThroughput", -1);
    browser.call("Network.enable", JSON.createObjectNode());
    browser.call("Network.emulateNetworkConditions", offline);
  }

  private static int confirmed(Http api) {
    return api.get("/api/v1/info").json().path("milestones").path("confirmed").asInt();
  }

  private static String field(String out, String name) {
    return out.lines()
        .filter(l -> l.startsWith(name))
        .findFirst()
        .orElseThrow()
        .substring(name.length())
        .trim();
  }

  private static Path key(Path dir, String name, Ed25519PrivateKey key) {
    Path file = dir.resolve(name);
    KeyFile.write(file, key);
    return file;
  }
}
