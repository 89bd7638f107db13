/**
 * The node's side of audit reports: selecting records (by tag, or by the milestones that confirmed
 * them, optionally by issuer) and telling for each who signed it, whether and when it was
 * confirmed. Walks the existing tag index and the {@code confirmed} column; it adds no index, so
 * storing a transaction costs nothing more.
 */
package org.tanglenode.node.audit;
