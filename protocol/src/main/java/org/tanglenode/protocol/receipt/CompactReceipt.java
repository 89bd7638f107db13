package org.tanglenode.protocol.receipt;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.NetworkId;
import org.tanglenode.protocol.receipt.ReceiptVerdict.Reason;

/**
 * The compact receipt of docs/receipts.md section 8: the same statement as a {@link ReceiptFile},
 * in binary with fixed-width fields, small enough for one QR code. Either it carries the milestone
 * ({@link Kind#WITH_MILESTONE}) or only the milestone's index ({@link Kind#MILESTONE_INDEX}) for a
 * verifier that already holds that milestone. Every field has a fixed width or a length prefix and
 * nothing may follow the last field, so there is exactly one encoding of each compact receipt.
 */
public final class CompactReceipt {

  /** "TRC": tells a compact receipt from a receipt file, whose first byte is '{'. */
  static final byte[] MAGIC = {0x54, 0x52, 0x43};

  /** The only compact format version so far. */
  public static final int VERSION = 1;

  /** Length prefixes are two bytes: no transaction or milestone in a compact receipt is longer. */
  public static final int MAX_PART_BYTES = 0xffff;

  /** The largest compact receipt: both parts at their longest and 64 path hashes. */
  public static final int MAX_BYTES = 3 + 1 + 1 + 32 + 8 + 1 + 64 * 32 + 2 * (2 + MAX_PART_BYTES);

  /** What stands in the kind byte. */
  public enum Kind {
    /** The milestone's bytes follow the transaction. */
    WITH_MILESTONE(0x01),
    /** Only the milestone's index follows: the verifier holds the milestone. */
    MILESTONE_INDEX(0x02);

    final int code;

    Kind(int code) {
      this.code = code;
    }
  }

  /**
   * A decoded compact receipt. {@code milestone} is empty for {@link Kind#MILESTONE_INDEX}, whose
   * {@code milestoneIndex} then names the milestone the verifier must supply.
   */
  public record Decoded(
      Kind kind,
      NetworkId network,
      long leafIndex,
      List<byte[]> path,
      byte[] transaction,
      byte[] milestone,
      int milestoneIndex) {

    public Decoded {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(network, "network");
      path = path.stream().map(byte[]::clone).toList();
      transaction = transaction.clone();
      milestone = milestone == null ? null : milestone.clone();
    }

    /** The receipt this states, with {@code milestoneBytes} as its milestone. */
    public Receipt withMilestone(byte[] milestoneBytes) {
      return new Receipt(Receipt.VERSION, network, transaction, milestoneBytes, leafIndex, path);
    }

    /** The receipt this states; only for {@link Kind#WITH_MILESTONE}. */
    public Receipt receipt() {
      if (kind != Kind.WITH_MILESTONE) {
        throw new IllegalStateException("a compact receipt without its milestone");
      }
      return withMilestone(milestone);
    }
  }

  private CompactReceipt() {}

