package org.tanglenode.protocol.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.sign.Ed25519Signature;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.receipt.HeldMilestones;
import org.tanglenode.protocol.receipt.Receipt;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.sensor.SensorFixture.Anchored;

/**
 * The shared vectors of web-verifier/vectors/reading-receipts.json: reading receipts (compact
 * {@code TRR} bytes or the file form) with the verdict this (Java) verifier gives, which the
 * JavaScript verifier must give too (docs/sensors.md section 10, step 7). A vector names its bytes
 * ({@code compact} or {@code file}, hex), or a change of the worked example ({@code changeOf}:
 * "compact" or "file", {@code offset}, XOR {@code mask}); the milestone held (if any); the verdict
 * (VERIFIED or a reason code) and, when verified, the device line. The genesis is the file's {@code
 * genesis}. The file must be what this code computes; run with {@code -Dtangle.writeVectors=true}
 * to write it after a deliberate change.
 */
class ReadingReceiptVectorsTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final long T0 = SensorFixture.GENESIS_TIME_MS + 1_000;

  private final ReadingReceiptVerifier verifier = new ReadingReceiptVerifier(SensorFixture.trust());

  @Test
  void theSharedVectorsAreTheVerdictsOfThisVerifier() throws IOException {
    ReadingReceipt example = SensorFixture.exampleReceipt();
    byte[] compact = CompactReadingReceipt.encode(example);
    byte[] detached = CompactReadingReceipt.encodeWithoutMilestone(example);
    byte[] file = ReadingReceiptFile.encode(example);
    byte[] milestone = example.anchor().milestone();
    HeldMilestones held = index -> index == 1 ? Optional.of(milestone) : Optional.empty();

    List<Map<String, Object>> vectors = new ArrayList<>();
    vectors.add(compact("worked example (kind 1)", compact, null));
    vectors.add(compact("worked example without milestone, held", detached, milestone));
    vectors.add(compact("worked example without milestone, not held", detached, null));
    vectors.add(file("worked example, file", file));
    vectors.add(compact("unsigned reading 0", CompactReadingReceipt.encode(example(0)), null));
    vectors.add(file("unsigned reading 2, file", ReadingReceiptFile.encode(example(2))));

    SensorReading reading = example.reading();
    SensorReading warmer =
        new SensorReading(
            reading.deviceId(), reading.timeMs(), "8.25", reading.unit(), reading.signature());
    ReadingReceipt tampered =
        new ReadingReceipt(
            warmer, example.leafIndex(), example.batchSize(), example.path(), example.anchor());
    vectors.add(compact("tampered value 8.25", CompactReadingReceipt.encode(tampered), null));
    vectors.add(file("tampered value 8.25, file", ReadingReceiptFile.encode(tampered)));

    Anchored three =
        SensorFixture.anchor(
            ReadingBatch.of(SensorFixture.GATEWAY, SensorFixture.exampleReadings()),
            batch(2, T0 + 100_000),
            batch(3, T0 + 200_000));
    ReadingReceipt r = three.receipt(0, 1);
    vectors.add(
        compact(
            "moved to a batch of another size",
            CompactReadingReceipt.encode(
                new ReadingReceipt(r.reading(), 1, 3, r.path(), three.anchorReceipt(1))),
            null));
    vectors.add(
        compact(
            "moved to a batch of the same size",
            CompactReadingReceipt.encode(
                new ReadingReceipt(r.reading(), 1, 3, r.path(), three.anchorReceipt(2))),
            null));

    ReadingBatch offLedger = batch(3, T0 + 500);
    Anchored anchored = SensorFixture.anchor(batch(3, T0));
    Transaction unconfirmed =
        SensorFixture.data(
            anchored.milestone().id(),
            offLedger.tag(),
            Records.encode(offLedger.record()),
            SensorFixture.GENESIS_TIME_MS + 61_000,
            SensorFixture.gateway());
    Receipt real = anchored.anchorReceipt(0);
    Receipt forged =
        new Receipt(
            real.version(),
            real.network(),
            unconfirmed.bytes(),
            real.milestone(),
            real.leafIndex(),
            real.path());
    vectors.add(
        compact(
            "batch root not on the ledger",
            CompactReadingReceipt.encode(offLedger.receipt(1, forged)),
            null));

    SensorReading signed =
        batch(1, T0).readings().get(0).signedBy(SensorFixture.registeredDevice());
    byte[] sig = signed.signature().orElseThrow().signature().bytes();
    sig[5] ^= 0x10;
    SensorReading badSignature =
        new SensorReading(
            signed.deviceId(),
            signed.timeMs(),
            signed.value(),
            signed.unit(),
            Optional.of(
                new DeviceSignature(
                    signed.signature().orElseThrow().key(), new Ed25519Signature(sig))));
    SensorReading unknown =
        batch(1, T0 + 1_000).readings().get(0).signedBy(SensorFixture.unknownDevice());
    Anchored devices =
        SensorFixture.anchor(
            ReadingBatch.of(SensorFixture.GATEWAY, List.of(badSignature, signed, unknown)));
    vectors.add(
        compact("bad device signature", CompactReadingReceipt.encode(devices.receipt(0, 0)), null));
    vectors.add(
        compact(
            "signed by an unknown device",
            CompactReadingReceipt.encode(devices.receipt(0, 2)),
            null));

    // Every bit of every byte of the compact worked example, and the lowest and highest bit of
    // every byte of its file, changed: named by the change, so the file stays small.
    for (int i = 0; i < compact.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] changed = compact.clone();
        changed[i] ^= (byte) (1 << bit);
        vectors.add(change("compact", i, 1 << bit, verifier.verifyCompact(changed)));
      }
    }
    for (int mask : new int[] {0x01, 0x80}) {
      for (int i = 0; i < file.length; i++) {
        byte[] changed = file.clone();
        changed[i] ^= (byte) mask;
        vectors.add(change("file", i, mask, verifier.verify(changed)));
      }
    }

    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "about",
        "Reading receipts (docs/sensors.md sections 4 to 6) and the verdict of the node's Java"
            + " verifier; made by ReadingReceiptVectorsTest.");
    out.put("genesis", new String(SensorFixture.genesisFile(), StandardCharsets.UTF_8));
    out.put("compact", HEX.formatHex(compact));
    out.put("file", HEX.formatHex(file));
    out.put("vectors", vectors);
    byte[] json =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(out)
            .concat("\n")
            .getBytes(StandardCharsets.UTF_8);
    Path path =
        Path.of(System.getProperty("user.dir"))
            .resolveSibling("web-verifier")
            .resolve("vectors")
            .resolve("reading-receipts.json");
    if (Boolean.getBoolean("tangle.writeVectors")) {
      Files.write(path, json);
    }
    assertThat(new String(Files.readAllBytes(path), StandardCharsets.UTF_8))
        .isEqualTo(new String(json, StandardCharsets.UTF_8));
    assertThat(vectors).hasSize(13 + 8 * compact.length + 2 * file.length);
    assertThat(vectors.subList(0, 13))
        .extracting(v -> v.get("verdict"))
        .containsExactly(
            "VERIFIED",
            "VERIFIED",
            "MILESTONE_NOT_HELD",
            "VERIFIED",
            "VERIFIED",
            "VERIFIED",
            "READING_PATH_MISMATCH",
            "READING_PATH_MISMATCH",
            "BATCH_MISMATCH",
            "READING_PATH_MISMATCH",
            "PATH_MISMATCH",
            "DEVICE_SIGNATURE_INVALID",
            "VERIFIED");
  }

  private static ReadingReceipt example(int leaf) {
    return SensorFixture.example().receipt(0, leaf);
  }

  private static ReadingBatch batch(int n, long start) {
    return ReadingBatch.of(SensorFixture.GATEWAY, SensorFixture.readings(n, start));
  }

  private Map<String, Object> compact(String name, byte[] bytes, byte[] heldMilestone) {
    HeldMilestones held =
        index ->
            index == 1 && heldMilestone != null ? Optional.of(heldMilestone) : Optional.empty();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("compact", HEX.formatHex(bytes));
    if (heldMilestone != null) {
      out.put("heldMilestone", HEX.formatHex(heldMilestone));
    }
    describe(out, verifier.verifyCompact(bytes, held));
    return out;
  }

  private Map<String, Object> file(String name, byte[] bytes) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("file", HEX.formatHex(bytes));
    describe(out, verifier.verify(bytes));
    return out;
  }

  private static Map<String, Object> change(
      String form, int offset, int mask, ReadingReceiptVerdict verdict) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", form + " byte " + offset + " xor " + mask);
    out.put("changeOf", form);
    out.put("offset", offset);
    out.put("mask", mask);
    describe(out, verdict);
    return out;
  }

  private static void describe(Map<String, Object> out, ReadingReceiptVerdict verdict) {
    if (verdict instanceof ReadingReceiptVerdict.Refused refused) {
      out.put("verdict", refused.reason().name());
      return;
    }
    ReadingReceiptVerdict.Verified verified = (ReadingReceiptVerdict.Verified) verdict;
    out.put("verdict", "VERIFIED");
    out.put("device", verified.device().status().name());
    verified.device().organisation().ifPresent(o -> out.put("organisation", o));
    out.put("milestone", verified.milestoneIndex());
  }
}
