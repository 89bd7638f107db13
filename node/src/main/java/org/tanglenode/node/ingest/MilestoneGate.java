package org.tanglenode.node.ingest;

import org.tanglenode.protocol.Transaction;

/**
 * Decides whether a milestone transaction may be stored as the milestone of its index: the node
 * backs it with consensus' signature check (network, committee signatures, threshold). A milestone
 * that fails is stored as a plain transaction, so a forged one never takes the real one's index.
 * Called on a signature worker, never on an event loop.
 */
@FunctionalInterface
public interface MilestoneGate {

  /** Whether {@code milestone} (a transaction with a milestone payload) may be indexed. */
  boolean mayIndex(Transaction milestone);
}
