package org.tanglenode.storage.schema;

/**
 * The version of the layout of every column family; stored under {@link
 * NodeStateKey#SCHEMA_VERSION}.
 */
public final class SchemaVersion {

  /**
   * The only layout this code reads and writes. Raise it with any change of a key or value layout,
   * and write a migration or a refusal for the older one.
   */
  public static final int CURRENT = 1;

  private SchemaVersion() {}
}
