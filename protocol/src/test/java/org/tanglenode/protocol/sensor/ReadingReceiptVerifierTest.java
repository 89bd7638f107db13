package org.tanglenode.protocol.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.sign.Ed25519Signature;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.receipt.Receipt;
import org.tanglenode.protocol.receipt.ReceiptVerdict;
import org.tanglenode.protocol.record.AnchorRecord;
import org.tanglenode.protocol.record.DocumentHash;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.record.SensorBatchRecord;
import org.tanglenode.protocol.sensor.ReadingReceiptVerdict.Reason;
import org.tanglenode.protocol.sensor.SensorFixture.Anchored;
import org.tanglenode.protocol.trust.LinkVerdict;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.protocol.trust.TrustUpdates;

class ReadingReceiptVerifierTest {

  private static final long T0 = SensorFixture.GENESIS_TIME_MS + 1_000;

  private final ReadingReceiptVerifier verifier = new ReadingReceiptVerifier(SensorFixture.trust());

  private static ReadingBatch batch(int n, long start) {
    return ReadingBatch.of(SensorFixture.GATEWAY, SensorFixture.readings(n, start));
  }

  private ReadingReceiptVerdict verify(ReadingReceipt receipt) {
    return verifier.verify(ReadingReceiptFile.encode(receipt));
  }

  private void assertRefused(ReadingReceipt receipt, Reason reason) {
    ReadingReceiptVerdict verdict = verify(receipt);
    assertThat(verdict).isInstanceOf(ReadingReceiptVerdict.Refused.class);
    assertThat(((ReadingReceiptVerdict.Refused) verdict).reason())
        .as("%s", verdict)
        .isEqualTo(reason);
  }

  private static ReadingReceipt with(
      ReadingReceipt r,
      SensorReading reading,
      long index,
      long size,
      List<byte[]> path,
      Receipt anchor) {
    return new ReadingReceipt(r.version(), reading, index, size, path, anchor);
  }

  @Test
  void everyReadingOfBatchesOfOneTwoThreeAnd8192Verifies() {
    ReadingBatch[] batches = {batch(1, T0), batch(2, T0), batch(3, T0), batch(8192, T0)};
    Anchored anchored = SensorFixture.anchor(batches);
    for (int b = 0; b < batches.length; b++) {
      for (int i = 0; i < batches[b].size(); i++) {
        ReadingReceiptVerdict verdict = verify(anchored.receipt(b, i));
        assertThat(verdict)
            .as("batch %d reading %d: %s", b, i, verdict)
            .isInstanceOf(ReadingReceiptVerdict.Verified.class);
        ReadingReceiptVerdict.Verified verified = (ReadingReceiptVerdict.Verified) verdict;
        assertThat(verified.reading()).isEqualTo(batches[b].readings().get(i));
        assertThat(verified.device()).isEqualTo(DeviceIdentity.unsigned());
        assertThat(verified.batch()).isEqualTo(batches[b].record());
        assertThat(verified.gatewayOrganisation()).contains(SensorFixture.GATEWAY_ORG);
        assertThat(verified.milestoneIndex()).isEqualTo(1);
        assertThat(verified.milestoneTimeMs()).isEqualTo(anchored.milestone().timestampMs());
        assertThat(verified.batchTransaction()).isEqualTo(anchored.confirmed().get(b));
      }
    }
  }

