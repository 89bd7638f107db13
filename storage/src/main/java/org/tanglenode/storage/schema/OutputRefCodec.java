package org.tanglenode.storage.schema;

import java.util.Arrays;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.TransactionId;

/** An output id: creating transaction id(32) | output index(2). */
public final class OutputRefCodec implements Codec<OutputRef> {

  public static final int SIZE = TransactionId.SIZE + 2;

  @Override
  public byte[] encode(OutputRef ref) {
    if (ref.index() > 0xffff) {
      throw new IllegalArgumentException("an output index fits in 2 bytes: " + ref.index());
    }
    byte[] out = new byte[SIZE];
    write(ref, out, 0);
    return out;
  }

  /** Writes the {@value #SIZE} bytes of {@code ref} into {@code target} at {@code offset}. */
  void write(OutputRef ref, byte[] target, int offset) {
    ref.transactionId().copyTo(target, offset);
    target[offset + TransactionId.SIZE] = (byte) (ref.index() >>> 8);
    target[offset + TransactionId.SIZE + 1] = (byte) ref.index();
  }

  @Override
  public OutputRef decode(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw CorruptValueException.length("an output id", SIZE, bytes.length);
    }
    return read(bytes, 0);
  }

  OutputRef read(byte[] source, int offset) {
    return new OutputRef(
        new TransactionId(Arrays.copyOfRange(source, offset, offset + TransactionId.SIZE)),
        (source[offset + TransactionId.SIZE] & 0xff) << 8
            | source[offset + TransactionId.SIZE + 1] & 0xff);
  }
}
