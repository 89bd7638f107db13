package org.tanglenode.storage;

import java.util.Objects;
import org.tanglenode.protocol.TransactionId;

/**
 * Where the next page of a tag's trail starts: just after this entry. Its text form, {@code
 * timestamp.idhex}, is what the API hands out as a page's {@code next}.
 */
public record TagCursor(long timestampMs, TransactionId id) {

  public TagCursor {
    Objects.requireNonNull(id, "id");
    if (timestampMs < 0) {
      throw new IllegalArgumentException("timestamp must not be negative: " + timestampMs);
    }
  }

  /** The text form, {@code timestamp.idhex}. */
  public String toText() {
    return timestampMs + "." + id.toHex();
  }

  /**
   * Reads the text form.
   *
   * @throws IllegalArgumentException for anything {@link #toText} does not write
   */
  public static TagCursor parse(String text) {
    int dot = text.indexOf('.');
    if (dot < 1) {
      throw new IllegalArgumentException("a tag cursor is timestamp.id, not " + text);
    }
    return new TagCursor(
        Long.parseLong(text.substring(0, dot)), TransactionId.fromHex(text.substring(dot + 1)));
  }
}
