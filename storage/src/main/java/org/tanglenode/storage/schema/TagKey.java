package org.tanglenode.storage.schema;

import java.util.Objects;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TransactionId;

/** A key of {@link Column#TAGS}: transaction {@code id} with {@code tag}, issued at a time. */
public record TagKey(Tag tag, long timestampMs, TransactionId id) {

  public TagKey {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(id, "id");
    if (timestampMs < 0) {
      throw new IllegalArgumentException("timestamp must not be negative: " + timestampMs);
    }
  }
}
