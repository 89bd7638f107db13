package org.tanglenode.node.api;

/**
 * Why a stored transaction is not referenced by a milestone yet, as the metadata endpoint reports
 * it ({@code pending.reason}); a referenced one has none. A conflicting transaction is referenced
 * and never confirmed: its {@code conflict} code says why.
 */
public enum PendingReason {
  /** Solid: the next milestones that reach it confirm it (docs/consensus.md, the invariant). */
  AWAITING_MILESTONE,
  /**
   * Every parent is stored but not all are solid: a transaction further down its past cone is
   * missing (the parents' own metadata names it).
   */
  AWAITING_SOLIDITY,
  /**
   * Parents that are not stored here ({@code pending.missing}); the node keeps asking its peers.
   * One that no peer ever has leaves the transaction unconfirmable: re-issue the record ({@code
   * tangle anchor --wait} and {@code trail append --wait} do, docs/consensus.md section 8).
   */
  MISSING_PARENTS
}
