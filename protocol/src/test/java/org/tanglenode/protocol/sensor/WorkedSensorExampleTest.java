package org.tanglenode.protocol.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.sensor.SensorFixture.Anchored;

/**
 * The worked example of docs/sensors.md, byte for byte, and the page itself: every value the page
 * states is checked here, and the reading receipt file and compact form on the page must be exactly
 * those the code makes. If this fails, the format changed, which breaks every independent verifier:
 * fix the code, not the page.
 */
class WorkedSensorExampleTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final Path PAGE = Path.of("..", "docs", "sensors.md");

  static final String NETWORK_ID =
      "5a767fd2398a1f2b6fe9bf72836e224ce402b9500bb0deb11cc65db007b6dd8c";
  static final String GATEWAY_KEY =
      "ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1";
  static final String DEVICE_KEY =
      "ca93ac1705187071d67b83c7ff0efe8108e8ec4530575d7726879333dbdabe7c";
  static final List<String> READINGS =
      List.of(
          "{\"type\":\"sensor-reading\",\"v\":1,\"device\":\"logger-17\",\"time\":1767225601000,"
              + "\"value\":\"4.25\",\"unit\":\"Cel\"}",
          "{\"type\":\"sensor-reading\",\"v\":1,\"device\":\"logger-17\",\"time\":1767225602000,"
              + "\"value\":\"8.75\",\"unit\":\"Cel\",\"key\":\""
              + DEVICE_KEY
              + "\",\"sig\":\"f82230e98a89820ae2ff77cca13e3de04b0e922fa5801a10f2f31307afd0688c"
              + "aa41e64d50ed68aa8d70b5837d5947d2c152b46b67e36c94f5a12aceea129d0d\"}",
          "{\"type\":\"sensor-reading\",\"v\":1,\"device\":\"logger-18\",\"time\":1767225603000,"
              + "\"value\":\"5.5\",\"unit\":\"Cel\"}");
  static final String SIGNING =
      "{\"type\":\"sensor-reading\",\"v\":1,\"device\":\"logger-17\",\"time\":1767225602000,"
          + "\"value\":\"8.75\",\"unit\":\"Cel\",\"key\":\""
          + DEVICE_KEY
          + "\"}";
  static final List<String> LEAVES =
      List.of(
          "716e95a8e7ddeb987bf2900eedf95240874456724442c201bb8d978e70de4592",
          "08ca6aa07aaceb8348659f29594d7c7a327f1082ce7d2e6272f881a4404d8d5f",
          "5a2a4c653b589aae4290efeebf679b83fbadceec1a78e67c82c25a13c7e76479");
  static final String NODE01 = "f4eb1ca53d0502c65e82d86bd23ba36e8c7d48e77d47079e193191d6f0d37d0c";
  static final String ROOT = "510996194ae65af23fd86c5c0d55b9d00066f91361f57319e10ba83b516d1abe";
  static final String RECORD =
      "{\"type\":\"sensor-batch\",\"v\":1,\"gateway\":\"gw-east-1\",\"root\":\""
          + ROOT
          + "\",\"count\":3,\"first\":1767225601000,\"last\":1767225603000}";
  static final String BATCH_TX = "63ae57d0b3bd9e6e2f3399d2bab3def9ef2d9398f515914cb849b50deb60bebb";
  static final String MILESTONE =
      "c7d93c1e631475131713a9d5dfe01bee72868bb371f97d282d95467dbb8c5f2a";

  @Test
  void theExampleHasTheDocumentedReadingsTreeRecordAndTransactions() {
    Anchored example = SensorFixture.example();
    ReadingBatch batch = example.batches().get(0);
    assertThat(SensorFixture.network().id().toHex()).isEqualTo(NETWORK_ID);
    assertThat(SensorFixture.gateway().publicKey().toHex()).isEqualTo(GATEWAY_KEY);
    assertThat(SensorFixture.registeredDevice().publicKey().toHex()).isEqualTo(DEVICE_KEY);
    for (int i = 0; i < 3; i++) {
      SensorReading reading = batch.readings().get(i);
      assertThat(new String(reading.encode(), StandardCharsets.US_ASCII))
          .isEqualTo(READINGS.get(i));
      assertThat(HEX.formatHex(reading.leafHash())).isEqualTo(LEAVES.get(i));
    }
    assertThat(new String(batch.readings().get(1).signingBytes(), StandardCharsets.US_ASCII))
        .isEqualTo(SIGNING);
    MerkleHasher hasher = MerkleHasher.blake2b256();
    byte[] node01 = hasher.nodeHash(HEX.parseHex(LEAVES.get(0)), HEX.parseHex(LEAVES.get(1)));
    assertThat(HEX.formatHex(node01)).isEqualTo(NODE01);
    assertThat(HEX.formatHex(hasher.nodeHash(node01, HEX.parseHex(LEAVES.get(2))))).isEqualTo(ROOT);
    assertThat(HEX.formatHex(batch.tree().root())).isEqualTo(ROOT);
    assertThat(new String(Records.encode(batch.record()), StandardCharsets.UTF_8))
        .isEqualTo(RECORD);
    assertThat(RECORD).hasSize(178);
    Transaction tx = example.confirmed().get(0);
    assertThat(tx.id()).hasToString(BATCH_TX);
    assertThat(tx.nonce()).isEqualTo(107);
    assertThat(tx.bytes()).hasSize(367);
    assertThat(tx.tag().orElseThrow()).hasToString("sensors:gw-east-1");
    assertThat(example.milestone().id()).hasToString(MILESTONE);
    assertThat(example.milestone().nonce()).isEqualTo(277);
    assertThat(example.confirmed()).hasSize(1);
  }

  @Test
  void theExampleReceiptVerifiesAndSaysWhoSignedTheReading() {
    ReadingReceipt receipt = SensorFixture.exampleReceipt();
    assertThat(receipt.path())
        .extracting(HEX::formatHex)
        .containsExactly(LEAVES.get(0), LEAVES.get(2));
    ReadingReceiptVerdict verdict =
        new ReadingReceiptVerifier(SensorFixture.trust())
            .verify(ReadingReceiptFile.encode(receipt));
    assertThat(verdict).isInstanceOf(ReadingReceiptVerdict.Verified.class);
    var verified = (ReadingReceiptVerdict.Verified) verdict;
    assertThat(verified.device().organisation()).contains("ColdTrack Logistics");
    assertThat(verified.gatewayOrganisation()).contains("Cold Store East");
    assertThat(verified.milestoneIndex()).isEqualTo(1);
  }

  @Test
  void thePageShowsTheFileTheCompactFormAndEveryValueThisTestChecks() throws IOException {
    String page = Files.readString(PAGE);
    ReadingReceipt receipt = SensorFixture.exampleReceipt();
    byte[] file = ReadingReceiptFile.encode(receipt);
    byte[] compact = CompactReadingReceipt.encode(receipt);
    String hex = HEX.formatHex(compact);
    StringBuilder wrapped = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 64) {
      wrapped.append(hex, i, Math.min(hex.length(), i + 64)).append('\n');
    }

    assertThat(page).contains("```json\n" + new String(file, StandardCharsets.UTF_8) + "```\n");
    assertThat(page)
        .contains("The file, exactly (" + String.format("%,d", file.length) + " bytes)");
    assertThat(page).contains("```\n" + wrapped + "```\n");
    assertThat(page)
        .contains(
            "compact form ("
                + String.format("%,d", compact.length)
                + " bytes; "
                + CompactReadingReceipt.encodeWithoutMilestone(receipt).length
                + " without the milestone)");
    for (String value : READINGS) {
      assertThat(page).contains("\n" + value + "\n");
    }
    assertThat(page).contains("\n" + SIGNING + "\n").contains("\n" + RECORD + "\n");
    for (String value :
        List.of(NETWORK_ID, GATEWAY_KEY, DEVICE_KEY, NODE01, ROOT, BATCH_TX, MILESTONE)) {
      assertThat(page).contains(value);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(page).contains("leaf " + i + " = H(00 || reading " + i + ") = " + LEAVES.get(i));
    }
    assertThat(page).contains("nonce 107, 367 bytes").contains("nonce 277");
  }

  @Test
  void recordsMdAndTheSchemaShowTheExampleBatchRecord() throws IOException {
    assertThat(Files.readString(Path.of("..", "docs", "records.md")))
        .contains("Example (" + RECORD.length() + " bytes: the batch of the worked example")
        .contains("\n" + RECORD + "\n");
    var schema =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(Path.of("..", "docs", "schemas", "sensor-batch.schema.json").toFile());
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(schema.path("examples").get(0)))
        .isEqualTo(RECORD);
  }
}
