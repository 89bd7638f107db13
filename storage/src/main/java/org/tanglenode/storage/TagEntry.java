package org.tanglenode.storage;

import java.util.Objects;
import org.tanglenode.protocol.TransactionId;

/** One transaction of a tag's trail, with the issuer's timestamp that orders the trail. */
public record TagEntry(long timestampMs, TransactionId id) {

  public TagEntry {
    Objects.requireNonNull(id, "id");
  }

  public TagCursor cursor() {
    return new TagCursor(timestampMs, id);
  }
}
