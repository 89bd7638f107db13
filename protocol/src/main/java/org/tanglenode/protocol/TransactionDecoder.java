package org.tanglenode.protocol;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tanglenode.crypto.hash.Blake2b256;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.crypto.sign.Ed25519Signature;
import org.tanglenode.protocol.ValidationResult.Invalid;
import org.tanglenode.protocol.ValidationResult.Valid;
import org.tanglenode.protocol.proto.Essence;
import org.tanglenode.protocol.proto.TransferPayload;
import org.tanglenode.protocol.proto.TrustUpdatePayload;

/**
 * Turns bytes into a {@link Transaction}: size check, protobuf decode, canonical-encoding check
 * (decode without unknown fields, re-encode, compare), and the field lengths and payload shapes the
 * domain types need. Cheap and allocation-light: this runs before anything else on every byte
 * string a peer or client sends. Thread-safe.
 */
public final class TransactionDecoder {

  private final int maxTransactionBytes;

  public TransactionDecoder(int maxTransactionBytes) {
    if (maxTransactionBytes <= 0) {
      throw new IllegalArgumentException("maxTransactionBytes must be positive");
    }
    this.maxTransactionBytes = maxTransactionBytes;
  }

  /** {@link Valid} with the decoded transaction, or {@link Invalid} with why it is not one. */
  public ValidationResult decode(byte[] bytes) {
    return decode(bytes, null);
  }

  /**
   * As {@link #decode(byte[])}, for a caller that has hashed the bytes already (gossip hashes a
   * frame for its seen filter): {@code id} must be {@link TransactionId#of} these very bytes, and
   * is taken as the id instead of hashing them a second time.
   */
  public ValidationResult decode(byte[] bytes, TransactionId id) {
    if (bytes.length > maxTransactionBytes) {
      return ValidationResult.invalid(
          RejectReason.TOO_LARGE, bytes.length + " bytes, the limit is " + maxTransactionBytes);
    }
    org.tanglenode.protocol.proto.Transaction message;
    try {
      message = org.tanglenode.protocol.proto.Transaction.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      return ValidationResult.invalid(RejectReason.UNDECODABLE, e.getMessage());
    }
    if (!message.hasEssence()) {
      return ValidationResult.invalid(RejectReason.UNDECODABLE, "no essence");
    }
    if (hasUnknownFields(message)) {
      return ValidationResult.invalid(RejectReason.NON_CANONICAL, "unknown fields");
    }
    if (!Arrays.equals(message.toByteArray(), bytes)) {
      return ValidationResult.invalid(
          RejectReason.NON_CANONICAL, "re-encoding the decoded transaction gives other bytes");
    }
    return toDomain(bytes, id, message);
  }

  /**
   * Decodes bytes this node checked before it stored them, under their stored {@code id}: no size,
   * unknown-field or canonical-encoding check and no id hash, since the bytes passed {@link
   * #decode} on the way in and are kept exactly as received. {@link Invalid} means the bytes are
   * not what was stored (a damaged database); the caller decides what that means for it.
   */
  public static ValidationResult decodeStored(byte[] bytes, TransactionId id) {
    Objects.requireNonNull(id, "id");
    org.tanglenode.protocol.proto.Transaction message;
    try {
      message = org.tanglenode.protocol.proto.Transaction.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      return ValidationResult.invalid(RejectReason.UNDECODABLE, e.getMessage());
    }
    if (!message.hasEssence()) {
      return ValidationResult.invalid(RejectReason.UNDECODABLE, "no essence");
    }
    return toDomain(bytes, id, message, false);
  }

  /** {@code id}: the bytes' id if the caller knows it, else null (hashed here). */
  private static ValidationResult toDomain(
      byte[] bytes, TransactionId id, org.tanglenode.protocol.proto.Transaction message) {
    return toDomain(bytes, id, message, true);
  }

