package org.tanglenode.protocol.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.receipt.CompactReceipt;
import org.tanglenode.protocol.sensor.ReadingReceiptVerdict.Reason;
import org.tanglenode.protocol.sensor.SensorFixture.Anchored;

class CompactReadingReceiptTest {

  private static final long T0 = SensorFixture.GENESIS_TIME_MS + 1_000;

  private final ReadingReceiptVerifier verifier = new ReadingReceiptVerifier(SensorFixture.trust());

  private static Anchored signedBatchOf3() {
    List<SensorReading> readings = new ArrayList<>(SensorFixture.readings(3, T0));
    readings.set(1, readings.get(1).signedBy(SensorFixture.registeredDevice()));
    return SensorFixture.anchor(ReadingBatch.of(SensorFixture.GATEWAY, readings));
  }

  @Test
  void theCompactFormStatesWhatTheFileStates() throws Exception {
    Anchored anchored = signedBatchOf3();
    ReadingReceipt r = anchored.receipt(0, 1);
    byte[] compact = CompactReadingReceipt.encode(r);
    CompactReadingReceipt.Decoded decoded = CompactReadingReceipt.decode(compact);

    assertThat(decoded.reading()).isEqualTo(r.reading());
    assertThat(decoded.leafIndex()).isEqualTo(1);
    assertThat(decoded.batchSize()).isEqualTo(3);
    assertThat(decoded.path()).hasSize(2);
    assertThat(decoded.anchor()).isEqualTo(CompactReceipt.encode(r.anchor()));
    assertThat(compact.length)
        .isEqualTo(
            3
                + 1
                + 2
                + r.reading().encode().length
                + 4
                + 4
                + 1
                + 64
                + CompactReceipt.encode(r.anchor()).length);
    ReadingReceiptVerdict verdict = verifier.verifyCompact(compact);
    assertThat(verdict).isInstanceOf(ReadingReceiptVerdict.Verified.class);
    assertThat(((ReadingReceiptVerdict.Verified) verdict).receipt()).isEqualTo(r);
    assertThat(((ReadingReceiptVerdict.Verified) verdict).device().organisation())
        .contains(SensorFixture.DEVICE_ORG);
  }

  @Test
  void withoutItsMilestoneItVerifiesOnlyWithTheMilestoneHeld() {
    Anchored anchored = signedBatchOf3();
    ReadingReceipt r = anchored.receipt(0, 2);
    byte[] small = CompactReadingReceipt.encodeWithoutMilestone(r);
    byte[] milestone = anchored.milestone().bytes();

    assertThat(small.length).isLessThan(CompactReadingReceipt.encode(r).length - 200);
    ReadingReceiptVerdict notHeld = verifier.verifyCompact(small);
    assertThat(((ReadingReceiptVerdict.Refused) notHeld).reason())
        .isEqualTo(Reason.MILESTONE_NOT_HELD);
    assertThat(
            verifier
                .verifyCompact(small, i -> i == 1 ? Optional.of(milestone) : Optional.empty())
                .isVerified())
        .isTrue();
  }

  @Test
  void movedAndTamperedReadingsAreRefusedInTheCompactFormToo() {
    Anchored anchored =
        SensorFixture.anchor(
            ReadingBatch.of(SensorFixture.GATEWAY, SensorFixture.readings(3, T0)),
            ReadingBatch.of(SensorFixture.GATEWAY, SensorFixture.readings(2, T0 + 10_000)));
    ReadingReceipt r = anchored.receipt(0, 0);
    ReadingReceipt moved =
        new ReadingReceipt(r.reading(), 0, 3, r.path(), anchored.anchorReceipt(1));
    SensorReading warmer =
        SensorReading.unsigned(r.reading().deviceId(), r.reading().timeMs(), "12.5", "Cel");
    ReadingReceipt tampered = new ReadingReceipt(warmer, 0, 3, r.path(), r.anchor());

    assertThat(reason(CompactReadingReceipt.encode(moved))).isEqualTo(Reason.BATCH_MISMATCH);
    assertThat(reason(CompactReadingReceipt.encode(tampered)))
        .isEqualTo(Reason.READING_PATH_MISMATCH);
    byte[] compact = CompactReadingReceipt.encode(r);
    assertThat(reason(Arrays.copyOf(compact, compact.length - 1))).isEqualTo(Reason.MALFORMED);
    assertThat(reason(Arrays.copyOf(compact, compact.length + 1))).isEqualTo(Reason.MALFORMED);
    assertThat(reason(new byte[] {'T', 'R', 'R', 2})).isEqualTo(Reason.UNSUPPORTED_VERSION);
    assertThat(reason(new byte[0])).isEqualTo(Reason.MALFORMED);
  }

  private Reason reason(byte[] bytes) {
    ReadingReceiptVerdict verdict = verifier.verifyCompact(bytes);
    assertThat(verdict).isInstanceOf(ReadingReceiptVerdict.Refused.class);
    return ((ReadingReceiptVerdict.Refused) verdict).reason();
  }

  @Test
  void everyBitOfEveryByteChangedIsRefusedWithAReasonAndNeverThrows() {
    byte[] compact = CompactReadingReceipt.encode(signedBatchOf3().receipt(0, 1));
    Set<Reason> seen = EnumSet.noneOf(Reason.class);
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < compact.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] changed = compact.clone();
        changed[i] ^= (byte) (1 << bit);
        String at = i + "." + bit;
        assertThatCode(
                () -> {
                  if (verifier.verifyCompact(changed) instanceof ReadingReceiptVerdict.Refused r) {
                    seen.add(r.reason());
                  } else {
                    accepted.add(at);
                  }
                })
            .as(at)
            .doesNotThrowAnyException();
      }
    }
    assertThat(accepted).isEmpty();
    assertThat(seen)
        .contains(
            Reason.MALFORMED,
            Reason.UNSUPPORTED_VERSION,
            Reason.NOT_CANONICAL,
            Reason.WRONG_NETWORK,
            Reason.TRANSACTION_INVALID,
            Reason.MILESTONE_INVALID,
            Reason.PATH_MISMATCH,
            Reason.READING_PATH_MISMATCH);
    System.out.println(
        "compact reading receipt of "
            + compact.length
            + " bytes, 8 changes a byte, reasons: "
            + seen);
  }
}
