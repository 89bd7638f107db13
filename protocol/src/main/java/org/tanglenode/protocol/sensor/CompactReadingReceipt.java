package org.tanglenode.protocol.sensor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tanglenode.protocol.receipt.CompactReceipt;
import org.tanglenode.protocol.sensor.ReadingReceiptVerdict.Reason;

/**
 * The compact reading receipt of docs/sensors.md: the same statement as the file, in binary, for a
 * QR code on a shipment label. The reading in its canonical bytes, its index, the batch size and
 * path, then the anchor's compact receipt ({@link CompactReceipt}, with its milestone or naming it
 * by index) up to the last byte. Fixed widths and canonical parts: one encoding per receipt.
 */
public final class CompactReadingReceipt {

  /** "TRR": tangle reading receipt. A compact anchor receipt starts "TRC", a file with '{'. */
  private static final byte[] MAGIC = "TRR".getBytes(StandardCharsets.US_ASCII);

  public static final int VERSION = 1;

  /** The largest compact reading receipt read. */
  public static final int MAX_BYTES =
      MAGIC.length
          + 1
          + 2
          + SensorReading.MAX_BYTES
          + 4
          + 4
          + 1
          + 32 * ReadingReceipt.MAX_PATH
          + CompactReceipt.MAX_BYTES;

  /**
   * A compact reading receipt as read, before any check. {@code anchor} is the compact receipt of
   * the batch transaction, to be verified by {@code ReceiptVerifier.verifyCompact}.
   */
  public record Decoded(
      SensorReading reading, long leafIndex, long batchSize, List<byte[]> path, byte[] anchor) {
    public Decoded {
      Objects.requireNonNull(reading, "reading");
      path = path.stream().map(byte[]::clone).toList();
      anchor = anchor.clone();
    }

    @Override
    public List<byte[]> path() {
      return path.stream().map(byte[]::clone).toList();
    }

    @Override
    public byte[] anchor() {
      return anchor.clone();
    }
  }

  private CompactReadingReceipt() {}

  public static boolean looksCompact(byte[] bytes) {
    return bytes.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC);
  }

  /** The compact form of {@code receipt}, its anchor with the milestone (kind 1). */
  public static byte[] encode(ReadingReceipt receipt) {
    return encode(receipt, CompactReceipt.encode(receipt.anchor()));
  }

  /** The compact form whose anchor names its milestone by index only (kind 2): smaller. */
  public static byte[] encodeWithoutMilestone(ReadingReceipt receipt) {
    return encode(receipt, CompactReceipt.encodeWithoutMilestone(receipt.anchor()));
  }

  private static byte[] encode(ReadingReceipt receipt, byte[] anchor) {
    if (receipt.leafIndex() > Integer.MAX_VALUE || receipt.batchSize() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a compact reading receipt holds batches below 2^31");
    }
    byte[] reading = receipt.reading().encode();
    List<byte[]> path = receipt.path();
    ByteBuffer out =
        ByteBuffer.allocate(
            MAGIC.length + 1 + 2 + reading.length + 4 + 4 + 1 + 32 * path.size() + anchor.length);
    out.put(MAGIC).put((byte) VERSION);
    out.putShort((short) reading.length).put(reading);
    out.putInt((int) receipt.leafIndex()).putInt((int) receipt.batchSize());
    out.put((byte) path.size());
    path.forEach(out::put);
    out.put(anchor);
    return out.array();
  }

  /**
   * Reads the layout; the reading must be in its canonical form. The anchor's own layout is read by
   * the verifier.
   *
   * @throws ReadingReceiptFormatException MALFORMED naming the field, or UNSUPPORTED_VERSION
   */
  public static Decoded decode(byte[] bytes) throws ReadingReceiptFormatException {
    if (bytes.length > MAX_BYTES) {
      throw malformed(bytes.length + " bytes, a compact reading receipt has at most " + MAX_BYTES);
    }
    if (!looksCompact(bytes)) {
      throw malformed("a compact reading receipt starts with the bytes 54 52 52 (\"TRR\")");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    in.position(MAGIC.length);
    need(in, 1, "version");
    int version = in.get() & 0xff;
    if (version != VERSION) {
      throw new ReadingReceiptFormatException(
          Reason.UNSUPPORTED_VERSION,
          "compact reading receipt version " + version + ", this verifier reads " + VERSION);
    }
    need(in, 2, "reading length");
    int readingLength = in.getShort() & 0xffff;
    if (readingLength == 0 || readingLength > SensorReading.MAX_BYTES) {
      throw malformed("reading length: 1 to " + SensorReading.MAX_BYTES);
    }
    need(in, readingLength, "reading");
    byte[] readingBytes = new byte[readingLength];
    in.get(readingBytes);
    SensorReading reading;
    try {
      reading = SensorReading.parse(readingBytes);
    } catch (SensorFormatException e) {
      throw new ReadingReceiptFormatException(
          e.reason() == SensorFormatException.Reason.NOT_CANONICAL
              ? Reason.NOT_CANONICAL
              : Reason.MALFORMED,
          "reading: " + e.getMessage());
    }
    need(in, 4 + 4 + 1, "leaf index, batch size and path length");
    int leafIndex = in.getInt();
    int batchSize = in.getInt();
    if (leafIndex < 0 || batchSize < 1) {
      throw malformed("leaf index 0 to 2^31 - 1, batch size 1 to 2^31 - 1");
    }
    int pathLength = in.get() & 0xff;
    if (pathLength > ReadingReceipt.MAX_PATH) {
      throw malformed("path length: at most " + ReadingReceipt.MAX_PATH);
    }
    need(in, 32 * pathLength, "path");
    List<byte[]> path = new ArrayList<>(pathLength);
    for (int i = 0; i < pathLength; i++) {
      byte[] hash = new byte[32];
      in.get(hash);
      path.add(hash);
    }
    byte[] anchor = new byte[in.remaining()];
    in.get(anchor);
    if (!CompactReceipt.looksCompact(anchor)) {
      throw malformed("anchor: a compact receipt (54 52 43, \"TRC\") follows the path");
    }
    return new Decoded(reading, leafIndex, batchSize, path, anchor);
  }

  private static void need(ByteBuffer in, int n, String what) throws ReadingReceiptFormatException {
    if (in.remaining() < n) {
      throw malformed(what + ": the receipt ends early");
    }
  }

  private static ReadingReceiptFormatException malformed(String message) {
    return new ReadingReceiptFormatException(Reason.MALFORMED, message);
  }
}
