package org.tanglenode.storage.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.ConflictState;
import org.tanglenode.storage.TransactionMetadata;

class CodecTest {

  private static TransactionId id(int fill) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) fill);
    return new TransactionId(bytes);
  }

  @Test
  void everyCodecRoundTrips() {
    assertThat(new TransactionIdCodec().decode(new TransactionIdCodec().encode(id(3))))
        .isEqualTo(id(3));
    ApproverKey approver = new ApproverKey(id(1), id(2));
    assertThat(new ApproverKeyCodec().decode(new ApproverKeyCodec().encode(approver)))
        .isEqualTo(approver);
    TagKey tag = new TagKey(Tag.of("lot-12"), 1_700_000_000_123L, id(9));
    assertThat(new TagKeyCodec().decode(new TagKeyCodec().encode(tag))).isEqualTo(tag);
    TransactionMetadata metadata =
        new TransactionMetadata(123, true, OptionalInt.of(77), ConflictState.UNLOCK_INVALID);
    assertThat(new MetadataCodec().decode(new MetadataCodec().encode(metadata)))
        .isEqualTo(metadata);
    TransactionMetadata fresh = TransactionMetadata.arrived(5);
    assertThat(new MetadataCodec().decode(new MetadataCodec().encode(fresh))).isEqualTo(fresh);
    assertThat(
            new MerkleKeyCodec().decode(new MerkleKeyCodec().encode(new MerkleKey(63, 1L << 40))))
        .isEqualTo(new MerkleKey(63, 1L << 40));
    assertThat(new UInt32Codec().decode(new UInt32Codec().encode(Integer.MAX_VALUE)))
        .isEqualTo(Integer.MAX_VALUE);
    assertThat(new UInt64Codec().decode(new UInt64Codec().encode(Long.MAX_VALUE)))
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void layoutsAreTheDocumentedBytes() {
    assertThat(
            new MetadataCodec()
                .encode(
                    new TransactionMetadata(
                        0x0102, true, OptionalInt.of(5), ConflictState.INPUT_NOT_FOUND)))
        .containsExactly(1, 3, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 5, 2);
    assertThat(new MerkleKeyCodec().encode(new MerkleKey(2, 258)))
        .containsExactly(2, 0, 0, 0, 0, 0, 0, 1, 2);
    byte[] tagKey = new TagKeyCodec().encode(new TagKey(Tag.of("ab"), 1, id(0)));
    assertThat(Arrays.copyOf(tagKey, 11)).containsExactly(2, 'a', 'b', 0, 0, 0, 0, 0, 0, 0, 1);
    assertThat(tagKey).hasSize(1 + 2 + 8 + 32);
  }

  @Test
  void keyOrderIsNumericOrder() {
    TagKeyCodec tags = new TagKeyCodec();
    byte[] early = tags.encode(new TagKey(Tag.of("t"), 255, id(0xff)));
    byte[] late = tags.encode(new TagKey(Tag.of("t"), 256, id(0)));
    assertThat(Arrays.compareUnsigned(early, late)).isNegative();

    MerkleKeyCodec merkle = new MerkleKeyCodec();
    assertThat(
            Arrays.compareUnsigned(
                merkle.encode(new MerkleKey(0, 255)), merkle.encode(new MerkleKey(0, 256))))
        .isNegative();
    UInt32Codec uint32 = new UInt32Codec();
    assertThat(Arrays.compareUnsigned(uint32.encode(255), uint32.encode(65536))).isNegative();
  }

  @Test
  void aTagsEntriesAreApartFromLongerTagsWithTheSameStart() {
    TagKeyCodec tags = new TagKeyCodec();
    byte[] prefix = tags.prefix(Tag.of("ab"));
    byte[] longer = tags.encode(new TagKey(Tag.of("abc"), 0, id(0)));
    assertThat(Arrays.equals(longer, 0, prefix.length, prefix, 0, prefix.length)).isFalse();
  }

  @Test
  void wrongLengthsAndUnknownCodesAreCorrupt() {
    assertThatThrownBy(() -> new TransactionIdCodec().decode(new byte[31]))
        .isInstanceOf(CorruptValueException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> new ApproverKeyCodec().decode(new byte[63]))
        .isInstanceOf(CorruptValueException.class);
    assertThatThrownBy(() -> new TagKeyCodec().decode(new byte[] {2, 'a'}))
        .isInstanceOf(CorruptValueException.class);
    assertThatThrownBy(() -> new TagKeyCodec().decode(new byte[0]))
        .isInstanceOf(CorruptValueException.class);
    byte[] metadata = new MetadataCodec().encode(TransactionMetadata.arrived(1));
    metadata[14] = 99;
    assertThatThrownBy(() -> new MetadataCodec().decode(metadata))
        .isInstanceOf(CorruptValueException.class);
    assertThatThrownBy(() -> new MerkleKeyCodec().decode(new byte[] {64, 0, 0, 0, 0, 0, 0, 0, 0}))
        .isInstanceOf(CorruptValueException.class);
    assertThatThrownBy(() -> new UInt32Codec().decode(new byte[] {(byte) 0x80, 0, 0, 0}))
        .isInstanceOf(CorruptValueException.class);
  }

  @Test
  void columnAndStateKeyNamesAreStableAndUnique() {
    Set<String> names = new HashSet<>();
    for (Column column : Column.values()) {
      assertThat(names.add(column.familyName())).isTrue();
    }
    assertThat(Column.TRANSACTIONS.familyName()).isEqualTo("transactions");
    assertThat(Column.MERKLE.familyName()).isEqualTo("merkle");
    assertThat(Column.NODE_STATE.familyName()).isEqualTo("node_state");
    assertThat(NodeStateKey.SCHEMA_VERSION.keyName()).isEqualTo("schema_version");
    assertThat(SchemaVersion.CURRENT).isEqualTo(1);
  }
}
