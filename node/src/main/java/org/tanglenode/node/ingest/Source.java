package org.tanglenode.node.ingest;

/** Where a transaction entered the node; a tag on the ingest meters. */
public enum Source {
  GOSSIP,
  API;

  String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