  @Test
  void aReadingSignedByARegisteredDeviceNamesItsOrganisationAndAnUnknownKeySaysSo() {
    List<SensorReading> readings = new ArrayList<>(SensorFixture.readings(3, T0));
    readings.set(0, readings.get(0).signedBy(SensorFixture.registeredDevice()));
    readings.set(2, readings.get(2).signedBy(SensorFixture.unknownDevice()));
    Anchored anchored = SensorFixture.anchor(ReadingBatch.of(SensorFixture.GATEWAY, readings));

    var registered = (ReadingReceiptVerdict.Verified) verify(anchored.receipt(0, 0));
    var unsigned = (ReadingReceiptVerdict.Verified) verify(anchored.receipt(0, 1));
    var unknown = (ReadingReceiptVerdict.Verified) verify(anchored.receipt(0, 2));

    assertThat(registered.device().status()).isEqualTo(DeviceIdentity.Status.REGISTERED);
    assertThat(registered.device().organisation()).contains(SensorFixture.DEVICE_ORG);
    assertThat(registered.device().key()).contains(SensorFixture.registeredDevice().publicKey());
    assertThat(unsigned.device().status()).isEqualTo(DeviceIdentity.Status.UNSIGNED);
    assertThat(unsigned.device().describe()).isEqualTo("unsigned");
    assertThat(unknown.device().status()).isEqualTo(DeviceIdentity.Status.UNKNOWN_DEVICE);
    assertThat(unknown.device().describe()).startsWith("unknown device");
  }

  @Test
  void aDeviceKeyRegisteredByATrustUpdateIsNamedFromItsEffectiveMilestoneOn() {
    List<SensorReading> readings = new ArrayList<>(SensorFixture.readings(2, T0));
    readings.set(0, readings.get(0).signedBy(SensorFixture.unknownDevice()));
    ReadingReceipt receipt =
        SensorFixture.anchor(ReadingBatch.of(SensorFixture.GATEWAY, readings)).receipt(0, 0);
    TrustChain genesis = TrustChain.ofGenesisFile(SensorFixture.genesisFile());
    TrustChain fromMilestone1 = linked(genesis, 1);
    TrustChain fromMilestone2 = linked(genesis, 2);

    var named =
        (ReadingReceiptVerdict.Verified) new ReadingReceiptVerifier(fromMilestone1).verify(receipt);
    var notYet =
        (ReadingReceiptVerdict.Verified) new ReadingReceiptVerifier(fromMilestone2).verify(receipt);

    assertThat(named.device().status()).isEqualTo(DeviceIdentity.Status.REGISTERED);
    assertThat(named.device().organisation()).contains("Field Team North");
    assertThat(notYet.device().status()).isEqualTo(DeviceIdentity.Status.UNKNOWN_DEVICE);
  }

  private static TrustChain linked(TrustChain genesis, int effective) {
    LinkVerdict verdict =
        genesis.append(
            TrustUpdates.on(SensorFixture.network())
                .sequence(1)
                .effective(effective)
                .issuer(SensorFixture.unknownDevice(), "Field Team North")
                .signedBy(SensorFixture.committee()));
    assertThat(verdict).isInstanceOf(LinkVerdict.Linked.class);
    return ((LinkVerdict.Linked) verdict).chain();
  }

  @Test
  void aBadDeviceSignatureTheGatewayAnchoredIsRefused() {
    SensorReading signed =
        SensorFixture.readings(1, T0).get(0).signedBy(SensorFixture.registeredDevice());
    byte[] sig = signed.signature().orElseThrow().signature().bytes();
    sig[5] ^= 0x10;
    SensorReading forged =
        new SensorReading(
            signed.deviceId(),
            signed.timeMs(),
            signed.value(),
            signed.unit(),
            Optional.of(
                new DeviceSignature(
                    signed.signature().orElseThrow().key(), new Ed25519Signature(sig))));
    byte[] notAPoint = new byte[32];
    java.util.Arrays.fill(notAPoint, (byte) 0xff);
    SensorReading garbageKey =
        new SensorReading(
            signed.deviceId(),
            signed.timeMs(),
            signed.value(),
            signed.unit(),
            Optional.of(
                new DeviceSignature(
                    new org.tanglenode.crypto.sign.Ed25519PublicKey(notAPoint),
                    signed.signature().orElseThrow().signature())));
    Anchored anchored =
        SensorFixture.anchor(
            ReadingBatch.of(SensorFixture.GATEWAY, List.of(forged, signed, garbageKey)));

    assertRefused(anchored.receipt(0, 0), Reason.DEVICE_SIGNATURE_INVALID);
    assertThat(verify(anchored.receipt(0, 1)).isVerified()).isTrue();
    assertRefused(anchored.receipt(0, 2), Reason.DEVICE_SIGNATURE_INVALID);
  }

