package org.tanglenode.protocol.sensor;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tanglenode.protocol.receipt.Receipt;

/**
 * What a reading receipt states (docs/sensors.md): one reading, its place in a batch, its RFC 9162
 * audit path to the batch root, and the receipt of the transaction that anchored the batch record.
 * A two-level proof: reading to batch root, batch record to milestone. Nothing in it is trusted
 * until {@link ReadingReceiptVerifier} has checked it.
 *
 * @param version the reading receipt format version ({@link #VERSION})
 * @param reading the reading
 * @param leafIndex the reading's position in its batch, in arrival order (0 is the first)
 * @param batchSize how many readings the batch holds; the batch record's {@code count}
 * @param path {@code PATH(leafIndex, D[batchSize])} of the batch tree, the leaf's sibling first
 * @param anchor the receipt of the transaction whose data is the batch record
 */
public record ReadingReceipt(
    int version,
    SensorReading reading,
    long leafIndex,
    long batchSize,
    List<byte[]> path,
    Receipt anchor) {

  /** The only reading receipt format version so far. */
  public static final int VERSION = 1;

  /** The longest path a batch of at most 2^20 readings needs, with room: as for receipts. */
  public static final int MAX_PATH = Receipt.MAX_PATH;

  public ReadingReceipt {
    Objects.requireNonNull(reading, "reading");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(anchor, "anchor");
    if (leafIndex < 0) {
      throw new IllegalArgumentException("leafIndex: not negative");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize: at least 1");
    }
    if (path.size() > MAX_PATH) {
      throw new IllegalArgumentException("path: at most " + MAX_PATH + " hashes");
    }
    path = path.stream().map(byte[]::clone).toList();
  }

  /** A receipt of the current version. */
  public ReadingReceipt(
      SensorReading reading, long leafIndex, long batchSize, List<byte[]> path, Receipt anchor) {
    this(VERSION, reading, leafIndex, batchSize, path, anchor);
  }

  @Override
  public List<byte[]> path() {
    return path.stream().map(byte[]::clone).toList();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ReadingReceipt other)
        || version != other.version
        || leafIndex != other.leafIndex
        || batchSize != other.batchSize
        || !reading.equals(other.reading)
        || !anchor.equals(other.anchor)
        || path.size() != other.path.size()) {
      return false;
    }
    for (int i = 0; i < path.size(); i++) {
      if (!Arrays.equals(path.get(i), other.path.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, reading, leafIndex, batchSize, anchor);
  }

  @Override
  public String toString() {
    return "ReadingReceipt["
        + reading
        + " leaf "
        + leafIndex
        + " of "
        + batchSize
        + ", path "
        + path.size()
        + " hashes, anchor "
        + anchor
        + "]";
  }
}
