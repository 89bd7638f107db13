package org.tanglenode.node.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.node.Http;
import org.tanglenode.node.Node;
import org.tanglenode.node.TestNodes;
import org.tanglenode.node.cli.CliRunner;
import org.tanglenode.node.issuing.TransactionIssuer;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.protocol.receipt.Receipt;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.record.SensorBatchRecord;
import org.tanglenode.protocol.sensor.ReadingReceipt;
import org.tanglenode.protocol.sensor.ReadingReceiptFile;
import org.tanglenode.protocol.sensor.ReadingReceiptVerdict;
import org.tanglenode.protocol.sensor.ReadingReceiptVerifier;
import org.tanglenode.protocol.sensor.SensorReading;
import org.tanglenode.protocol.trust.GenesisTrust;

/**
 * A real Mosquitto, a coordinator node and a gateway in this JVM: 10,000 simulated sensors publish
 * one reading each at QoS 1 and a few signed readings come over HTTP; every reading is anchored,
 * and every reading's receipt from the gateway verifies offline with only the genesis. A tampered
 * reading, a reading moved to another batch and a batch root not on the ledger are each refused
 * with their reason. Bad HTTP input is refused with a typed 400 while good input is served.
 */
class GatewayEndToEndTest {

  private static final int SENSORS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void tenThousandSensorsReadingsAreAllAnchoredAndEveryReceiptVerifiesOffline() throws Exception {
    TestNodes nodes =
        new TestNodes(
            java.nio.file.Files.createDirectories(dir.resolve("net")),
            TestNetwork.genesis(4).withMilestoneIntervalMs(300));
    Network network = nodes.network();
    ReadingReceiptVerifier verifier = new ReadingReceiptVerifier(new GenesisTrust(network));
    List<SensorReading> acked = new ArrayList<>();
    List<byte[]> receipts = new ArrayList<>();
    Path cliReceipt = dir.resolve("reading-receipt.json");
    Path genesisFile = dir.resolve("net").resolve("genesis.json");
    try (Mosquitto broker = Mosquitto.start(dir.resolve("mqtt"));
        Node coordinator = nodes.start("coordinator", List.of(), nodes.coordinatorYaml())) {
      URI nodeUrl =
          URI.create("http://127.0.0.1:" + coordinator.apiAddress().orElseThrow().getPort() + "/");
      GatewayConfig config =
          GatewayFixture.config(
              GatewayFixture.write(
                  dir.resolve("gateway"),
                  nodeUrl,
                  broker.url(),
                  "1s",
                  4096,
                  String.join(
                      "\n",
                      "coldChain:",
                      "  rules:",
                      "    - {trail: shipment-e2e, devices: [cold-logger-1], min: 2, max: 8, unit: Cel}",
                      "")));
      try (Gateway gateway =
          new Gateway(config, GatewayFixture.KEY, Clock.systemUTC(), new SimpleMeterRegistry())) {
        gateway.start();
        Http http = new Http(gateway.httpAddress());

        // Over HTTP: signed readings in one request; bad input refused whole, typed.
        List<SensorReading> signed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          signed.add(
              SensorReading.unsigned("http-logger-" + i, System.currentTimeMillis(), "4.5", "Cel")
                  .signedBy(SensorSimulator.deviceKey("http-logger-" + i)));
        }
        Http.Answer posted = http.post("/readings", array(signed), null);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(202);
        assertThat(posted.json().path("stored").asInt()).isEqualTo(20);
        assertThat(posted.json().path("ids")).hasSize(20);
        Http.Answer again = http.post("/readings", array(signed.subList(0, 2)), null);
        assertThat(again.json().path("duplicates").asInt()).isEqualTo(2);
        assertRefused(http.post("/readings", "not json", null), "NOT_JSON");
        assertRefused(http.post("/readings", "[]", null), "NO_READINGS");
        String nonCanonical =
            "{\"type\":\"sensor-reading\",\"v\":1,\"device\":\"x\",\"time\":1,\"value\":\"4.50\",\"unit\":\"Cel\"}";
        Http.Answer bad =
            http.post(
                "/readings",
                "["
                    + new String(signed.get(0).encode(), StandardCharsets.US_ASCII)
                    + ","
                    + nonCanonical
                    + "]",
                null);
        assertRefused(bad, "MALFORMED_READING", "NOT_CANONICAL");
        assertThat(bad.json().path("index").asInt()).isEqualTo(1);
        long now = System.currentTimeMillis();
        Http.Answer reordered =
            http.post(
                "/readings",
                "{\"unit\": \"Cel\", \"value\": \"5.25\", \"time\": "
                    + now
                    + ", \"device\": \"http-reordered\", \"v\": 1, \"type\": \"sensor-reading\"}",
                null);
        assertThat(reordered.status()).as(reordered.toString()).isEqualTo(202);
        SensorReading canonical = SensorReading.unsigned("http-reordered", now, "5.25", "Cel");
        assertThat(reordered.json().path("ids").get(0).asText())
            .as("members in any order: the id is the canonical form's leaf hash")
            .isEqualTo(HexFormat.of().formatHex(canonical.leafHash()));
        signed.add(canonical);
        ObjectNode forged = (ObjectNode) JSON.readTree(signed.get(3).encode());
        forged.put("value", "4.6");
        assertRefused(http.post("/readings", forged.toString(), null), "DEVICE_SIGNATURE_INVALID");
        assertThat(
                http.get("/readings/" + HexFormat.of().formatHex(new byte[32]) + "/receipt")
                    .json()
                    .path("error")
                    .asText())
            .isEqualTo("UNKNOWN_READING");

        // Cold chain: a logger of shipment-e2e reads 5, 11.5, 12, 5 Cel a minute apart; the
        // excursion becomes a trail event on the shipment's trail, with the readings' ids.
        List<SensorReading> cold = new ArrayList<>();
        String[] values = {"5", "11.5", "12", "5"};
        for (int i = 0; i < values.length; i++) {
          cold.add(SensorReading.unsigned("cold-logger-1", now + 60_000L * i, values[i], "Cel"));
          Http.Answer one =
              http.post(
                  "/readings", new String(cold.get(i).encode(), StandardCharsets.US_ASCII), null);
          assertThat(one.status()).as(one.toString()).isEqualTo(202);
        }
        signed.addAll(cold);
        Http nodeApi = new Http(coordinator.apiAddress().orElseThrow());
        await()
            .atMost(Duration.ofMinutes(1))
            .untilAsserted(
                () -> {
                  JsonNode trail = nodeApi.get("/api/v1/trails/shipment-e2e").json();
                  assertThat(trail.path("entries")).as(trail.toString()).hasSize(1);
                  JsonNode event = trail.path("entries").get(0).path("record");
                  assertThat(event.path("event").asText()).isEqualTo("temperature-excursion");
                  assertThat(event.toString())
                      .contains(HexFormat.of().formatHex(cold.get(2).leafHash()))
                      .contains("cold-logger-1");
                });

        // Over MQTT: 10,000 sensors, one reading each, QoS 1.
        ConcurrentLinkedQueue<SensorReading> published = new ConcurrentLinkedQueue<>();
        SensorSimulator simulator =
            new SensorSimulator(
                broker.url(),
                "test-simulator",
                new SensorSimulator.Plan(
                    SENSORS,
                    Duration.ZERO,
                    Optional.empty(),
                    1,
                    0,
                    false,
                    "logger-",
                    "tangle/readings"),
                Clock.systemUTC(),
                42,
                published::add);
        assertThat(simulator.run()).isEqualTo(SENSORS);
        acked.addAll(published);
        acked.addAll(signed);
        int total = SENSORS + signed.size();
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(gateway.confirmedUpTo()).isEqualTo(total));
        // The CLI: tangle gateway receipt ID --out FILE.
        CliRunner.Result fetched =
            CliRunner.run(
                "gateway",
                "receipt",
                HexFormat.of().formatHex(signed.get(0).leafHash()),
                "--gateway",
                http.base().toString(),
                "--out",
                cliReceipt.toString(),
                "--wait",
                "30");
        assertThat(fetched.exitCode()).as(fetched.err()).isZero();
        for (SensorReading reading : acked) {
          String id = HexFormat.of().formatHex(reading.leafHash());
          Http.Answer answer = http.get("/readings/" + id + "/receipt");
          assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
          receipts.add(answer.body().getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    // The node and the gateway are gone: only the genesis (in the verifier) and the files remain.
    CliRunner.Result verified =
        CliRunner.run("verify", cliReceipt.toString(), "--genesis", genesisFile.toString());
    assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
    assertThat(verified.out()).contains("reading receipt verified");
    Map<String, Integer> batches = new HashMap<>();
    for (int i = 0; i < receipts.size(); i++) {
      ReadingReceiptVerdict verdict = verifier.verify(receipts.get(i));
      assertThat(verdict.isVerified()).as("reading %s: %s", i, verdict).isTrue();
      ReadingReceiptVerdict.Verified ok = (ReadingReceiptVerdict.Verified) verdict;
      assertThat(ok.reading()).isEqualTo(acked.get(i));
      assertThat(ok.device().status())
          .isEqualTo(
              acked.get(i).isSigned()
                  ? ok.device().status()
                  : org.tanglenode.protocol.sensor.DeviceIdentity.Status.UNSIGNED);
      batches.merge(ok.batchTransaction().id().toHex(), 1, Integer::sum);
    }
    assertThat(batches).hasSizeGreaterThanOrEqualTo(3);
    assertThat(batches.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(receipts.size());

    ReadingReceipt first = ReadingReceiptFile.parse(receipts.get(0));
    // A reading of another batch (arrival order over MQTT is not the order of the acks, so the
    // last acknowledged reading may share the first one's batch).
    ReadingReceipt last = null;
    for (int i = receipts.size() - 1; i > 0 && last == null; i--) {
      ReadingReceipt other = ReadingReceiptFile.parse(receipts.get(i));
      if (!java.util.Arrays.equals(other.anchor().transaction(), first.anchor().transaction())) {
        last = other;
      }
    }
    assertThat(last).as("a reading of another batch than the first").isNotNull();
    assertThat(first.anchor().transaction()).isNotEqualTo(last.anchor().transaction());

    // A tampered reading.
    SensorReading r = first.reading();
    ReadingReceipt tampered =
        new ReadingReceipt(
            SensorReading.unsigned(
                r.deviceId(), r.timeMs(), r.value().equals("5") ? "6" : "5", r.unit()),
            first.leafIndex(),
            first.batchSize(),
            first.path(),
            first.anchor());
    assertReason(verifier, tampered, ReadingReceiptVerdict.Reason.READING_PATH_MISMATCH);

    // A reading moved to another batch: its place and path, the other batch's anchor.
    ReadingReceipt moved =
        new ReadingReceipt(
            first.reading(), first.leafIndex(), first.batchSize(), first.path(), last.anchor());
    assertReason(
        verifier,
        moved,
        ReadingReceiptVerdict.Reason.BATCH_MISMATCH,
        ReadingReceiptVerdict.Reason.READING_PATH_MISMATCH);

    // A batch root not on the ledger: the same batch record with another root, signed by the
    // gateway's key, in place of the anchored transaction.
    Transaction anchored =
        ((ValidationResult.Valid)
                new TransactionDecoder(1 << 16).decode(first.anchor().transaction()))
            .transaction();
    SensorBatchRecord record =
        (SensorBatchRecord) Records.parse(((Payload.Data) anchored.payload()).data());
    byte[] otherRoot = record.root();
    otherRoot[0] ^= 1;
    Transaction forgedTx;
    try (PowSolver solver = new PowSolver(1)) {
      solver.start();
      forgedTx =
          // Issued at the anchored transaction's time, so that only its place on the ledger fails.
          new TransactionIssuer(
                  network,
                  Clock.fixed(
                      java.time.Instant.ofEpochMilli(anchored.timestampMs()),
                      java.time.ZoneOffset.UTC),
                  solver)
              .issue(
                  GatewayFixture.KEY,
                  anchored.parents(),
                  new Payload.Data(
                      Optional.of(record.tag()),
                      Records.encode(
                          new SensorBatchRecord(
                              record.gateway(),
                              otherRoot,
                              record.count(),
                              record.firstTimeMs(),
                              record.lastTimeMs()))));
    }
    Receipt a = first.anchor();
    Receipt notOnLedger =
        new Receipt(
            a.version(), a.network(), forgedTx.bytes(), a.milestone(), a.leafIndex(), a.path());
    assertReason(
        verifier,
        new ReadingReceipt(
            first.reading(), first.leafIndex(), first.batchSize(), first.path(), notOnLedger),
        ReadingReceiptVerdict.Reason.PATH_MISMATCH);
  }

  private static void assertReason(
      ReadingReceiptVerifier verifier,
      ReadingReceipt receipt,
      ReadingReceiptVerdict.Reason... reasons) {
    ReadingReceiptVerdict verdict = verifier.verify(ReadingReceiptFile.encode(receipt));
    assertThat(verdict).isInstanceOf(ReadingReceiptVerdict.Refused.class);
    assertThat(((ReadingReceiptVerdict.Refused) verdict).reason())
        .as("%s", verdict)
        .isIn((Object[]) reasons);
    assertThat(((ReadingReceiptVerdict.Refused) verdict).message()).isNotBlank();
  }

  private static void assertRefused(Http.Answer answer, String... codes) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.json().path("error").asText()).isIn((Object[]) codes);
  }

  private static String array(List<SensorReading> readings) {
    return readings.stream()
        .map(r -> new String(r.encode(), StandardCharsets.US_ASCII))
        .collect(Collectors.joining(",", "[", "]"));
  }
}
