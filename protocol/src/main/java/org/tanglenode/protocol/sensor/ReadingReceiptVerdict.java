package org.tanglenode.protocol.sensor;

import java.util.Objects;
import java.util.Optional;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.receipt.ReceiptVerdict;
import org.tanglenode.protocol.record.SensorBatchRecord;

/** The outcome of verifying a reading receipt: what it proves, or why it proves nothing. */
public sealed interface ReadingReceiptVerdict {

  /**
   * Why a reading receipt was refused. The names are stable (the CLI prints them, docs/sensors.md
   * lists the check behind each). The anchoring receipt's own reasons keep their names from {@link
   * ReceiptVerdict.Reason}.
   */
  enum Reason {
    /** Not a reading receipt: not JSON or not the binary layout, a member missing or unknown. */
    MALFORMED,
    /** A format version this verifier does not read (of the reading receipt or its anchor). */
    UNSUPPORTED_VERSION,
    /** Parses, but is not byte for byte the one encoding of what it holds. */
    NOT_CANONICAL,
    /** The anchor receipt, its transaction or milestone belong to another network. */
    WRONG_NETWORK,
    /** A compact anchor receipt names its milestone by index only and none is held. */
    MILESTONE_NOT_HELD,
    /** The anchor's milestone fails a protocol rule. */
    MILESTONE_INVALID,
    /** The anchor's milestone bytes carry no milestone payload. */
    NOT_A_MILESTONE,
    /** Fewer distinct committee members signed the anchor's milestone than the threshold. */
    BELOW_THRESHOLD,
    /** The anchoring transaction fails a protocol rule. */
    TRANSACTION_INVALID,
    /**
     * The anchoring transaction is not in the milestone's history: the batch is not on the ledger.
     */
    PATH_MISMATCH,
    /** The anchored transaction's data is not a sensor batch record under its gateway's tag. */
    NOT_A_BATCH,
    /**
     * The reading's place is not in that batch: its batch size differs from the record's count, its
     * index is not below it, or its time is outside the record's first-last range.
     */
    BATCH_MISMATCH,
    /**
     * The reading and its path do not lead to the batch record's root: a changed reading or path.
     */
    READING_PATH_MISMATCH,
    /** The reading names a device key whose signature over the reading does not verify. */
    DEVICE_SIGNATURE_INVALID;

    /**
     * The reason for an anchor receipt refused for {@code reason}. A reading receipt never checks a
     * document, so NO_DOCUMENT and FILE_MISMATCH cannot occur; they map to MALFORMED.
     */
    public static Reason of(ReceiptVerdict.Reason reason) {
      return switch (reason) {
        case MALFORMED, NO_DOCUMENT, FILE_MISMATCH -> MALFORMED;
        case UNSUPPORTED_VERSION -> UNSUPPORTED_VERSION;
        case NOT_CANONICAL -> NOT_CANONICAL;
        case WRONG_NETWORK -> WRONG_NETWORK;
        case MILESTONE_NOT_HELD -> MILESTONE_NOT_HELD;
        case MILESTONE_INVALID -> MILESTONE_INVALID;
        case NOT_A_MILESTONE -> NOT_A_MILESTONE;
        case BELOW_THRESHOLD -> BELOW_THRESHOLD;
        case TRANSACTION_INVALID -> TRANSACTION_INVALID;
        case PATH_MISMATCH -> PATH_MISMATCH;
      };
    }
  }

  boolean isVerified();

  /**
   * The receipt proves that {@code reading} is reading {@code receipt.leafIndex()} of the batch
   * {@code batch}, which the gateway's key anchored in {@code batchTransaction}, confirmed no later
   * than milestone {@code milestoneIndex} (at {@code milestoneTimeMs}, the committee's time).
   *
   * @param device whether the reading is signed, and by whom
   * @param gatewayOrganisation who held the gateway's (issuer) key at the milestone, if named
   * @param anchor the anchoring receipt's own verdict
   */
  record Verified(
      ReadingReceipt receipt,
      SensorReading reading,
      DeviceIdentity device,
      SensorBatchRecord batch,
      Transaction batchTransaction,
      Optional<String> gatewayOrganisation,
      int milestoneIndex,
      long milestoneTimeMs,
      ReceiptVerdict.Verified anchor)
      implements ReadingReceiptVerdict {

    public Verified {
      Objects.requireNonNull(receipt, "receipt");
      Objects.requireNonNull(reading, "reading");
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(batch, "batch");
      Objects.requireNonNull(batchTransaction, "batchTransaction");
      Objects.requireNonNull(gatewayOrganisation, "gatewayOrganisation");
      Objects.requireNonNull(anchor, "anchor");
    }

    @Override
    public boolean isVerified() {
      return true;
    }
  }

  /** The receipt proves nothing; {@code message} says which check failed and where. */
  record Refused(Reason reason, String message) implements ReadingReceiptVerdict {

    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public boolean isVerified() {
      return false;
    }
  }
}
