package org.tanglenode.protocol.record;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A document anchored on the ledger: its hashes and size, and an optional note; never the document
 * itself.
 *
 * @param document the document's hashes
 * @param note what the document is, for people; at most {@value Records#MAX_TEXT_CHARS} characters
 */
public record AnchorRecord(DocumentHash document, Optional<String> note) implements Record {

  public static final String TYPE = "anchor";

  public AnchorRecord {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(note, "note");
    note.ifPresent(text -> Records.checkText(text, "note", Records.MAX_TEXT_CHARS));
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<DocumentHash> documents() {
    return List.of(document);
  }
}
