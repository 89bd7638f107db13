package org.tanglenode.node.report;

/** Where a record stands, as the node that answered saw it. */
public enum RecordStatus {
  /** Referenced by a milestone and applied: final. */
  CONFIRMED,
  /** Not referenced by a milestone yet. */
  PENDING,
  /** Referenced by a milestone but it changed nothing (a conflicting transfer). */
  CONFLICTING;

  /** The lowercase word the report and its CSS use. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
