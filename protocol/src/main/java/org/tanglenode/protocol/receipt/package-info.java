/**
 * Receipts: one self-contained file that proves a transaction was confirmed, checked with nothing
 * but the network's genesis (or trust file), and the check that two milestones' history roots
 * belong to one append-only history. docs/receipts.md specifies both byte for byte.
 */
package org.tanglenode.protocol.receipt;
