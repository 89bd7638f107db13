package org.tanglenode.storage.schema;

import java.util.Arrays;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.SpentOutput;

/**
 * The value of {@link Column#SPENT_OUTPUTS}: spending transaction id(32) | milestone index(4) | the
 * output ({@link OutputCodec}). The key is the output id ({@link OutputRefCodec}).
 */
public final class SpentOutputCodec {

  private final OutputCodec outputs = new OutputCodec();

  public byte[] encodeValue(SpentOutput spent) {
    byte[] output = outputs.encode(spent.output());
    byte[] out = new byte[TransactionId.SIZE + 4 + output.length];
    spent.spender().copyTo(out, 0);
    BigEndian.putInt(out, TransactionId.SIZE, spent.milestoneIndex());
    System.arraycopy(output, 0, out, TransactionId.SIZE + 4, output.length);
    return out;
  }

  public SpentOutput decode(OutputRef ref, byte[] value) {
    if (value.length < TransactionId.SIZE + 4) {
      throw new CorruptValueException("a spent output value is too short: " + value.length);
    }
    try {
      return new SpentOutput(
          ref,
          outputs.decode(Arrays.copyOfRange(value, TransactionId.SIZE + 4, value.length)),
          new TransactionId(Arrays.copyOf(value, TransactionId.SIZE)),
          BigEndian.getInt(value, TransactionId.SIZE));
    } catch (IllegalArgumentException e) {
      throw new CorruptValueException("invalid spent output: " + e.getMessage());
    }
  }
}
