package org.tanglenode.storage.schema;

/** A non-negative int as 4 bytes big-endian: milestone indexes (keys and values), the version. */
public final class UInt32Codec implements Codec<Integer> {

  @Override
  public byte[] encode(Integer value) {
    if (value < 0) {
      throw new IllegalArgumentException("must not be negative: " + value);
    }
    byte[] out = new byte[4];
    BigEndian.putInt(out, 0, value);
    return out;
  }

  @Override
  public Integer decode(byte[] bytes) {
    if (bytes.length != 4) {
      throw CorruptValueException.length("a uint32", 4, bytes.length);
    }
    int value = BigEndian.getInt(bytes, 0);
    if (value < 0) {
      throw new CorruptValueException(
          "a uint32 above 2^31-1 is not used: " + (value & 0xffffffffL));
    }
    return value;
  }
}
