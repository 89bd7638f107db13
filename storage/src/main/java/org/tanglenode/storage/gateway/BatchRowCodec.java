package org.tanglenode.storage.gateway;

import java.nio.ByteBuffer;

/**
 * A batch row's value: version(1) = 1 | count(4) | state(1) | milestone(4) | closed at ms(8) |
 * root(32) | transaction length(4) | transaction bytes. The first sequence is the key.
 */
final class BatchRowCodec {

  private static final int VERSION = 1;
  private static final int FIXED = 1 + 4 + 1 + 4 + 8 + 32 + 4;

  byte[] encode(BatchRow row) {
    byte[] tx = row.transaction();
    return ByteBuffer.allocate(FIXED + tx.length)
        .put((byte) VERSION)
        .putInt(row.count())
        .put((byte) row.state().code())
        .putInt(row.milestone())
        .putLong(row.closedAtMillis())
        .put(row.root())
        .putInt(tx.length)
        .put(tx)
        .array();
  }

  BatchRow decode(long firstSequence, byte[] value) {
    if (value.length < FIXED || value[0] != VERSION) {
      throw new GatewayStoreException("damaged batch row at sequence " + firstSequence);
    }
    ByteBuffer in = ByteBuffer.wrap(value, 1, value.length - 1);
    int count = in.getInt();
    BatchState state = BatchState.of(in.get());
    int milestone = in.getInt();
    long closedAt = in.getLong();
    byte[] root = new byte[32];
    in.get(root);
    int length = in.getInt();
    if (length != in.remaining()) {
      throw new GatewayStoreException("damaged batch row at sequence " + firstSequence);
    }
    byte[] tx = new byte[length];
    in.get(tx);
    return new BatchRow(firstSequence, count, root, closedAt, state, milestone, tx);
  }

  static byte[] key(long sequence) {
    return ByteBuffer.allocate(8).putLong(sequence).array();
  }

  static long sequence(byte[] key) {
    if (key.length != 8) {
      throw new GatewayStoreException("a sequence key has 8 bytes, not " + key.length);
    }
    return ByteBuffer.wrap(key).getLong();
  }
}
