package org.tanglenode.storage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a tag's trail, ordered by issuer timestamp then id.
 *
 * @param entries at most the requested number of entries
 * @param next where the following page starts, empty if this page ends the trail
 */
public record TagPage(List<TagEntry> entries, Optional<TagCursor> next) {

  public TagPage {
    entries = List.copyOf(entries);
    Objects.requireNonNull(next, "next");
  }
}
