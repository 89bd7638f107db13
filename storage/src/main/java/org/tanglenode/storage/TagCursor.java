package org.tanglenode.storage;

import java.util.Objects;
import org.tanglenode.protocol.TransactionId;

/** Where the next page of a tag's trail starts: just after this entry. */
public record TagCursor(long timestampMs, TransactionId id) {

  public TagCursor {
    Objects.requireNonNull(id, "id");
    if (timestampMs < 0) {
      throw new IllegalArgumentException("timestamp must not be negative: " + timestampMs);
    }
  }
}
