package org.tanglenode.node.ingest;

import org.tanglenode.protocol.Transaction;

/**
 * Told of every transaction once it is durably stored: gossip broadcasts it, the event hub streams
 * it, the tip pool takes it (and, when consensus lands, the solidifier). Called on the storage
 * writer's thread: return at once, never block.
 */
@FunctionalInterface
public interface StoredListener {

  void onStored(Transaction transaction);
}
