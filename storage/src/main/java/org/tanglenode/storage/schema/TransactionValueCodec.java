package org.tanglenode.storage.schema;

import java.util.Arrays;

/**
 * The value of {@link Column#TRANSACTIONS}: arrival ms(8, this node's clock) | the transaction's
 * bytes exactly as received. The arrival time rides along with the bytes so that an insert writes
 * no metadata row; readers strip the 8 bytes and get the received bytes back unchanged.
 */
public final class TransactionValueCodec {

  /** Bytes before the transaction's own bytes. */
  public static final int PREFIX = 8;

  /** The stored value: {@code arrivalMs} then {@code bytes}. */
  public byte[] encode(long arrivalMs, byte[] bytes) {
    if (arrivalMs < 0) {
      throw new IllegalArgumentException("arrival time must not be negative: " + arrivalMs);
    }
    byte[] out = new byte[PREFIX + bytes.length];
    BigEndian.putLong(out, 0, arrivalMs);
    System.arraycopy(bytes, 0, out, PREFIX, bytes.length);
    return out;
  }

  /** When this node stored the transaction. */
  public long arrivalMs(byte[] value) {
    check(value);
    long arrival = BigEndian.getLong(value, 0);
    if (arrival < 0) {
      throw new CorruptValueException("a negative arrival time in a transaction value");
    }
    return arrival;
  }

  /** The transaction's bytes exactly as received. */
  public byte[] bytes(byte[] value) {
    check(value);
    return Arrays.copyOfRange(value, PREFIX, value.length);
  }

  private static void check(byte[] value) {
    if (value.length <= PREFIX) {
      throw new CorruptValueException(
          "a transaction value must have more than " + PREFIX + " bytes, found " + value.length);
    }
  }
}
