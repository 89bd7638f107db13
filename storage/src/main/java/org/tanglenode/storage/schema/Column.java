package org.tanglenode.storage.schema;

import java.nio.charset.StandardCharsets;

/**
 * The column families of the database. Each has a stable name written into the database; a name is
 * never renamed nor reused for another layout. A retired family stays here, marked retired, so that
 * older databases still open.
 *
 * <p>Key and value layouts (all integers big-endian, so byte order is numeric order):
 */
public enum Column {
  /**
   * id(32) -> {@link TransactionValueCodec}: arrival ms(8) | transaction bytes exactly as received.
   */
  TRANSACTIONS("transactions", false),
  /**
   * id(32) -> {@link MetadataCodec} (arrival time, solid, referenced-by milestone, conflict).
   * Written only when a transaction becomes solid or referenced: no row means "arrived, nothing
   * learned yet", with the arrival time in the transaction's value.
   */
  METADATA("metadata", false),
  /** parent id(32) | child id(32) -> empty. A prefix scan by parent lists its approvers. */
  APPROVERS("approvers", true),
  /**
   * tag length(1) | tag(1..64) | timestamp ms(8) | id(32) -> empty. Reads a trail in time order.
   */
  TAGS("tags", false),
  /** milestone index(4) -> milestone transaction id(32). */
  MILESTONES("milestones", false),
  /** Unspent outputs: output id = transaction id(32) | output index(2) -> {@link OutputCodec}. */
  LEDGER_OUTPUTS("ledger_outputs", false),
  /** output id(34) -> spending transaction id(32) | milestone index(4) | {@link OutputCodec}. */
  SPENT_OUTPUTS("spent_outputs", false),
  /** milestone index(4) | kind(1: 0 created, 1 spent) | output id(34) -> empty. */
  LEDGER_DIFFS("ledger_diffs", false),
  /** {@link NodeStateKey} name (ASCII) -> value of that key's codec. */
  NODE_STATE("node_state", false),
  /** History tree nodes: level(1) | index(8) -> hash(32). Written by consensus. */
  MERKLE("merkle", false),
  /** id(32) -> empty: transactions with no known approver yet (the tip pool's source). */
  TIPS("tips", false),
  /** id(32) -> milestone index(4): solid entry points and the milestone that made them. */
  SOLID_ENTRY_POINTS("solid_entry_points", false),
  /**
   * Confirmation order: history-tree leaf index(8) -> transaction id(32). Milestone m newly
   * confirmed the leaves from the previous milestone's history size up to its own.
   */
  CONFIRMED("confirmed", false),
  /**
   * id(32) -> empty: ids that a stored transaction approves but that were not stored when it was
   * (children seen before their parent). A transaction found here on insert already has approvers,
   * so it does not become a tip; its key is then removed.
   */
  AWAITED_PARENTS("awaited_parents", false);

  private final String familyName;
  private final boolean idPrefixed;

  Column(String familyName, boolean idPrefixed) {
    this.familyName = familyName;
    this.idPrefixed = idPrefixed;
  }

  /** The stable name of the column family in the database. */
  public String familyName() {
    return familyName;
  }

  /** The name as RocksDB stores it. */
  public byte[] familyNameBytes() {
    return familyName.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Whether every key starts with a 32-byte transaction id that scans group by (the database gives
   * such a family a fixed-length prefix extractor and a prefix Bloom filter).
   */
  public boolean idPrefixed() {
    return idPrefixed;
  }
}
