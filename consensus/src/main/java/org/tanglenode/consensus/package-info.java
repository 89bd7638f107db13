/**
 * The consensus module: solidification, milestones (checks and the coordinator role), white-flag
 * confirmation, the history tree and the UTXO ledger; see docs/consensus.md. {@link
 * org.tanglenode.consensus.Consensus} composes them for the node.
 */
package org.tanglenode.consensus;
