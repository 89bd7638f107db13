package org.tanglenode.storage.schema;

import java.util.Arrays;
import org.tanglenode.protocol.TransactionId;

/** parent id(32) | child id(32). */
public final class ApproverKeyCodec implements Codec<ApproverKey> {

  public static final int SIZE = 2 * TransactionId.SIZE;

  @Override
  public byte[] encode(ApproverKey key) {
    byte[] out = new byte[SIZE];
    key.parent().copyTo(out, 0);
    key.child().copyTo(out, TransactionId.SIZE);
    return out;
  }

  @Override
  public ApproverKey decode(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw CorruptValueException.length("an approver key", SIZE, bytes.length);
    }
    return new ApproverKey(
        new TransactionId(Arrays.copyOfRange(bytes, 0, TransactionId.SIZE)),
        new TransactionId(Arrays.copyOfRange(bytes, TransactionId.SIZE, SIZE)));
  }

  /** The prefix every approver key of {@code parent} starts with. */
  public byte[] prefix(TransactionId parent) {
    return parent.bytes();
  }
}
