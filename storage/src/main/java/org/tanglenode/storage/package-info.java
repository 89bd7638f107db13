/**
 * The storage module of the Tangle node: one RocksDB database holding transactions, their metadata
 * and indexes, milestones, ledger state and the node's restart state.
 *
 * <p>Entry point: {@link org.tanglenode.storage.Storage#open}. Key layouts, durability and the
 * refusals on open are documented in docs/storage.md. RocksDB types never leave this package and
 * its subpackages.
 */
package org.tanglenode.storage;
