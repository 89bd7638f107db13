package org.tanglenode.storage.schema;

import org.tanglenode.protocol.TransactionId;

/** A transaction id as its 32 bytes: the key of transactions, metadata, tips, entry points. */
public final class TransactionIdCodec implements Codec<TransactionId> {

  @Override
  public byte[] encode(TransactionId id) {
    return id.bytes();
  }

  @Override
  public TransactionId decode(byte[] bytes) {
    if (bytes.length != TransactionId.SIZE) {
      throw CorruptValueException.length("a transaction id", TransactionId.SIZE, bytes.length);
    }
    return new TransactionId(bytes);
  }
}