  /** {@code digestNow}: hash the essence here, else when the transaction is first asked for it. */
  private static ValidationResult toDomain(
      byte[] bytes,
      TransactionId id,
      org.tanglenode.protocol.proto.Transaction message,
      boolean digestNow) {
    Essence essence = message.getEssence();
    List<TransactionId> parents = new ArrayList<>(essence.getParentsCount());
    for (ByteString parent : essence.getParentsList()) {
      if (parent.size() != TransactionId.SIZE) {
        return malformed("a parent id has " + parent.size() + " bytes, not 32");
      }
      parents.add(new TransactionId(parent.toByteArray()));
    }
    if (essence.getIssuer().size() != Ed25519PublicKey.SIZE) {
      return malformed("the issuer key has " + essence.getIssuer().size() + " bytes, not 32");
    }
    if (message.getSignature().size() != Ed25519Signature.SIZE) {
      return malformed("the signature has " + message.getSignature().size() + " bytes, not 64");
    }
    List<Cosignature> cosignatures = new ArrayList<>(message.getCosignaturesCount());
    for (org.tanglenode.protocol.proto.Signature cosignature : message.getCosignaturesList()) {
      if (cosignature.getPublicKey().size() != Ed25519PublicKey.SIZE
          || cosignature.getSignature().size() != Ed25519Signature.SIZE) {
        return malformed("a cosignature needs a 32-byte key and a 64-byte signature");
      }
      cosignatures.add(
          new Cosignature(
              new Ed25519PublicKey(cosignature.getPublicKey().toByteArray()),
              new Ed25519Signature(cosignature.getSignature().toByteArray())));
    }
    Payload payload;
    try {
      payload = PayloadCodec.decode(essence);
    } catch (PayloadCodec.PayloadException e) {
      return ValidationResult.invalid(e.reason(), e.getMessage());
    }
    return new Valid(
        new Transaction(
            bytes,
            id != null ? id : TransactionId.of(bytes),
            digestNow ? essenceDigest(bytes) : null,
            essence.getNetwork(),
            essence.getVersion(),
            List.copyOf(parents),
            new Ed25519PublicKey(essence.getIssuer().toByteArray()),
            essence.getTimestampMs(),
            payload,
            message.getNonce(),
            new Ed25519Signature(message.getSignature().toByteArray()),
            List.copyOf(cosignatures)));
  }

  /**
   * The digest of the essence's bytes, read in place: in a canonical encoding the essence is field
   * 1 and comes first, a tag byte 0x0a and a varint length ahead of it.
   */
  static byte[] essenceDigest(byte[] bytes) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      in.readTag();
      int length = in.readRawVarint32();
      return Blake2b256.digest(bytes, in.getTotalBytesRead(), length);
    } catch (IOException e) {
      throw new IllegalStateException("a canonical transaction starts with its essence", e);
    }
  }

  /**
   * Whether any message in the tree carries fields this schema does not define. Re-encoding keeps
   * unknown fields, so the byte comparison alone would let them through.
   */
  private static boolean hasUnknownFields(org.tanglenode.protocol.proto.Transaction message) {
    Essence essence = message.getEssence();
    if (unknown(message) || unknown(essence)) {
      return true;
    }
    for (org.tanglenode.protocol.proto.Signature cosignature : message.getCosignaturesList()) {
      if (unknown(cosignature)) {
        return true;
      }
    }
    return switch (essence.getPayloadCase()) {
      case DATA -> unknown(essence.getData());
      case MILESTONE -> unknown(essence.getMilestone());
      case TRUST_UPDATE -> {
        TrustUpdatePayload update = essence.getTrustUpdate();
        yield unknown(update)
            || unknown(update.getCommittee())
            || update.getIssuersList().stream().anyMatch(TransactionDecoder::unknown);
      }
      case TRANSFER -> {
        TransferPayload transfer = essence.getTransfer();
        yield unknown(transfer)
            || transfer.getInputsList().stream().anyMatch(TransactionDecoder::unknown)
            || transfer.getOutputsList().stream().anyMatch(TransactionDecoder::unknown);
      }
      case PAYLOAD_NOT_SET -> false;
    };
  }

  private static boolean unknown(MessageOrBuilder message) {
    return message.getUnknownFields().getSerializedSize() != 0;
  }

  private static Invalid malformed(String detail) {
    return ValidationResult.invalid(RejectReason.MALFORMED_FIELD, detail);
  }
}
