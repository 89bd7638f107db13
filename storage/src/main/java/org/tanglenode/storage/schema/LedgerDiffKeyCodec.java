package org.tanglenode.storage.schema;

/** milestone index(4) | kind(1: 0 created, 1 spent) | output id(34). */
public final class LedgerDiffKeyCodec implements Codec<LedgerDiffKey> {

  public static final int SIZE = 4 + 1 + OutputRefCodec.SIZE;
  private final OutputRefCodec refs = new OutputRefCodec();

  @Override
  public byte[] encode(LedgerDiffKey key) {
    byte[] out = new byte[SIZE];
    BigEndian.putInt(out, 0, key.milestoneIndex());
    out[4] = (byte) key.kind().ordinal();
    refs.write(key.ref(), out, 5);
    return out;
  }

  @Override
  public LedgerDiffKey decode(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw CorruptValueException.length("a ledger diff key", SIZE, bytes.length);
    }
    int kind = bytes[4];
    if (kind != 0 && kind != 1) {
      throw new CorruptValueException("unknown ledger diff kind " + kind);
    }
    return new LedgerDiffKey(
        BigEndian.getInt(bytes, 0), LedgerDiffKey.Kind.values()[kind], refs.read(bytes, 5));
  }

  /** The prefix of every entry of milestone {@code index}. */
  public byte[] prefix(int index) {
    byte[] out = new byte[4];
    BigEndian.putInt(out, 0, index);
    return out;
  }
}
