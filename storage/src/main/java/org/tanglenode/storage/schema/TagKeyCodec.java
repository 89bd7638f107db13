package org.tanglenode.storage.schema;

import java.util.Arrays;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TransactionId;

/**
 * tag length(1) | tag(1..64) | timestamp ms(8) | id(32). The length byte first keeps one tag's
 * entries together and apart from every longer tag that starts with the same bytes.
 */
public final class TagKeyCodec implements Codec<TagKey> {

  @Override
  public byte[] encode(TagKey key) {
    byte[] tag = key.tag().bytes();
    int tagSize = tag.length;
    byte[] out = new byte[1 + tagSize + 8 + TransactionId.SIZE];
    out[0] = (byte) tagSize;
    System.arraycopy(tag, 0, out, 1, tagSize);
    BigEndian.putLong(out, 1 + tagSize, key.timestampMs());
    key.id().copyTo(out, 1 + tagSize + 8);
    return out;
  }

  @Override
  public TagKey decode(byte[] bytes) {
    if (bytes.length < 1) {
      throw new CorruptValueException("a tag key is empty");
    }
    int tagSize = bytes[0] & 0xff;
    int expected = 1 + tagSize + 8 + TransactionId.SIZE;
    if (tagSize == 0
        || tagSize > org.tanglenode.protocol.genesis.Limits.MAX_TAG_BYTES
        || bytes.length != expected) {
      throw CorruptValueException.length(
          "a tag key of a " + tagSize + "-byte tag", expected, bytes.length);
    }
    return new TagKey(
        new Tag(Arrays.copyOfRange(bytes, 1, 1 + tagSize)),
        BigEndian.getLong(bytes, 1 + tagSize),
        new TransactionId(Arrays.copyOfRange(bytes, 1 + tagSize + 8, expected)));
  }

  /** The prefix every key of {@code tag} starts with. */
  public byte[] prefix(Tag tag) {
    byte[] bytes = tag.bytes();
    byte[] out = new byte[1 + bytes.length];
    out[0] = (byte) bytes.length;
    System.arraycopy(bytes, 0, out, 1, bytes.length);
    return out;
  }
}
