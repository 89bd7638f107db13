package org.tanglenode.protocol.sensor;

import java.util.Objects;
import java.util.Optional;
import org.tanglenode.crypto.merkle.InclusionProof;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.crypto.merkle.ProofVerdict;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.receipt.HeldMilestones;
import org.tanglenode.protocol.receipt.ProofFileObject;
import org.tanglenode.protocol.receipt.ReceiptFile;
import org.tanglenode.protocol.receipt.ReceiptVerdict;
import org.tanglenode.protocol.receipt.ReceiptVerifier;
import org.tanglenode.protocol.record.Record;
import org.tanglenode.protocol.record.RecordFormatException;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.record.SensorBatchRecord;
import org.tanglenode.protocol.sensor.ReadingReceiptVerdict.Reason;
import org.tanglenode.protocol.sensor.ReadingReceiptVerdict.Refused;
import org.tanglenode.protocol.trust.TrustRoot;

/**
 * Verifies reading receipts against a trust root alone (a genesis or trust file): no node, no
 * gateway, no network. The steps are those of docs/sensors.md, in order; the first that fails
 * decides the reason. The anchoring receipt is checked by {@link ReceiptVerifier}, so every reason
 * of a receipt applies to it. Thread safe; never throws on any input.
 */
public final class ReadingReceiptVerifier {

  private final TrustRoot trust;
  private final ReceiptVerifier receipts;
  private final MerkleHasher hasher = MerkleHasher.blake2b256();

  public ReadingReceiptVerifier(TrustRoot trust) {
    this.trust = Objects.requireNonNull(trust, "trust");
    this.receipts = new ReceiptVerifier(trust);
  }

  /** Verifies the reading receipt file {@code bytes}. */
  public ReadingReceiptVerdict verify(byte[] bytes) {
    ReadingReceipt receipt;
    try {
      receipt = ReadingReceiptFile.parse(bytes);
    } catch (ReadingReceiptFormatException e) {
      return new Refused(e.reason(), e.getMessage());
    }
    byte[] canonical = ReadingReceiptFile.encode(receipt);
    int difference = ProofFileObject.firstDifference(canonical, bytes);
    if (difference >= 0) {
      return new Refused(
          Reason.NOT_CANONICAL,
          "byte "
              + difference
              + " differs from the one encoding of this reading receipt (layout, spacing, member"
              + " order, case or number form was changed)");
    }
    return verify(receipt);
  }

  /**
   * Verifies a compact reading receipt whose anchor carries its milestone; one whose anchor names
   * the milestone by index only is refused with {@link Reason#MILESTONE_NOT_HELD}.
   */
  public ReadingReceiptVerdict verifyCompact(byte[] bytes) {
    return verifyCompact(bytes, index -> Optional.empty());
  }

  /**
   * Verifies a compact reading receipt; an anchor that names its milestone by index takes it from
   * {@code held}, which vouches for nothing: the milestone is checked like any other.
   */
  public ReadingReceiptVerdict verifyCompact(byte[] bytes, HeldMilestones held) {
    Objects.requireNonNull(held, "held");
    CompactReadingReceipt.Decoded decoded;
    try {
      decoded = CompactReadingReceipt.decode(bytes);
    } catch (ReadingReceiptFormatException e) {
      return new Refused(e.reason(), e.getMessage());
    }
    ReceiptVerdict anchor = receipts.verifyCompact(decoded.anchor(), held);
    if (!(anchor instanceof ReceiptVerdict.Verified verified)) {
      return check(null, anchor);
    }
    return check(
        new ReadingReceipt(
            decoded.reading(),
            decoded.leafIndex(),
            decoded.batchSize(),
            decoded.path(),
            verified.receipt()),
        anchor);
  }

  /** Verifies a reading receipt already parsed (from the file or the compact form). */
  public ReadingReceiptVerdict verify(ReadingReceipt receipt) {
    Objects.requireNonNull(receipt, "receipt");
    return check(receipt, receipts.verify(ReceiptFile.encode(receipt.anchor())));
  }

  /**
   * Steps 3 on: the anchor's verdict given, then the batch, the path and the device. {@code
   * receipt} may be null only when the anchor was refused.
   */
  ReadingReceiptVerdict check(ReadingReceipt receipt, ReceiptVerdict anchorVerdict) {
    if (anchorVerdict instanceof ReceiptVerdict.Refused refused) {
      return new Refused(Reason.of(refused.reason()), "anchor receipt: " + refused.message());
    }
    ReceiptVerdict.Verified anchor = (ReceiptVerdict.Verified) anchorVerdict;
    Transaction tx = anchor.transaction();
    if (!(tx.payload() instanceof Payload.Data data)) {
      return new Refused(
          Reason.NOT_A_BATCH, "anchored transaction " + tx.id() + " carries no data payload");
    }
    Record record;
    try {
      record = Records.parse(data.data());
    } catch (RecordFormatException e) {
      return new Refused(
          Reason.NOT_A_BATCH,
          "anchored transaction " + tx.id() + " carries no record: " + e.getMessage());
    }
    if (!(record instanceof SensorBatchRecord batch)) {
      return new Refused(
          Reason.NOT_A_BATCH,
          "anchored transaction " + tx.id() + " carries a '" + record.type() + "' record");
    }
    if (tx.tag().isEmpty() || !tx.tag().get().equals(batch.tag())) {
      return new Refused(
          Reason.NOT_A_BATCH,
          "the batch record of gateway "
              + batch.gateway()
              + " is not under its tag "
              + batch.tag()
              + " but "
              + tx.tag().map(Object::toString).orElse("no tag"));
    }
    if (receipt.batchSize() != batch.count() || receipt.leafIndex() >= batch.count()) {
      return new Refused(
          Reason.BATCH_MISMATCH,
          "the receipt places the reading at "
              + receipt.leafIndex()
              + " of "
              + receipt.batchSize()
              + ", the anchored batch holds "
              + batch.count()
              + " readings");
    }
    SensorReading reading = receipt.reading();
    InclusionProof proof = new InclusionProof(receipt.leafIndex(), batch.count(), receipt.path());
    if (proof.verify(hasher, reading.leafHash(), batch.root()) instanceof ProofVerdict.Rejected r) {
      return new Refused(
          Reason.READING_PATH_MISMATCH,
          "the reading as leaf "
              + receipt.leafIndex()
              + " of "
              + batch.count()
              + " does not lead to batch root "
              + batch.rootHex()
              + ": "
              + r.code()
              + ": "
              + r.detail());
    }
    if (reading.timeMs() < batch.firstTimeMs() || reading.timeMs() > batch.lastTimeMs()) {
      return new Refused(
          Reason.BATCH_MISMATCH,
          "the reading's time "
              + reading.timeMs()
              + " is outside the batch record's range "
              + batch.firstTimeMs()
              + " to "
              + batch.lastTimeMs());
    }
    int milestone = anchor.commitments().index();
    DeviceIdentity device = DeviceIdentity.unsigned();
    if (reading.signature().isPresent()) {
      DeviceSignature signature = reading.signature().get();
      if (!reading.hasValidSignature()) {
        return new Refused(
            Reason.DEVICE_SIGNATURE_INVALID,
            "the device signature by key " + signature.key().toHex() + " does not verify");
      }
      device =
          DeviceIdentity.signed(signature.key(), trust.organisationAt(signature.key(), milestone));
    }
    return new ReadingReceiptVerdict.Verified(
        receipt,
        reading,
        device,
        batch,
        tx,
        anchor.issuerOrganisation(),
        milestone,
        anchor.milestone().timestampMs(),
        anchor);
  }
}
