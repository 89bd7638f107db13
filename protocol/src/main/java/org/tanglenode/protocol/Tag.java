package org.tanglenode.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.tanglenode.protocol.genesis.Limits;

/**
 * The index key under which records are read back in order: a trail id, a document class, a sensor.
 * 1 to {@value Limits#MAX_TAG_BYTES} bytes, usually UTF-8 text.
 */
public record Tag(byte[] bytes) {

  public Tag {
    if (bytes == null || bytes.length == 0 || bytes.length > Limits.MAX_TAG_BYTES) {
      throw new IllegalArgumentException("a tag has 1 to " + Limits.MAX_TAG_BYTES + " bytes");
    }
    bytes = bytes.clone();
  }

  public static Tag of(String text) {
    return new Tag(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The tag as text when it is valid UTF-8, otherwise as {@code 0x} and hex digits. */
  @Override
  public String toString() {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return "0x" + HexFormat.of().formatHex(bytes);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tag other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
