package org.tanglenode.storage;

import java.util.function.Predicate;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.schema.Column;
import org.tanglenode.storage.schema.TransactionIdCodec;

/** Full scans of the database's columns, for tests that check the indexes agree with the data. */
final class StoredKeys {

  private StoredKeys() {}

  /** Visits every stored transaction id in id order until {@code visitor} answers false. */
  static void forEachTransactionId(Storage storage, Predicate<TransactionId> visitor) {
    TransactionIdCodec ids = new TransactionIdCodec();
    storage
        .database()
        .scan(
            Column.TRANSACTIONS,
            new byte[0],
            new byte[0],
            (key, value) -> visitor.test(ids.decode(key)));
  }

  /** Visits every key of {@code column} until {@code visitor} answers false. */
  static void forEachKey(Storage storage, Column column, Predicate<byte[]> visitor) {
    storage.database().scan(column, new byte[0], new byte[0], (key, value) -> visitor.test(key));
  }
}
