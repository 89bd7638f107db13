package org.tanglenode.storage.schema;

/** A non-negative long as 8 bytes big-endian: counters and times in node state. */
public final class UInt64Codec implements Codec<Long> {

  @Override
  public byte[] encode(Long value) {
    if (value < 0) {
      throw new IllegalArgumentException("must not be negative: " + value);
    }
    byte[] out = new byte[8];
    BigEndian.putLong(out, 0, value);
    return out;
  }

  @Override
  public Long decode(byte[] bytes) {
    if (bytes.length != 8) {
      throw CorruptValueException.length("a uint64", 8, bytes.length);
    }
    long value = BigEndian.getLong(bytes, 0);
    if (value < 0) {
      throw new CorruptValueException("a uint64 above 2^63-1 is not used");
    }
    return value;
  }
}
