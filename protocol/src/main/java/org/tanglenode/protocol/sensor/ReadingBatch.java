package org.tanglenode.protocol.sensor;

import java.util.List;
import java.util.Objects;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.receipt.Receipt;
import org.tanglenode.protocol.record.SensorBatchRecord;

/**
 * One batch of readings as a gateway closes it: the readings in arrival order, their tree, the
 * batch record to anchor, and the reading receipts once the anchor's receipt exists. Immutable.
 */
public final class ReadingBatch {

  private final String gateway;
  private final List<SensorReading> readings;
  private final BatchTree tree;
  private final SensorBatchRecord record;

  private ReadingBatch(
      String gateway, List<SensorReading> readings, BatchTree tree, SensorBatchRecord record) {
    this.gateway = gateway;
    this.readings = readings;
    this.tree = tree;
    this.record = record;
  }

  /**
   * The batch of {@code readings}, in the order given (arrival order), by gateway {@code gateway}.
   *
   * @throws IllegalArgumentException for no readings, more than {@link BatchTree#MAX_LEAVES}, or a
   *     gateway id a batch record does not allow
   */
  public static ReadingBatch of(String gateway, List<SensorReading> readings) {
    Objects.requireNonNull(gateway, "gateway");
    List<SensorReading> copy = List.copyOf(readings);
    BatchTree tree = BatchTree.ofReadings(copy);
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (SensorReading reading : copy) {
      first = Math.min(first, reading.timeMs());
      last = Math.max(last, reading.timeMs());
    }
    return new ReadingBatch(
        gateway, copy, tree, new SensorBatchRecord(gateway, tree.root(), copy.size(), first, last));
  }

  public String gateway() {
    return gateway;
  }

  public List<SensorReading> readings() {
    return readings;
  }

  public int size() {
    return readings.size();
  }

  public BatchTree tree() {
    return tree;
  }

  /** The record to put in the anchoring transaction's data payload ({@code Records.encode}). */
  public SensorBatchRecord record() {
    return record;
  }

  /** The tag to anchor the record under: {@code sensors:<gateway>}. */
  public Tag tag() {
    return record.tag();
  }

  /**
   * The receipt of reading {@code index}, given the receipt of the transaction that anchored it.
   */
  public ReadingReceipt receipt(int index, Receipt anchor) {
    return new ReadingReceipt(
        readings.get(index), index, readings.size(), tree.path(index), anchor);
  }
}
