package org.tanglenode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.protocol.sensor.CompactReadingReceipt;
import org.tanglenode.protocol.sensor.ReadingBatch;
import org.tanglenode.protocol.sensor.ReadingReceipt;
import org.tanglenode.protocol.sensor.ReadingReceiptFile;
import org.tanglenode.protocol.sensor.SensorFixture;
import org.tanglenode.protocol.sensor.SensorFixture.Anchored;
import org.tanglenode.protocol.sensor.SensorReading;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.protocol.trust.TrustFile;

/** {@code tangle verify} on reading receipts (docs/sensors.md): files only, no node. */
class VerifyReadingReceiptCommandTest {

  private static final long T0 = SensorFixture.GENESIS_TIME_MS + 1_000;

  @TempDir Path dir;

  private Path genesis;
  private Anchored anchored;

  @BeforeEach
  void anchorABatch() throws IOException {
    genesis = Files.write(dir.resolve("genesis.json"), SensorFixture.genesisFile());
    List<SensorReading> readings = new ArrayList<>(SensorFixture.readings(3, T0));
    readings.set(1, readings.get(1).signedBy(SensorFixture.registeredDevice()));
    anchored =
        SensorFixture.anchor(
            ReadingBatch.of(SensorFixture.GATEWAY, readings),
            ReadingBatch.of(SensorFixture.GATEWAY, SensorFixture.readings(2, T0 + 10_000)));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void aReadingReceiptFileVerifiesAndTheCommandSaysWhatWasProven() throws IOException {
    ReadingReceipt receipt = anchored.receipt(0, 1);
    Path file = write("reading-receipt.json", ReadingReceiptFile.encode(receipt));

    CliRun run = CliRun.of("verify", file.toString(), "--genesis", genesis.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("reading receipt verified\n");
    assertThat(run.field("reading:"))
        .isEqualTo(
            receipt.reading().value()
                + " Cel from device logger-1 at 2026-01-01T00:00:02Z (device's clock)");
    assertThat(run.field("reading id:"))
        .isEqualTo(HexFormat.of().formatHex(receipt.reading().leafHash()));
    assertThat(run.field("device:"))
        .startsWith(SensorFixture.DEVICE_ORG + ", holder at milestone 1 (key ");
    assertThat(run.field("batch:")).startsWith("reading 1 of 3, root ");
    assertThat(run.field("gateway:"))
        .startsWith(SensorFixture.GATEWAY + ", key ")
        .endsWith("(" + SensorFixture.GATEWAY_ORG + ", holder at milestone 1)");
    assertThat(run.field("anchored in:")).isEqualTo(anchored.confirmed().get(0).id().toString());
    assertThat(run.field("milestone:")).startsWith("1 at 2026-01-01T00:10:00Z");
    assertThat(run.field("history leaf:")).isEqualTo("0 of 2");
  }

  @Test
  void anUnsignedReadingSaysSoAndATrustFileStandsInForTheGenesis() throws IOException {
    Path file = write("r.json", ReadingReceiptFile.encode(anchored.receipt(1, 0)));
    Path trust = dir.resolve("trust.json");
    TrustFile.write(TrustChain.ofGenesisFile(SensorFixture.genesisFile()), trust);

    CliRun run = CliRun.of("verify", file.toString(), "--trust", trust.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.field("device:")).startsWith("unsigned");
  }

  @Test
  void compactReadingReceiptsVerifyWithAndWithoutTheirMilestone() throws IOException {
    ReadingReceipt receipt = anchored.receipt(0, 2);
    Path compact = write("r.trr", CompactReadingReceipt.encode(receipt));
    Path small = write("small.trr", CompactReadingReceipt.encodeWithoutMilestone(receipt));
    Path milestone =
        write("m.hex", HexFormat.of().formatHex(anchored.milestone().bytes()).getBytes());

    CliRun full = CliRun.of("verify", compact.toString(), "--genesis", genesis.toString());
    CliRun notHeld = CliRun.of("verify", small.toString(), "--genesis", genesis.toString());
    CliRun held =
        CliRun.of(
            "verify",
            small.toString(),
            "--genesis",
            genesis.toString(),
            "--milestone",
            milestone.toString());

    assertThat(full.exitCode()).as(full.err()).isZero();
    assertThat(full.out()).startsWith("reading receipt verified\n");
    assertThat(notHeld.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(notHeld.err()).startsWith("tangle: reading receipt refused: MILESTONE_NOT_HELD: ");
    assertThat(held.exitCode()).as(held.err()).isZero();
  }

  @Test
  void aTamperedOrMovedReadingExitsWithOneAndTheReason() throws IOException {
    ReadingReceipt r = anchored.receipt(0, 0);
    String text = new String(ReadingReceiptFile.encode(r), java.nio.charset.StandardCharsets.UTF_8);
    Path tampered =
        write(
            "t.json",
            text.replace("\"value\":\"" + r.reading().value() + "\"", "\"value\":\"1.5\"")
                .getBytes());
    Path moved =
        write(
            "m.json",
            ReadingReceiptFile.encode(
                new ReadingReceipt(r.reading(), 0, 3, r.path(), anchored.anchorReceipt(1))));

    CliRun t = CliRun.of("verify", tampered.toString(), "--genesis", genesis.toString());
    CliRun m = CliRun.of("verify", moved.toString(), "--genesis", genesis.toString());
    CliRun withFile =
        CliRun.of(
            "verify",
            moved.toString(),
            "--genesis",
            genesis.toString(),
            "--file",
            genesis.toString());

    assertThat(t.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(t.err()).startsWith("tangle: reading receipt refused: READING_PATH_MISMATCH: ");
    assertThat(t.out()).isEmpty();
    assertThat(m.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(m.err()).startsWith("tangle: reading receipt refused: BATCH_MISMATCH: ");
    assertThat(withFile.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(withFile.err()).contains("--file does not apply to a reading receipt");
  }
}
