package org.tanglenode.node.bench;

/** How the generator picks the parents of each transaction, and in which order they are sent. */
public enum ParentsPattern {
  /** Each transaction approves the one before it (the first approves the network root). */
  CHAINED,
  /**
   * Each approves two of the generator's own unapproved tips that are at least a few transactions
   * old, as concurrent writers with a short network delay would: every transaction but the last few
   * is approved by a later one, and the tip count stays small and bounded.
   */
  RANDOM,
  /**
   * As {@link #RANDOM}, but sent shuffled within blocks of 64, so children often arrive before
   * their parents and the node's solidifier has to wait for them.
   */
  OUT_OF_ORDER
}
