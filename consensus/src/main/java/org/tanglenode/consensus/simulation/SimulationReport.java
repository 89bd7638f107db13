package org.tanglenode.consensus.simulation;

import java.util.Objects;

/**
 * What one simulation run measured. "Measured transactions" are those issued during the measured
 * time; times are in simulated seconds.
 *
 * @param config the run
 * @param transactions every transaction issued, warm-up and cool-down included
 * @param measuredTransactions transactions issued during the measured time
 * @param meanTips the number of tips visible to tip selection (transactions visible and approved by
 *     no visible transaction), averaged over the measured time, left-behind ones included
 * @param meanTipsWithoutLeftBehind the same, not counting transactions that are left behind
 * @param leftBehindFraction of the measured transactions, those that no transaction approves by the
 *     end of the run
 * @param meanTimeToFirstApproval from issue to the issue of its first approver, over the measured
 *     transactions that were approved
 * @param confirmedFraction of the measured transactions, those a milestone confirmed by the end
 * @param meanTimeToConfirmation from issue to the confirming milestone becoming visible, over the
 *     measured transactions that were confirmed
 * @param milestones milestones issued in the run
 * @param fewerTipsSelections selections that returned fewer parents than asked for
 * @param fallbackSelections selections that found no tip and fell back to a milestone
 */
public record SimulationReport(
    SimulationConfig config,
    long transactions,
    long measuredTransactions,
    double meanTips,
    double meanTipsWithoutLeftBehind,
    double leftBehindFraction,
    double meanTimeToFirstApproval,
    double confirmedFraction,
    double meanTimeToConfirmation,
    long milestones,
    long fewerTipsSelections,
    long fallbackSelections) {

  public SimulationReport {
    Objects.requireNonNull(config, "config");
    if (transactions < measuredTransactions || measuredTransactions < 0) {
      throw new IllegalArgumentException("transaction counts out of order");
    }
  }

  /** {@link SimulationConfig#predictedTips()}. */
  public double predictedTips() {
    return config.predictedTips();
  }

  /** {@code meanTips / predictedTips - 1}: 0.05 means 5 % more tips than predicted. */
  public double relativeDeviation() {
    return meanTips / predictedTips() - 1;
  }
}
