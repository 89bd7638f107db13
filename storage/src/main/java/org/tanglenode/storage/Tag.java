package org.tanglenode.storage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** The index key of a data or transfer payload: 1 to 64 bytes under which a trail is read back. */
public record Tag(byte[] bytes) {

  public static final int MAX_SIZE = 64;

  public Tag {
    if (bytes == null || bytes.length == 0 || bytes.length > MAX_SIZE) {
      throw new IllegalArgumentException(
          "a tag has 1 to " + MAX_SIZE + " bytes, not " + (bytes == null ? 0 : bytes.length));
    }
    bytes = bytes.clone();
  }

  /** The UTF-8 bytes of {@code text} as a tag. */
  public static Tag ofUtf8(String text) {
    return new Tag(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The number of bytes. */
  public int size() {
    return bytes.length;
  }

  /** Writes the bytes into {@code target} at {@code offset}. */
  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, bytes.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tag other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