  @Test
  void aTamperedReadingOrPathIsRefused() {
    Anchored anchored = SensorFixture.anchor(batch(3, T0));
    ReadingReceipt r = anchored.receipt(0, 1);
    SensorReading reading = r.reading();
    SensorReading warmer =
        SensorReading.unsigned(reading.deviceId(), reading.timeMs(), "9.5", reading.unit());
    SensorReading otherDevice =
        SensorReading.unsigned("logger-99", reading.timeMs(), reading.value(), reading.unit());
    List<byte[]> path = new ArrayList<>(r.path());
    path.set(0, path.get(1));

    assertRefused(with(r, warmer, 1, 3, r.path(), r.anchor()), Reason.READING_PATH_MISMATCH);
    assertRefused(with(r, otherDevice, 1, 3, r.path(), r.anchor()), Reason.READING_PATH_MISMATCH);
    assertRefused(with(r, reading, 1, 3, path, r.anchor()), Reason.READING_PATH_MISMATCH);
    assertRefused(with(r, reading, 2, 3, r.path(), r.anchor()), Reason.READING_PATH_MISMATCH);
    assertRefused(
        with(r, reading, 1, 3, r.path().subList(0, 1), r.anchor()), Reason.READING_PATH_MISMATCH);
    // a signed copy of the reading is another leaf
    assertRefused(
        with(r, reading.signedBy(SensorFixture.registeredDevice()), 1, 3, r.path(), r.anchor()),
        Reason.READING_PATH_MISMATCH);
  }

  @Test
  void aReadingMovedToAnotherBatchIsRefused() {
    Anchored anchored =
        SensorFixture.anchor(batch(3, T0), batch(2, T0 + 100_000), batch(3, T0 + 200_000));
    ReadingReceipt r = anchored.receipt(0, 2);

    // under the anchor of a batch of another size: index and size are not those of that batch
    assertRefused(
        with(r, r.reading(), 2, 3, r.path(), anchored.anchorReceipt(1)), Reason.BATCH_MISMATCH);
    assertRefused(
        with(r, r.reading(), 1, 2, List.of(r.path().get(0)), anchored.anchorReceipt(1)),
        Reason.READING_PATH_MISMATCH);
    // under the anchor of a batch of the same size: the path leads to another root
    assertRefused(
        with(r, r.reading(), 2, 3, r.path(), anchored.anchorReceipt(2)),
        Reason.READING_PATH_MISMATCH);
    // a size or index the batch record does not have
    assertRefused(with(r, r.reading(), 2, 4, r.path(), r.anchor()), Reason.BATCH_MISMATCH);
    assertRefused(with(r, r.reading(), 3, 3, r.path(), r.anchor()), Reason.BATCH_MISMATCH);
  }

  @Test
  void aBatchRootNotOnTheLedgerIsRefusedByTheAnchorReceipt() {
    ReadingBatch onLedger = batch(3, T0);
    ReadingBatch offLedger = batch(3, T0 + 500);
    Anchored anchored = SensorFixture.anchor(onLedger);
    // a valid, gateway-signed batch transaction that no milestone confirmed
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

    assertRefused(offLedger.receipt(1, forged), Reason.PATH_MISMATCH);
  }