  /** Whether {@code bytes} start as a compact receipt does (and so are not a receipt file). */
  public static boolean looksCompact(byte[] bytes) {
    return bytes.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC);
  }

  /**
   * The compact receipt of {@code receipt}, milestone included.
   *
   * @throws IllegalArgumentException if the transaction or milestone is longer than {@link
   *     #MAX_PART_BYTES}
   */
  public static byte[] encode(Receipt receipt) {
    return encode(receipt, Kind.WITH_MILESTONE);
  }

  /**
   * The compact receipt of {@code receipt} that names its milestone by index only.
   *
   * @throws IllegalArgumentException if the milestone bytes are not a milestone, or a part is
   *     longer than {@link #MAX_PART_BYTES}
   */
  public static byte[] encodeWithoutMilestone(Receipt receipt) {
    return encode(receipt, Kind.MILESTONE_INDEX);
  }

  private static byte[] encode(Receipt receipt, Kind kind) {
    byte[] tx = receipt.transaction();
    byte[] milestone = receipt.milestone();
    checkPart("transaction", tx);
    checkPart("milestone", milestone);
    List<byte[]> path = receipt.path();
    int size =
        MAGIC.length
            + 2
            + NetworkId.SIZE
            + 8
            + 1
            + 32 * path.size()
            + 2
            + tx.length
            + (kind == Kind.WITH_MILESTONE ? 2 + milestone.length : 4);
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(MAGIC).put((byte) VERSION).put((byte) kind.code);
    out.put(receipt.network().bytes());
    out.putLong(receipt.leafIndex());
    out.put((byte) path.size());
    path.forEach(out::put);
    out.putShort((short) tx.length).put(tx);
    if (kind == Kind.WITH_MILESTONE) {
      out.putShort((short) milestone.length).put(milestone);
    } else {
      out.putInt(milestoneIndex(milestone));
    }
    return out.array();
  }

  private static void checkPart(String what, byte[] bytes) {
    if (bytes.length > MAX_PART_BYTES) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " has "
              + bytes.length
              + " bytes, a compact receipt holds at most "
              + MAX_PART_BYTES);
    }
  }

  private static int milestoneIndex(byte[] milestone) {
    ValidationResult decoded = new TransactionDecoder(MAX_PART_BYTES).decode(milestone);
    if (decoded instanceof ValidationResult.Valid valid
        && valid.transaction().payload() instanceof Payload.Milestone payload) {
      return payload.index();
    }
    throw new IllegalArgumentException("the receipt's milestone bytes are not a milestone");
  }

  /**
   * Reads a compact receipt. Nothing in it is checked beyond its layout; the verifier does the
   * rest.
   *
   * @throws ReceiptFormatException {@link Reason#MALFORMED} naming the field at fault, or {@link
   *     Reason#UNSUPPORTED_VERSION}
   */
  public static Decoded decode(byte[] bytes) throws ReceiptFormatException {
    if (bytes.length > MAX_BYTES) {
      throw malformed(bytes.length + " bytes, a compact receipt has at most " + MAX_BYTES);
    }
    if (!looksCompact(bytes)) {
      throw malformed("a compact receipt starts with the bytes 54 52 43 (\"TRC\")");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    in.position(MAGIC.length);
    need(in, 2, "version and kind");
    int version = in.get() & 0xff;
    if (version != VERSION) {
      throw new ReceiptFormatException(
          Reason.UNSUPPORTED_VERSION,
          "compact receipt version " + version + ", this verifier reads " + VERSION);
    }
    int kindCode = in.get() & 0xff;
    Kind kind =
        Arrays.stream(Kind.values())
            .filter(k -> k.code == kindCode)
            .findFirst()
            .orElseThrow(
                () ->
                    malformed("kind: 1 (with milestone) or 2 (milestone index), not " + kindCode));
    need(in, NetworkId.SIZE + 8 + 1, "network, leaf index and path length");
    byte[] network = new byte[NetworkId.SIZE];
    in.get(network);
    long leafIndex = in.getLong();
    if (leafIndex < 0) {
      throw malformed("leaf index: at most 2^63 - 1");
    }
    int pathLength = in.get() & 0xff;
    if (pathLength > Receipt.MAX_PATH) {
      throw malformed("path: at most " + Receipt.MAX_PATH + " hashes, not " + pathLength);
    }
    need(in, 32 * pathLength, "path");
    List<byte[]> path = new ArrayList<>(pathLength);
    for (int i = 0; i < pathLength; i++) {
      byte[] hash = new byte[32];
      in.get(hash);
      path.add(hash);
    }
    byte[] transaction = part(in, "transaction");
    byte[] milestone = null;
    int milestoneIndex;
    if (kind == Kind.WITH_MILESTONE) {
      milestone = part(in, "milestone");
      milestoneIndex = -1;
    } else {
      need(in, 4, "milestone index");
      milestoneIndex = in.getInt();
      if (milestoneIndex < 1) {
        throw malformed("milestone index: from 1 to 2^31 - 1, not " + milestoneIndex);
      }
    }
    if (in.hasRemaining()) {
      throw malformed(in.remaining() + " bytes after the last field");
    }
    return new Decoded(
        kind, new NetworkId(network), leafIndex, path, transaction, milestone, milestoneIndex);
  }

  private static byte[] part(ByteBuffer in, String what) throws ReceiptFormatException {
    need(in, 2, what + " length");
    int length = in.getShort() & 0xffff;
    if (length == 0) {
      throw malformed(what + ": empty");
    }
    need(in, length, what);
    byte[] bytes = new byte[length];
    in.get(bytes);
    return bytes;
  }

  private static void need(ByteBuffer in, int bytes, String what) throws ReceiptFormatException {
    if (in.remaining() < bytes) {
      throw malformed(
          what + ": needs " + bytes + " more bytes, the compact receipt ends after " + in.limit());
    }
  }

  private static ReceiptFormatException malformed(String message) {
    return new ReceiptFormatException(Reason.MALFORMED, message);
  }
}
