package org.tanglenode.protocol.receipt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tanglenode.crypto.merkle.InclusionProof;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.crypto.merkle.ProofVerdict;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.RejectReason;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.NetworkId;
import org.tanglenode.protocol.receipt.ReceiptVerdict.Reason;
import org.tanglenode.protocol.receipt.ReceiptVerdict.Refused;
import org.tanglenode.protocol.record.DocumentHash;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.trust.TrustRoot;

/**
 * Verifies receipt files against a trust root alone: no node, no database, no network. The steps
 * are those of docs/receipts.md, in that order; the first that fails decides the reason. Thread
 * safe.
 */
public final class ReceiptVerifier {

  private final TrustRoot trust;
  private final MilestoneCheck milestones;
  private final MerkleHasher hasher = MerkleHasher.blake2b256();

  public ReceiptVerifier(TrustRoot trust) {
    this.trust = Objects.requireNonNull(trust, "trust");
    this.milestones = new MilestoneCheck(trust);
  }

  /** Verifies the receipt file {@code bytes}. */
  public ReceiptVerdict verify(byte[] bytes) {
    Receipt receipt;
    try {
      receipt = ReceiptFile.parse(bytes);
    } catch (ReceiptFormatException e) {
      return new Refused(e.reason(), e.getMessage());
    }
    byte[] canonical = ReceiptFile.encode(receipt);
    int difference = ProofFileObject.firstDifference(canonical, bytes);
    if (difference >= 0) {
      return new Refused(
          Reason.NOT_CANONICAL,
          "byte "
              + difference
              + " differs from the one encoding of this receipt (layout, spacing, case or number"
              + " form was changed)");
    }
    return verify(receipt);
  }

  /**
   * Verifies a compact receipt (docs/receipts.md section 8) that carries its milestone; one that
   * names its milestone by index only is refused with {@link Reason#MILESTONE_NOT_HELD}.
   */
  public ReceiptVerdict verifyCompact(byte[] bytes) {
    return verifyCompact(bytes, index -> Optional.empty());
  }

  /**
   * Verifies a compact receipt; one that names its milestone by index takes it from {@code held}.
   * The milestone held is checked like any other: holding it vouches for nothing.
   */
  public ReceiptVerdict verifyCompact(byte[] bytes, HeldMilestones held) {
    Objects.requireNonNull(held, "held");
    CompactReceipt.Decoded decoded;
    try {
      decoded = CompactReceipt.decode(bytes);
    } catch (ReceiptFormatException e) {
      return new Refused(e.reason(), e.getMessage());
    }
    Receipt receipt;
    if (decoded.kind() == CompactReceipt.Kind.WITH_MILESTONE) {
      receipt = decoded.receipt();
    } else {
      Optional<byte[]> milestone = held.milestone(decoded.milestoneIndex());
      if (milestone.isEmpty()) {
        return new Refused(
            Reason.MILESTONE_NOT_HELD,
            "the compact receipt names milestone "
                + decoded.milestoneIndex()
                + " by index only, and this verifier holds no milestone "
                + decoded.milestoneIndex());
      }
      receipt = decoded.withMilestone(milestone.get());
    }
    ReceiptVerdict verdict = verify(receipt);
    if (verdict instanceof ReceiptVerdict.Verified verified
        && decoded.kind() == CompactReceipt.Kind.MILESTONE_INDEX
        && verified.commitments().index() != decoded.milestoneIndex()) {
      return new Refused(
          Reason.MILESTONE_NOT_HELD,
          "the milestone held for index "
              + decoded.milestoneIndex()
              + " is milestone "
              + verified.commitments().index());
    }
    return verdict;
  }

  /**
   * {@link #verifyCompact(byte[], HeldMilestones)}, then the document check of {@link
   * #verify(byte[], DocumentHash)}.
   */
  public ReceiptVerdict verifyCompact(byte[] bytes, HeldMilestones held, DocumentHash file) {
    Objects.requireNonNull(file, "file");
    return matchFile(verifyCompact(bytes, held), file);
  }

