package org.tanglenode.storage.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tanglenode.protocol.Output;

/**
 * An output: format(1) = 1 | amount(8) | timelock ms(8) | threshold(1) | address count(1) |
 * addresses(32 each).
 */
public final class OutputCodec implements Codec<Output> {

  private static final byte FORMAT = 1;
  private static final int HEADER = 1 + 8 + 8 + 1 + 1;

  @Override
  public byte[] encode(Output output) {
    List<byte[]> addresses = output.addresses();
    if (addresses.size() > 255) {
      throw new IllegalArgumentException("at most 255 addresses");
    }
    byte[] out = new byte[HEADER + 32 * addresses.size()];
    out[0] = FORMAT;
    BigEndian.putLong(out, 1, output.amount());
    BigEndian.putLong(out, 9, output.timelockMs());
    out[17] = (byte) output.threshold();
    out[18] = (byte) addresses.size();
    for (int i = 0; i < addresses.size(); i++) {
      System.arraycopy(addresses.get(i), 0, out, HEADER + 32 * i, 32);
    }
    return out;
  }

  @Override
  public Output decode(byte[] bytes) {
    if (bytes.length < HEADER || bytes[0] != FORMAT) {
      throw new CorruptValueException("not an output of format 1");
    }
    int count = bytes[18] & 0xff;
    if (bytes.length != HEADER + 32 * count) {
      throw CorruptValueException.length(
          "an output with " + count + " addresses", HEADER + 32 * count, bytes.length);
    }
    List<byte[]> addresses = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      addresses.add(Arrays.copyOfRange(bytes, HEADER + 32 * i, HEADER + 32 * (i + 1)));
    }
    try {
      return new Output(
          BigEndian.getLong(bytes, 1), addresses, bytes[17] & 0xff, BigEndian.getLong(bytes, 9));
    } catch (IllegalArgumentException e) {
      throw new CorruptValueException("invalid output: " + e.getMessage());
    }
  }
}
