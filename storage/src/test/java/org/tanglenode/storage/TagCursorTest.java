package org.tanglenode.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.TransactionId;

class TagCursorTest {

  @Test
  void theTextFormReadsBackAndAnythingElseIsRefused() {
    TagCursor cursor = new TagCursor(1_767_225_660_000L, TransactionId.fromHex("ab".repeat(32)));

    assertThat(cursor.toText()).isEqualTo("1767225660000." + "ab".repeat(32));
    assertThat(TagCursor.parse(cursor.toText())).isEqualTo(cursor);
    assertThatThrownBy(() -> TagCursor.parse("ab".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TagCursor.parse("x." + "ab".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TagCursor.parse("-1." + "ab".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TagCursor.parse("5.abc")).isInstanceOf(IllegalArgumentException.class);
  }
}
