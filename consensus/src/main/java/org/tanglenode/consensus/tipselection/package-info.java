/**
 * Tip selection: choosing the 1-8 parents of a new transaction.
 *
 * <p>{@link org.tanglenode.consensus.tipselection.TangleView} is the narrow read interface over the
 * DAG that tip selection needs; {@link org.tanglenode.consensus.tipselection.InMemoryTangle}
 * implements it for tests and the simulator, and the node will implement it over storage. A {@link
 * org.tanglenode.consensus.tipselection.TipSelector} is told of every transaction attached to the
 * view (it is a {@link org.tanglenode.consensus.tipselection.TangleListener}) and keeps its own
 * incremental state: the tip pool of {@link
 * org.tanglenode.consensus.tipselection.UniformRandomTipSelector} (the default) or the cumulative
 * weights of {@link org.tanglenode.consensus.tipselection.WeightedWalkTipSelector}. See
 * docs/tip-selection.md.
 */
package org.tanglenode.consensus.tipselection;
