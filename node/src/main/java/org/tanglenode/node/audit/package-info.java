/**
 * The node's side of audits. Audit reports: selecting records (by tag, or by the milestones that
 * confirmed them, optionally by issuer) and telling for each who signed it, whether and when it was
 * confirmed; this walks the existing tag index and the {@code confirmed} column and adds no index,
 * so storing a transaction costs nothing more. Receipts and history proofs: what the node serves so
 * others can check it without trusting it, a receipt of a confirmed transaction and the consistency
 * proof between two milestones' history roots (docs/receipts.md).
 */
package org.tanglenode.node.audit;
