package org.tanglenode.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tanglenode.node.devnet.FieldVerifierBrowserIT.awaitVerdict;
import static org.tanglenode.node.devnet.FieldVerifierBrowserIT.setFile;

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
import org.tanglenode.node.Node;
import org.tanglenode.node.TestNodes;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.sensor.CompactReadingReceipt;
import org.tanglenode.protocol.sensor.ReadingReceipt;
import org.tanglenode.protocol.sensor.ReadingReceiptFile;
import org.tanglenode.protocol.sensor.SensorFixture;
import org.tanglenode.protocol.sensor.SensorReading;

/**
 * The offline web verifier (served at {@code /verify}) in headless Chromium with a phone's viewport
 * reads reading receipts (docs/sensors.md section 10): with the genesis of the worked example
 * loaded, its compact form (the bytes a QR code of a shipment label holds) shows the reading, the
 * device's organisation, the gateway and the milestone; an unsigned reading says so; the file form
 * with the value changed is refused with READING_PATH_MISMATCH. The node only serves the page; the
 * receipts are of the worked example's network, not the node's.
 */
class FieldVerifierReadingBrowserIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void thePhoneShowsAVerifiedReadingAndRefusesATamperedOne() throws Exception {
    HeadlessChromium.requireBinary();
    Path field = Files.createDirectories(dir.resolve("field"));
    Path genesisFile = field.resolve("genesis.json");
    Files.write(genesisFile, SensorFixture.genesisFile());
    ReadingReceipt example = SensorFixture.exampleReceipt();
    Path compact = field.resolve("reading.trr");
    Files.write(compact, CompactReadingReceipt.encode(example));
    Path unsigned = field.resolve("unsigned.trr");
    Files.write(unsigned, CompactReadingReceipt.encode(SensorFixture.example().receipt(0, 0)));
    SensorReading reading = example.reading();
    SensorReading warmer =
        new SensorReading(
            reading.deviceId(), reading.timeMs(), "8.25", reading.unit(), reading.signature());
    Path tampered = field.resolve("tampered-reading-receipt.json");
    Files.write(
        tampered,
        ReadingReceiptFile.encode(
            new ReadingReceipt(
                warmer,
                example.leafIndex(),
                example.batchSize(),
                example.path(),
                example.anchor())));

    TestNodes nodes =
        new TestNodes(Files.createDirectories(dir.resolve("node")), TestNetwork.genesis(4));
    try (Node node = nodes.start("coordinator", List.of(), nodes.coordinatorYaml());
        HeadlessChromium browser =
            HeadlessChromium.open(
                URI.create(
                    "http://127.0.0.1:" + node.apiAddress().orElseThrow().getPort() + "/verify"),
                dir)) {
      ObjectNode phone = JSON.createObjectNode();
      phone.put("width", 390);
      phone.put("height", 844);
      phone.put("deviceScaleFactor", 2);
      phone.put("mobile", true);
      browser.call("Emulation.setDeviceMetricsOverride", phone);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  browser
                      .evaluate("document.readyState === 'complete' && !!window.tangleVerifier")
                      .asBoolean());
      setFile(browser, "#trust-file", genesisFile);
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  browser
                      .evaluate("document.getElementById('trust-age').dataset.network || ''")
                      .asText()
                      .equals("example-sensors"));

      setFile(browser, "#receipt-file", compact);
      JsonNode shown = awaitVerdict(browser);
      assertThat(shown.path("state").asText()).as(shown.toString()).isEqualTo("verified");
      assertThat(shown.path("text").asText())
          .contains(
              "VERIFIED",
              "8.75 Cel",
              "logger-17",
              "2026-01-01T00:00:02.000Z (device's clock)",
              "ColdTrack Logistics",
              "gw-east-1, Cold Store East",
              "reading 1 of 3",
              "milestone 1, 2026-01-01T00:10:00.000Z");
      browser.screenshot(Path.of("target", "field-verifier-reading.png"));

      browser.evaluate("document.getElementById('verdict').dataset.state = 'none'");
      setFile(browser, "#receipt-file", unsigned);
      JsonNode plain = awaitVerdict(browser);
      assertThat(plain.path("state").asText()).as(plain.toString()).isEqualTo("verified");
      assertThat(plain.path("text").asText()).contains("4.25 Cel", "unsigned");

      browser.evaluate("document.getElementById('verdict').dataset.state = 'none'");
      setFile(browser, "#receipt-file", tampered);
      JsonNode refused = awaitVerdict(browser);
      assertThat(refused.path("state").asText()).as(refused.toString()).isEqualTo("refused");
      assertThat(refused.path("reason").asText()).isEqualTo("READING_PATH_MISMATCH");
    }
  }
}