  private ReceiptVerdict verify(Receipt receipt) {
    NetworkId expected = trust.network().id();
    if (!receipt.network().equals(expected)) {
      return new Refused(
          Reason.WRONG_NETWORK,
          "the receipt is for network "
              + receipt.network().toHex()
              + ", the genesis given defines network "
              + expected.toHex());
    }
    MilestoneCheck.Result checked = milestones.check(receipt.milestone());
    if (checked instanceof MilestoneCheck.Failed failed) {
      Reason reason =
          switch (failed.kind()) {
            case WRONG_NETWORK -> Reason.WRONG_NETWORK;
            case INVALID -> Reason.MILESTONE_INVALID;
            case NOT_A_MILESTONE -> Reason.NOT_A_MILESTONE;
            case BELOW_THRESHOLD -> Reason.BELOW_THRESHOLD;
          };
      return new Refused(reason, "milestone: " + failed.message());
    }
    MilestoneCheck.Checked milestone = (MilestoneCheck.Checked) checked;

    // A confirmed transaction arrived before its milestone was issued, so its timestamp is at
    // most the milestone's plus the drift a node allows.
    Clock atMilestone =
        Clock.fixed(Instant.ofEpochMilli(milestone.transaction().timestampMs()), ZoneOffset.UTC);
    TransactionValidator validator = new TransactionValidator(trust.network(), atMilestone);
    ValidationResult cheap = validator.checkCheap(receipt.transaction());
    if (cheap instanceof ValidationResult.Invalid invalid) {
      return new Refused(
          invalid.reason() == RejectReason.WRONG_NETWORK
              ? Reason.WRONG_NETWORK
              : Reason.TRANSACTION_INVALID,
          "transaction: " + invalid.reason() + ": " + invalid.detail());
    }
    Transaction tx = ((ValidationResult.Valid) cheap).transaction();
    if (validator.checkSignatures(tx) instanceof ValidationResult.Invalid invalid) {
      return new Refused(
          Reason.TRANSACTION_INVALID, "transaction: " + invalid.reason() + ": " + invalid.detail());
    }

    InclusionProof proof =
        new InclusionProof(receipt.leafIndex(), milestone.payload().historySize(), receipt.path());
    ProofVerdict path =
        proof.verify(hasher, hasher.leafHash(tx.id().bytes()), milestone.payload().historyRoot());
    if (path instanceof ProofVerdict.Rejected rejected) {
      return new Refused(
          Reason.PATH_MISMATCH,
          "transaction "
              + tx.id()
              + " as leaf "
              + receipt.leafIndex()
              + " of milestone "
              + milestone.payload().index()
              + "'s history: "
              + rejected.code()
              + ": "
              + rejected.detail());
    }
    return new ReceiptVerdict.Verified(
        receipt,
        tx,
        milestone.transaction(),
        milestone.payload(),
        milestone.signers(),
        trust.organisationAt(tx.issuer(), milestone.payload().index()),
        tx.payload() instanceof Payload.Data data
            ? Records.tryParse(data.data())
            : Optional.empty(),
        Optional.empty());
  }

  /**
   * Verifies the receipt file {@code bytes} and that {@code file} (a document's size and hashes) is
   * a document the transaction's record names: an anchor's document or one of a trail event's.
   */
  public ReceiptVerdict verify(byte[] bytes, DocumentHash file) {
    Objects.requireNonNull(file, "file");
    return matchFile(verify(bytes), file);
  }

  private static ReceiptVerdict matchFile(ReceiptVerdict verdict, DocumentHash file) {
    if (!(verdict instanceof ReceiptVerdict.Verified verified)) {
      return verdict;
    }
    if (verified.record().isEmpty() || verified.record().get().documents().isEmpty()) {
      return new Refused(
          Reason.NO_DOCUMENT,
          "transaction "
              + verified.transaction().id()
              + " carries no record that names a document, so no file can match it");
    }
    List<DocumentHash> documents = verified.record().get().documents();
    for (DocumentHash document : documents) {
      if (document.equals(file)) {
        return verified.withFile(document);
      }
    }
    return new Refused(
        Reason.FILE_MISMATCH,
        "the file (size "
            + file.size()
            + ", SHA-256 "
            + file.sha256Hex()
            + ") is none of the "
            + documents.size()
            + " documents the record names: "
            + documents.stream()
                .map(d -> "size " + d.size() + ", SHA-256 " + d.sha256Hex())
                .collect(Collectors.joining("; ")));
  }
}
