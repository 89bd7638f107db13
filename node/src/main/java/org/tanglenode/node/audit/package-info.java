/**
 * What the node serves so others can check it without trusting it: receipts of confirmed
 * transactions and consistency proofs between milestones' history roots (docs/receipts.md).
 */
package org.tanglenode.node.audit;
