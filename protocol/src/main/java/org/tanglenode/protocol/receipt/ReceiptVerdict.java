package org.tanglenode.protocol.receipt;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.record.DocumentHash;
import org.tanglenode.protocol.record.Record;

/** The outcome of verifying a receipt: what it proves, or why it proves nothing. */
public sealed interface ReceiptVerdict {

  /**
   * Why a receipt was refused. The names are stable: the CLI prints them and docs/receipts.md lists
   * the check behind each.
   */
  enum Reason {
    /** Not a receipt file: not JSON, a key missing or unknown, a value of the wrong type. */
    MALFORMED,
    /** A receipt format version this verifier does not read. */
    UNSUPPORTED_VERSION,
    /** Parses, but is not byte for byte the one encoding of what it holds. */
    NOT_CANONICAL,
    /** The receipt, its transaction or its milestone belong to another network. */
    WRONG_NETWORK,
    /**
     * A compact receipt names its milestone by index only, and the verifier holds no milestone of
     * that index.
     */
    MILESTONE_NOT_HELD,
    /** The milestone fails a protocol rule (encoding, structure, proof of work, a signature). */
    MILESTONE_INVALID,
    /** The milestone's bytes are a valid transaction without a milestone payload. */
    NOT_A_MILESTONE,
    /** Fewer distinct committee members signed the milestone than the threshold. */
    BELOW_THRESHOLD,
    /** The transaction fails a protocol rule (encoding, structure, proof of work, a signature). */
    TRANSACTION_INVALID,
    /** The path does not lead from the transaction's id to the milestone's history root. */
    PATH_MISMATCH,
    /** The transaction names no document, so there is nothing to compare a file with. */
    NO_DOCUMENT,
    /** The file's size, SHA-256 or BLAKE2b-256 differ from every document the record names. */
    FILE_MISMATCH
  }

  boolean isVerified();

  /**
   * The receipt proves that {@code transaction} was confirmed no later than {@code milestone},
   * which the committee members {@code signers} signed.
   *
   * @param issuerOrganisation who held the issuer's key at the milestone, if the trust root names
   *     the key
   * @param record the record the transaction's data carries, if it carries one
   * @param file the document named by the record that the file given matched, if one was given
   */
  record Verified(
      Receipt receipt,
      Transaction transaction,
      Transaction milestone,
      Payload.Milestone commitments,
      List<Ed25519PublicKey> signers,
      Optional<String> issuerOrganisation,
      Optional<Record> record,
      Optional<DocumentHash> file)
      implements ReceiptVerdict {

    public Verified {
      Objects.requireNonNull(receipt, "receipt");
      Objects.requireNonNull(transaction, "transaction");
      Objects.requireNonNull(milestone, "milestone");
      Objects.requireNonNull(commitments, "commitments");
      signers = List.copyOf(signers);
      Objects.requireNonNull(issuerOrganisation, "issuerOrganisation");
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(file, "file");
    }

    /** The same verdict, with the document the file matched. */
    Verified withFile(DocumentHash document) {
      return new Verified(
          receipt,
          transaction,
          milestone,
          commitments,
          signers,
          issuerOrganisation,
          record,
          Optional.of(document));
    }

    @Override
    public boolean isVerified() {
      return true;
    }
  }

  /** The receipt proves nothing; {@code message} says which check failed and where. */
  record Refused(Reason reason, String message) implements ReceiptVerdict {

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
