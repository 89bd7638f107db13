package org.tanglenode.storage.schema;

/** level(1) | index(8): a level's nodes are contiguous and in order. */
public final class MerkleKeyCodec implements Codec<MerkleKey> {

  public static final int SIZE = 9;

  @Override
  public byte[] encode(MerkleKey key) {
    byte[] out = new byte[SIZE];
    out[0] = (byte) key.level();
    BigEndian.putLong(out, 1, key.index());
    return out;
  }

  @Override
  public MerkleKey decode(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw CorruptValueException.length("a merkle key", SIZE, bytes.length);
    }
    try {
      return new MerkleKey(bytes[0] & 0xff, BigEndian.getLong(bytes, 1));
    } catch (IllegalArgumentException e) {
      throw new CorruptValueException("invalid merkle key: " + e.getMessage());
    }
  }
}
