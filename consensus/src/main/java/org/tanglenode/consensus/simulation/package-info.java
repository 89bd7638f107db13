/**
 * A discrete-event simulation of the Tangle that runs the real tip selectors: transactions arrive
 * as a Poisson process, become visible to tip selection after a delay, and the run reports the mean
 * number of tips and other figures to compare with the literature. See docs/tip-selection.md.
 */
package org.tanglenode.consensus.simulation;
