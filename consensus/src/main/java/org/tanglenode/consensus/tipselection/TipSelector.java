package org.tanglenode.consensus.tipselection;

/**
 * Chooses the parents of a new transaction. A selector keeps incremental state over a {@link
 * TangleView} and must hear of every transaction attached to it (it is a {@link TangleListener}).
 * Implementations are safe to use from several threads.
 */
public interface TipSelector extends TangleListener {

  /**
   * Chooses up to {@code count} distinct parents (1 to {@value TipSelection#MAX_PARENTS}). Returns
   * fewer when fewer selectable tips exist, and the latest milestone (or the root) when none does;
   * never fails for want of tips.
   *
   * @throws IllegalArgumentException if {@code count} is out of range
   */
  TipSelection select(int count);
}
