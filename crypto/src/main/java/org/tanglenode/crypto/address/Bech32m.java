package org.tanglenode.crypto.address;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;
import org.tanglenode.crypto.address.AddressFormatException.Reason;

/**
 * The bech32m text encoding of BIP-173 with the checksum constant of BIP-350: a human-readable
 * prefix, the separator {@code 1}, data as 5-bit groups in the 32-character set, and a six-group
 * checksum that detects any error in up to four characters. Written from the two BIPs; the BIPs'
 * own test strings are in the tests.
 */
final class Bech32m {

  static final int MAX_LENGTH = 90;
  static final int CHECKSUM_LENGTH = 6;
  static final char SEPARATOR = '1';

  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32M_CONSTANT = 0x2bc830a3;
  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };
  private static final byte[] VALUES = new byte[128];

  static {
    Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < CHARSET.length(); i++) {
      VALUES[CHARSET.charAt(i)] = (byte) i;
    }
  }

  /** A decoded string: its prefix in lowercase and its data as 5-bit groups, checksum removed. */
  record Decoded(String hrp, byte[] data) {
    Decoded {
      Objects.requireNonNull(hrp, "hrp");
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Decoded other && hrp.equals(other.hrp) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
      return hrp.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "Decoded[hrp=" + hrp + ", groups=" + data.length + "]";
    }
  }

  private Bech32m() {}

  /**
   * The lowercase bech32m string of {@code hrp} and {@code data} (5-bit groups, each 0..31).
   *
   * @throws IllegalArgumentException if the prefix is invalid, a group is out of range or the
   *     result would be longer than 90 characters
   */
  static String encode(String hrp, byte[] data) {
    checkHrp(hrp);
    if (hrp.length() + 1 + data.length + CHECKSUM_LENGTH > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a bech32m string of prefix length "
              + hrp.length()
              + " and "
              + data.length
              + " data groups exceeds "
              + MAX_LENGTH
              + " characters");
    }
    for (byte group : data) {
      if (group < 0 || group > 31) {
        throw new IllegalArgumentException("a 5-bit group must be 0..31, not " + group);
      }
    }
    int checksum = polymod(hrp, data, true) ^ BECH32M_CONSTANT;
    StringBuilder out = new StringBuilder(hrp.length() + 1 + data.length + CHECKSUM_LENGTH);
    out.append(hrp).append(SEPARATOR);
    for (byte group : data) {
      out.append(CHARSET.charAt(group));
    }
    for (int i = 0; i < CHECKSUM_LENGTH; i++) {
      out.append(CHARSET.charAt((checksum >>> (5 * (CHECKSUM_LENGTH - 1 - i))) & 31));
    }
    return out.toString();
  }

  /**
   * The prefix and data of {@code text}, whose checksum must be a bech32m checksum.
   *
   * @throws AddressFormatException if {@code text} is not a valid bech32m string
   */
  static Decoded decode(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_LENGTH) {
      throw new AddressFormatException(
          Reason.TOO_LONG,
          "address has " + text.length() + " characters, at most " + MAX_LENGTH + " are allowed");
    }
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 33 || c > 126) {
        throw new AddressFormatException(
            Reason.INVALID_CHARACTER,
            "address has a character outside US-ASCII 33..126 at position " + i);
      }
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
    }
    if (lower && upper) {
      throw new AddressFormatException(
          Reason.MIXED_CASE, "address mixes upper- and lowercase letters");
    }
    String lowered = upper ? text.toLowerCase(java.util.Locale.ROOT) : text;
    int separator = lowered.lastIndexOf(SEPARATOR);
    if (separator < 0) {
      throw new AddressFormatException(
          Reason.NO_SEPARATOR, "address has no separator '" + SEPARATOR + "'");
    }
    if (separator == 0) {
      throw new AddressFormatException(Reason.EMPTY_PREFIX, "address has no human-readable prefix");
    }
    int dataLength = lowered.length() - separator - 1;
    if (dataLength < CHECKSUM_LENGTH) {
      throw new AddressFormatException(
          Reason.TOO_SHORT,
          "address has "
              + dataLength
              + " characters after the separator, fewer than the "
              + CHECKSUM_LENGTH
              + " of the checksum");
    }
    byte[] values = new byte[dataLength];
    for (int i = 0; i < dataLength; i++) {
      int position = separator + 1 + i;
      char c = lowered.charAt(position);
      byte value = VALUES[c];
      if (value < 0) {
        throw new AddressFormatException(
            Reason.INVALID_CHARACTER,
            "address has '" + c + "' at position " + position + ", not a bech32 character");
      }
      values[i] = value;
    }
    String hrp = lowered.substring(0, separator);
    if (polymod(hrp, values, false) != BECH32M_CONSTANT) {
      throw new AddressFormatException(
          Reason.BAD_CHECKSUM, "address has a bad bech32m checksum (a typo?)");
    }
    return new Decoded(hrp, Arrays.copyOf(values, dataLength - CHECKSUM_LENGTH));
  }

  /**
   * Regroups {@code data} from {@code fromBits}-bit to {@code toBits}-bit values, most significant
   * bit first. With {@code pad} the last group is filled with zero bits; without it the leftover
   * bits must be fewer than {@code fromBits} and all zero.
   *
   * @throws AddressFormatException with {@link Reason#BAD_PADDING} if the leftover bits are not
   *     valid padding
   */
  static byte[] convertBits(byte[] data, int fromBits, int toBits, boolean pad) {
    int accumulator = 0;
    int bits = 0;
    int maxValue = (1 << toBits) - 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * fromBits / toBits + 1);
    for (byte b : data) {
      int value = b & 0xff;
      if (value >>> fromBits != 0) {
        throw new IllegalArgumentException(
            "value " + value + " does not fit in " + fromBits + " bits");
      }
      accumulator = (accumulator << fromBits) | value;
      bits += fromBits;
      while (bits >= toBits) {
        bits -= toBits;
        out.write((accumulator >>> bits) & maxValue);
      }
    }
    if (pad) {
      if (bits > 0) {
        out.write((accumulator << (toBits - bits)) & maxValue);
      }
    } else if (bits >= fromBits || ((accumulator << (toBits - bits)) & maxValue) != 0) {
      throw new AddressFormatException(
          Reason.BAD_PADDING, "address data does not end in valid zero padding");
    }
    return out.toByteArray();
  }

  /**
   * Checks that {@code hrp} is a prefix this codec writes: 1..83 characters of US-ASCII 33..126, no
   * uppercase letters.
   */
  static void checkHrp(String hrp) {
    Objects.requireNonNull(hrp, "hrp");
    if (hrp.isEmpty() || hrp.length() > MAX_LENGTH - 1 - CHECKSUM_LENGTH) {
      throw new IllegalArgumentException(
          "a human-readable prefix has 1.." + (MAX_LENGTH - 7) + " characters: " + hrp);
    }
    for (int i = 0; i < hrp.length(); i++) {
      char c = hrp.charAt(i);
      if (c < 33 || c > 126 || (c >= 'A' && c <= 'Z')) {
        throw new IllegalArgumentException(
            "a human-readable prefix is lowercase US-ASCII 33..126: " + hrp);
      }
    }
  }

  /**
   * The BCH checksum polynomial over the expanded prefix and {@code data}, followed by six zero
   * groups when {@code withEmptyChecksum} (for creating a checksum rather than checking one).
   */
  private static int polymod(String hrp, byte[] data, boolean withEmptyChecksum) {
    int checksum = 1;
    for (int i = 0; i < hrp.length(); i++) {
      checksum = step(checksum, hrp.charAt(i) >>> 5);
    }
    checksum = step(checksum, 0);
    for (int i = 0; i < hrp.length(); i++) {
      checksum = step(checksum, hrp.charAt(i) & 31);
    }
    for (byte group : data) {
      checksum = step(checksum, group);
    }
    if (withEmptyChecksum) {
      for (int i = 0; i < CHECKSUM_LENGTH; i++) {
        checksum = step(checksum, 0);
      }
    }
    return checksum;
  }

  private static int step(int checksum, int value) {
    int top = checksum >>> 25;
    int next = ((checksum & 0x1ffffff) << 5) ^ value;
    for (int i = 0; i < GENERATOR.length; i++) {
      if (((top >>> i) & 1) != 0) {
        next ^= GENERATOR[i];
      }
    }
    return next;
  }
}
