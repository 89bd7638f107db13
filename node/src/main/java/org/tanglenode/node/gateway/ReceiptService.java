package org.tanglenode.node.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.receipt.Receipt;
import org.tanglenode.protocol.receipt.ReceiptFile;
import org.tanglenode.protocol.receipt.ReceiptFormatException;
import org.tanglenode.protocol.sensor.ReadingBatch;
import org.tanglenode.protocol.sensor.ReadingReceiptFile;
import org.tanglenode.protocol.sensor.SensorFormatException;
import org.tanglenode.protocol.sensor.SensorReading;
import org.tanglenode.storage.gateway.BatchRow;
import org.tanglenode.storage.gateway.GatewayStore;
import org.tanglenode.storage.gateway.Leaf;
import org.tanglenode.storage.gateway.StoredReading;

/**
 * Builds a reading's receipt (docs/sensors.md): finds the reading by its leaf hash, its batch by
 * its sequence number, rebuilds the batch tree from the stored readings for the audit path, and
 * asks the node for the anchoring transaction's receipt. The last few batches and their anchor
 * receipts are kept, since receipts of one batch are usually fetched together.
 */
final class ReceiptService {

  private static final int CACHED_BATCHES = 4;
  private static final int CACHED_ANCHORS = 256;

  private final String gatewayId;
  private final GatewayStore store;
  private final NodeApi node;
  private final Map<Long, ReadingBatch> batches = lru(CACHED_BATCHES);
  private final Map<TransactionId, Receipt> anchors = lru(CACHED_ANCHORS);

  ReceiptService(String gatewayId, GatewayStore store, NodeApi node) {
    this.gatewayId = gatewayId;
    this.store = store;
    this.node = node;
  }

  ReceiptOutcome receipt(Leaf leaf) {
    Optional<Long> sequence = store.sequenceOf(leaf);
    if (sequence.isEmpty()) {
      return new ReceiptOutcome.Missing(
          ReceiptOutcome.Code.UNKNOWN_READING, "no reading " + leaf.toHex() + " is stored here");
    }
    Optional<BatchRow> row = store.batchHolding(sequence.get());
    if (row.isEmpty()) {
      return new ReceiptOutcome.Missing(
          ReceiptOutcome.Code.NOT_BATCHED,
          "reading "
              + sequence.get()
              + " waits for its batch to close; ask again in a few seconds");
    }
    TransactionId tx = TransactionId.of(row.get().transaction());
    Receipt anchor;
    try {
      anchor = anchor(tx);
    } catch (NodeApiException e) {
      if (e.unreachable() || e.status() >= 500) {
        return new ReceiptOutcome.Missing(ReceiptOutcome.Code.NODE_UNREACHABLE, e.getMessage());
      }
      return new ReceiptOutcome.Missing(
          ReceiptOutcome.Code.NOT_CONFIRMED,
          "batch transaction " + tx.toHex() + " is not confirmed yet (" + e.getMessage() + ")");
    }
    ReadingBatch batch = batch(row.get());
    int index = (int) (sequence.get() - row.get().firstSequence());
    return new ReceiptOutcome.Ready(ReadingReceiptFile.encode(batch.receipt(index, anchor)));
  }

  private Receipt anchor(TransactionId tx) {
    synchronized (anchors) {
      Receipt known = anchors.get(tx);
      if (known != null) {
        return known;
      }
    }
    byte[] file = node.getBytes("/api/v1/transactions/" + tx.toHex() + "/receipt");
    Receipt receipt;
    try {
      receipt = ReceiptFile.parse(file);
    } catch (ReceiptFormatException e) {
      throw new NodeApiException(502, "BAD_RECEIPT", "the node's receipt: " + e.getMessage(), e);
    }
    synchronized (anchors) {
      anchors.put(tx, receipt);
    }
    return receipt;
  }

  private ReadingBatch batch(BatchRow row) {
    synchronized (batches) {
      ReadingBatch known = batches.get(row.firstSequence());
      if (known != null) {
        return known;
      }
    }
    List<StoredReading> rows = store.readings(row.firstSequence(), row.count());
    List<SensorReading> readings = new ArrayList<>(rows.size());
    for (StoredReading r : rows) {
      try {
        readings.add(SensorReading.parse(r.canonical()));
      } catch (SensorFormatException e) {
        throw new IllegalStateException("stored reading " + r.sequence() + " is damaged", e);
      }
    }
    ReadingBatch batch = ReadingBatch.of(gatewayId, readings);
    synchronized (batches) {
      batches.put(row.firstSequence(), batch);
    }
    return batch;
  }

  private static <K, V> Map<K, V> lru(int capacity) {
    return new LinkedHashMap<>(capacity, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