  @Test
  void anAnchoredTransactionThatIsNotABatchRecordIsRefused() {
    ReadingBatch b = batch(2, T0);
    byte[] anchorRecord =
        Records.encode(new AnchorRecord(DocumentHash.of(new byte[] {1}), Optional.empty()));
    byte[] batchRecord = Records.encode(b.record());
    Transaction notARecord =
        SensorFixture.data(
            SensorFixture.network().rootId(),
            b.tag(),
            new byte[] {1, 2, 3},
            SensorFixture.GENESIS_TIME_MS + 60_000,
            SensorFixture.gateway());
    Transaction anAnchor =
        SensorFixture.data(
            notARecord.id(),
            b.tag(),
            anchorRecord,
            SensorFixture.GENESIS_TIME_MS + 61_000,
            SensorFixture.gateway());
    Transaction wrongTag =
        SensorFixture.data(
            anAnchor.id(),
            Tag.of("sensors:gw-west"),
            batchRecord,
            SensorFixture.GENESIS_TIME_MS + 62_000,
            SensorFixture.gateway());
    Anchored anchored = SensorFixture.confirm(List.of(), List.of(notARecord, anAnchor, wrongTag));

    for (int leaf = 0; leaf < 3; leaf++) {
      assertRefused(b.receipt(0, anchored.receiptOf(leaf)), Reason.NOT_A_BATCH);
    }
  }

  @Test
  void aReadingOutsideTheTimeRangeTheGatewayRecordedIsRefused() {
    List<SensorReading> readings = SensorFixture.readings(3, T0);
    ReadingBatch honest = ReadingBatch.of(SensorFixture.GATEWAY, readings);
    SensorBatchRecord narrowed =
        new SensorBatchRecord(SensorFixture.GATEWAY, honest.record().root(), 3, T0, T0 + 1_000);
    Transaction tx =
        SensorFixture.data(
            SensorFixture.network().rootId(),
            narrowed.tag(),
            Records.encode(narrowed),
            SensorFixture.GENESIS_TIME_MS + 60_000,
            SensorFixture.gateway());
    Anchored anchored = SensorFixture.confirm(List.of(), List.of(tx));

    assertThat(verify(honest.receipt(1, anchored.receiptOf(0))).isVerified()).isTrue();
    assertRefused(honest.receipt(2, anchored.receiptOf(0)), Reason.BATCH_MISMATCH);
  }

  @Test
  void theAnchorReceiptsOwnReasonsPassThrough() {
    Anchored anchored = SensorFixture.anchor(batch(2, T0));
    ReadingReceipt r = anchored.receipt(0, 0);
    ReadingReceiptVerifier otherNetwork =
        new ReadingReceiptVerifier(
            new org.tanglenode.protocol.trust.GenesisTrust(
                org.tanglenode.protocol.receipt.ReceiptFixture.network()));

    ReadingReceiptVerdict verdict = otherNetwork.verify(ReadingReceiptFile.encode(r));
    assertThat(((ReadingReceiptVerdict.Refused) verdict).reason()).isEqualTo(Reason.WRONG_NETWORK);
    for (ReceiptVerdict.Reason reason : ReceiptVerdict.Reason.values()) {
      assertThat(Reason.of(reason)).isNotNull();
      if (reason != ReceiptVerdict.Reason.NO_DOCUMENT
          && reason != ReceiptVerdict.Reason.FILE_MISMATCH) {
        assertThat(Reason.of(reason).name()).isEqualTo(reason.name());
      }
    }
  }

