package org.tanglenode.storage.schema;

import java.util.OptionalInt;
import org.tanglenode.storage.ConflictState;
import org.tanglenode.storage.TransactionMetadata;

/**
 * format(1) = 1 | flags(1: bit 0 solid, bit 1 referenced) | arrival ms(8) | referenced-by milestone
 * index(4, 0 when not referenced) | conflict code(1). 15 bytes.
 */
public final class MetadataCodec implements Codec<TransactionMetadata> {

  public static final int SIZE = 15;
  private static final byte FORMAT = 1;
  private static final int SOLID = 1;
  private static final int REFERENCED = 2;

  @Override
  public byte[] encode(TransactionMetadata metadata) {
    byte[] out = new byte[SIZE];
    out[0] = FORMAT;
    out[1] = (byte) ((metadata.solid() ? SOLID : 0) | (metadata.referenced() ? REFERENCED : 0));
    BigEndian.putLong(out, 2, metadata.arrivalMs());
    BigEndian.putInt(out, 10, metadata.referencedByMilestone().orElse(0));
    out[14] = (byte) metadata.conflict().code();
    return out;
  }

  @Override
  public TransactionMetadata decode(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw CorruptValueException.length("transaction metadata", SIZE, bytes.length);
    }
    if (bytes[0] != FORMAT) {
      throw new CorruptValueException("unknown metadata format " + bytes[0]);
    }
    int flags = bytes[1];
    if ((flags & ~(SOLID | REFERENCED)) != 0) {
      throw new CorruptValueException("unknown metadata flags " + flags);
    }
    int milestone = BigEndian.getInt(bytes, 10);
    boolean referenced = (flags & REFERENCED) != 0;
    try {
      return new TransactionMetadata(
          BigEndian.getLong(bytes, 2),
          (flags & SOLID) != 0,
          referenced ? OptionalInt.of(milestone) : OptionalInt.empty(),
          ConflictState.ofCode(bytes[14] & 0xff));
    } catch (IllegalArgumentException e) {
      throw new CorruptValueException("invalid metadata: " + e.getMessage());
    }
  }
}
