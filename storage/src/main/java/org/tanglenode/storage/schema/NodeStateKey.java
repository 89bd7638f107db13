package org.tanglenode.storage.schema;

import java.nio.charset.StandardCharsets;

/**
 * The keys of {@link Column#NODE_STATE}. Names are stable: never renamed nor reused. Every value is
 * a big-endian integer of the width given here.
 */
public enum NodeStateKey {
  /** uint32: the layout version, {@link SchemaVersion#CURRENT} for this code. */
  SCHEMA_VERSION("schema_version", 4),
  /** uint64: number of transactions stored. */
  TRANSACTION_COUNT("transaction_count", 8),
  /** uint64: number of milestones indexed. */
  MILESTONE_COUNT("milestone_count", 8),
  /** uint32: highest milestone index seen (stored and indexed). */
  LATEST_MILESTONE("latest_milestone", 4),
  /** uint32: highest milestone index whose past cone is solid. Set by consensus. */
  SOLID_MILESTONE("solid_milestone", 4),
  /**
   * uint32: highest milestone index whose cone has been confirmed and applied. Set by consensus.
   */
  CONFIRMED_MILESTONE("confirmed_milestone", 4),
  /**
   * uint32: the transactions confirmed by milestones up to this index are pruned (0 or absent:
   * nothing pruned). The milestones themselves stay.
   */
  PRUNED_MILESTONE("pruned_milestone", 4),
  /** uint64: wall-clock milliseconds when this database was created. */
  CREATED_AT_MS("created_at_ms", 8),
  /**
   * uint32: the milestone index of a snapshot import in progress. Present only while an import
   * runs; a database that still has it on open was left by an interrupted import and is refused.
   */
  SNAPSHOT_IMPORT("snapshot_import", 4);

  private final String keyName;
  private final int valueWidth;

  NodeStateKey(String keyName, int valueWidth) {
    this.keyName = keyName;
    this.valueWidth = valueWidth;
  }

  public String keyName() {
    return keyName;
  }

  /** The key as stored: the ASCII name. */
  public byte[] keyBytes() {
    return keyName.getBytes(StandardCharsets.US_ASCII);
  }

  /** 4 for uint32, 8 for uint64 values. */
  public int valueWidth() {
    return valueWidth;
  }
}
