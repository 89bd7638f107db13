package org.tanglenode.consensus.simulation;

import java.util.Objects;
import org.tanglenode.consensus.tipselection.TipSelection;
import org.tanglenode.consensus.tipselection.TipSelectorConfig;

/**
 * One simulation run. Times are in seconds of simulated time.
 *
 * @param lambda transactions issued per second (a Poisson process), > 0
 * @param delay h: a transaction becomes visible to tip selection this long after it was issued
 *     (attachment and propagation delay), >= 0
 * @param parents k: parents each transaction asks its selector for, 1 to 8
 * @param selector the tip selector and its parameters
 * @param milestoneInterval the first transaction issued at or after each multiple of this is a
 *     milestone: when it becomes visible it confirms its past cone; 0 for no milestones
 * @param warmup time simulated before measuring, so that the tip count is stationary
 * @param measure the measured time: tip counts are averaged over it, and the transactions issued in
 *     it are the ones the per-transaction figures describe
 * @param cooldown time simulated after measuring, so that the measured transactions have had the
 *     chance of being approved and confirmed before they are called left behind
 * @param seed the run is a function of the configuration, seed included
 */
public record SimulationConfig(
    double lambda,
    double delay,
    int parents,
    TipSelectorConfig selector,
    double milestoneInterval,
    double warmup,
    double measure,
    double cooldown,
    long seed) {

  /** Milestone interval used when none is given. */
  public static final double DEFAULT_MILESTONE_INTERVAL = 10;

  /** Warm-up used when none is given. */
  public static final double DEFAULT_WARMUP = 30;

  /** Cool-down used when none is given. */
  public static final double DEFAULT_COOLDOWN = 30;

  public SimulationConfig {
    Objects.requireNonNull(selector, "selector");
    requireFinite("lambda", lambda, lambda > 0);
    requireFinite("delay", delay, delay >= 0);
    if (parents < 1 || parents > TipSelection.MAX_PARENTS) {
      throw new IllegalArgumentException(
          "parents is 1 to " + TipSelection.MAX_PARENTS + ", got " + parents);
    }
    requireFinite("milestoneInterval", milestoneInterval, milestoneInterval >= 0);
    requireFinite("warmup", warmup, warmup >= 0);
    requireFinite("measure", measure, measure > 0);
    requireFinite("cooldown", cooldown, cooldown >= 0);
  }

  private static void requireFinite(String name, double value, boolean inRange) {
    if (!Double.isFinite(value) || !inRange) {
      throw new IllegalArgumentException(name + " out of range: " + value);
    }
  }

  /**
   * A run with the default milestone interval, warm-up and cool-down, measuring {@code measure}
   * seconds.
   */
  public static SimulationConfig of(
      double lambda, double delay, int parents, TipSelectorConfig selector, double measure) {
    return new SimulationConfig(
        lambda,
        delay,
        parents,
        selector,
        DEFAULT_MILESTONE_INTERVAL,
        DEFAULT_WARMUP,
        measure,
        DEFAULT_COOLDOWN,
        1);
  }

  public SimulationConfig withSeed(long newSeed) {
    return new SimulationConfig(
        lambda, delay, parents, selector, milestoneInterval, warmup, measure, cooldown, newSeed);
  }

  public SimulationConfig withSelector(TipSelectorConfig newSelector) {
    return new SimulationConfig(
        lambda, delay, parents, newSelector, milestoneInterval, warmup, measure, cooldown, seed);
  }

  public SimulationConfig withMilestoneInterval(double newInterval) {
    return new SimulationConfig(
        lambda, delay, parents, selector, newInterval, warmup, measure, cooldown, seed);
  }

  /** The whole simulated time: warm-up, measure and cool-down. */
  public double duration() {
    return warmup + measure + cooldown;
  }

  /**
   * The mean tip count that the literature predicts for uniform random tip selection: {@code k / (k
   * - 1) * lambda * h} (Kusmierz et al., arXiv:2001.07734; {@code 2 * lambda * h} for k = 2 as in
   * Popov's whitepaper). Infinite for one parent: a chain of single approvals never reduces the
   * number of tips.
   */
  public double predictedTips() {
    return parents == 1
        ? Double.POSITIVE_INFINITY
        : (double) parents / (parents - 1) * lambda * delay;
  }
}