  @Test
  void theFileParsesBackAndAnyOtherSpellingIsRefused() throws Exception {
    Anchored anchored = SensorFixture.anchor(batch(3, T0));
    ReadingReceipt r = anchored.receipt(0, 1);
    byte[] file = ReadingReceiptFile.encode(r);
    String text = new String(file, StandardCharsets.UTF_8);

    assertThat(ReadingReceiptFile.parse(file)).isEqualTo(r);
    assertThat(ReadingReceiptFile.looksLikeReadingReceipt(file)).isTrue();
    assertThat(
            ReadingReceiptFile.looksLikeReadingReceipt(
                org.tanglenode.protocol.receipt.ReceiptFile.encode(r.anchor())))
        .isFalse();
    assertThat(reason(text.replace("\"version\": 1", "\"version\": 2")))
        .isEqualTo(Reason.UNSUPPORTED_VERSION);
    assertThat(reason(text.replace("\"leafIndex\": 1", "\"leafIndex\":  1")))
        .isEqualTo(Reason.NOT_CANONICAL);
    assertThat(reason(text.replace("\"v\":1,", "\"v\":1, "))).isEqualTo(Reason.NOT_CANONICAL);
    assertThat(reason(text.replace("\n", "\r\n"))).isEqualTo(Reason.NOT_CANONICAL);
    assertThat(
            reason(
                text.replace(
                    "\"version\": 1,\n    \"network\"", "\"version\": 2,\n    \"network\"")))
        .isEqualTo(Reason.UNSUPPORTED_VERSION);
    assertThat(reason(text.replace("\"batchSize\": 3,", "\"batchSize\": 3,\n  \"extra\": 1,")))
        .isEqualTo(Reason.MALFORMED);
    assertThat(reason(text.replace("\"batchSize\": 3", "\"batchSize\": 0")))
        .isEqualTo(Reason.MALFORMED);
    assertThat(reason(text.replace("\"leafIndex\": 1", "\"leafIndex\": -1")))
        .isEqualTo(Reason.MALFORMED);
    assertThat(reason(text.replace("\"value\":\"2.6\"", "\"value\":\"2.60\"")))
        .isIn(Reason.MALFORMED, Reason.READING_PATH_MISMATCH);
    assertThat(reason("[]")).isEqualTo(Reason.MALFORMED);
    assertThat(reason("")).isEqualTo(Reason.MALFORMED);
  }

  private Reason reason(String file) {
    ReadingReceiptVerdict verdict = verifier.verify(file.getBytes(StandardCharsets.UTF_8));
    assertThat(verdict).as(file).isInstanceOf(ReadingReceiptVerdict.Refused.class);
    return ((ReadingReceiptVerdict.Refused) verdict).reason();
  }

  @Test
  void everyByteOfASignedReadingReceiptChangedIsRefusedWithAReasonAndNeverThrows() {
    List<SensorReading> readings = new ArrayList<>(SensorFixture.readings(3, T0));
    readings.set(1, readings.get(1).signedBy(SensorFixture.registeredDevice()));
    Anchored anchored = SensorFixture.anchor(ReadingBatch.of(SensorFixture.GATEWAY, readings));
    byte[] file = ReadingReceiptFile.encode(anchored.receipt(0, 1));
    assertThat(verifier.verify(file).isVerified()).isTrue();

    Set<Reason> seen = EnumSet.noneOf(Reason.class);
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < file.length; i++) {
      for (int mask : new int[] {0x01, 0x80}) {
        byte[] changed = file.clone();
        changed[i] ^= (byte) mask;
        int at = i;
        assertThatCode(
                () -> {
                  ReadingReceiptVerdict verdict = verifier.verify(changed);
                  if (verdict instanceof ReadingReceiptVerdict.Refused refused) {
                    seen.add(refused.reason());
                  } else {
                    accepted.add(at + "^" + Integer.toHexString(mask));
                  }
                })
            .as("byte %d", i)
            .doesNotThrowAnyException();
      }
    }
    assertThat(accepted).isEmpty();
    assertThat(seen)
        .contains(
            Reason.MALFORMED,
            Reason.NOT_CANONICAL,
            Reason.READING_PATH_MISMATCH,
            Reason.TRANSACTION_INVALID,
            Reason.MILESTONE_INVALID);
    System.out.println(
        "reading receipt of " + file.length + " bytes, 2 changes a byte, reasons seen: " + seen);
    assertThat(HexFormat.of().formatHex(file)).isNotEmpty();
  }
}
