package org.tanglenode.protocol.record;

import java.util.List;

/**
 * A structured record in a data payload: JSON, so tools in any language read and write it. The
 * encoding is canonical (see {@link Records}), so one record has one byte form and one hash.
 */
public sealed interface Record permits AnchorRecord, TrailEvent, SensorBatchRecord {

  /** The {@code type} the JSON form carries. */
  String type();

  /** The documents the record names by hash, for checking a file against it. */
  List<DocumentHash> documents();
}
