package org.tanglenode.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tanglenode.consensus.simulation.AlphaPlot;
import org.tanglenode.consensus.simulation.Simulation;
import org.tanglenode.consensus.simulation.SimulationConfig;
import org.tanglenode.consensus.simulation.SimulationReport;
import org.tanglenode.consensus.tipselection.TipSelectorConfig;
import org.tanglenode.consensus.tipselection.UniformRandomTipSelector;
import org.tanglenode.consensus.tipselection.WeightedWalkTipSelector;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates the Tangle with the real tip selection and prints the mean tip count.",
      "Discrete-event simulation of the Tangle with the node's real tip selection: transactions"
          + " arrive as a Poisson process of rate lambda, each chooses k parents among the tips"
          + " visible to it, and becomes visible itself h seconds after it was issued. Prints the"
          + " time-averaged number of tips next to the prediction k/(k-1)*lambda*h for uniform"
          + " selection, the share of transactions left behind and the times to approval and"
          + " confirmation. Deterministic from --seed. See docs/tip-selection.md."
    })
final class SimulateCommand implements Runnable {

  private static final double[] SWEEP_LAMBDAS = {10, 20, 50, 100, 200};
  private static final int[] SWEEP_PARENTS = {2, 4, 8};

  @Spec CommandSpec spec;

  @Option(
      names = "--lambda",
      defaultValue = "50",
      description = "Transactions issued per second (default: ${DEFAULT-VALUE}).")
  double lambda;

  @Option(
      names = "--delay",
      defaultValue = "1",
      description =
          "h: seconds from issue until a transaction is visible to tip selection"
              + " (default: ${DEFAULT-VALUE}).")
  double delay;

  @Option(
      names = "--parents",
      defaultValue = "2",
      description = "k: parents per transaction, 1-8 (default: ${DEFAULT-VALUE}).")
  int parents;

  @Option(
      names = "--selector",
      defaultValue = "uniform",
      description = "uniform (restricted uniform random) or walk (weighted random walk).")
  String selector;

  @Option(
      names = "--alpha",
      defaultValue = "" + WeightedWalkTipSelector.DEFAULT_ALPHA,
      description = "Walk: bias towards heavier approvers (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--walk-depth",
      defaultValue = "" + WeightedWalkTipSelector.DEFAULT_START_DEPTH,
      description =
          "Walk: start this many milestones below the latest (default: ${DEFAULT-VALUE}).")
  int walkDepth;

  @Option(
      names = "--max-depth",
      defaultValue = "" + UniformRandomTipSelector.DEFAULT_MAX_DEPTH,
      description =
          "Uniform: leave out tips whose past cone reaches more than this many milestones below"
              + " the latest (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  @Option(
      names = "--milestone-interval",
      defaultValue = "" + SimulationConfig.DEFAULT_MILESTONE_INTERVAL,
      description = "Seconds between milestones, 0 for none (default: ${DEFAULT-VALUE}).")
  double milestoneInterval;

  static final class Length {
    @Option(
        names = "--duration",
        description = "Measured seconds of simulated time (default: 300).")
    Double duration;

    @Option(
        names = "--transactions",
        description = "Measure about this many transactions (duration = transactions / lambda).")
    Long transactions;
  }

  @ArgGroup(exclusive = true)
  Length length = new Length();

  @Option(
      names = "--warmup",
      defaultValue = "" + SimulationConfig.DEFAULT_WARMUP,
      description = "Seconds simulated before measuring (default: ${DEFAULT-VALUE}).")
  double warmup;

  @Option(
      names = "--cooldown",
      defaultValue = "" + SimulationConfig.DEFAULT_COOLDOWN,
      description =
          "Seconds simulated after measuring, before a transaction counts as left behind"
              + " (default: ${DEFAULT-VALUE}).")
  double cooldown;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--sweep",
      description =
          "Run the grid lambda = 10, 20, 50, 100, 200 by k = 2, 4, 8 (other options as given) and"
              + " print simulated against predicted tip counts.")
  boolean sweep;

  @Option(
      names = "--alphas",
      split = ",",
      description = "Run the walk once per alpha in this comma-separated list and print a table.")
  List<Double> alphas;

  @Option(names = "--svg", description = "With --alphas: also write the plot to this SVG file.")
  Path svg;

  @Option(names = "--csv", description = "Print CSV instead of text.")
  boolean csv;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    if (sweep && alphas != null) {
      throw new IllegalArgumentException("--sweep and --alphas are separate runs; give one");
    }
    if (svg != null && alphas == null) {
      throw new IllegalArgumentException("--svg plots the runs of --alphas");
    }
    List<SimulationReport> reports = new ArrayList<>();
    if (sweep) {
      for (int k : SWEEP_PARENTS) {
        for (double rate : SWEEP_LAMBDAS) {
          reports.add(Simulation.of(config(rate, k, selectorConfig())).run());
        }
      }
    } else if (alphas != null) {
      for (double value : alphas) {
        TipSelectorConfig walk =
            selectorConfig().withKind(TipSelectorConfig.Kind.WALK).withAlpha(value);
        reports.add(Simulation.of(config(lambda, parents, walk)).run());
      }
    } else {
      reports.add(Simulation.of(config(lambda, parents, selectorConfig())).run());
    }

    if (csv) {
      out.println(CSV_HEADER);
      reports.forEach(report -> out.println(csvRow(report)));
    } else if (reports.size() == 1) {
      printOne(out, reports.get(0));
    } else {
      printTable(out, reports, alphas != null);
    }
    if (svg != null) {
      try {
        Files.writeString(svg, new AlphaPlot(reports).svg(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CommandFailedException("cannot write " + svg + ": " + e.getMessage(), e);
      }
      if (!csv) {
        out.println("plot written to " + svg);
      }
    }
  }

  private TipSelectorConfig selectorConfig() {
    TipSelectorConfig.Kind kind =
        switch (selector.toLowerCase(Locale.ROOT)) {
          case "uniform" -> TipSelectorConfig.Kind.UNIFORM;
          case "walk" -> TipSelectorConfig.Kind.WALK;
          default ->
              throw new IllegalArgumentException(
                  "--selector is uniform or walk, not '" + selector + "'");
        };
    return new TipSelectorConfig(kind, maxDepth, alpha, walkDepth);
  }

  private SimulationConfig config(double rate, int k, TipSelectorConfig selectorConfig) {
    double measure =
        length.transactions != null
            ? length.transactions / rate
            : length.duration != null ? length.duration : 300;
    return new SimulationConfig(
        rate, delay, k, selectorConfig, milestoneInterval, warmup, measure, cooldown, seed);
  }

  private static void printOne(PrintWriter out, SimulationReport report) {
    SimulationConfig config = report.config();
    out.println(
        format(
            "%s tip selection, lambda %s/s, h %s s, k %d; %s s measured after %s s of warm-up, %s s"
                + " of cool-down; seed %d",
            describe(config.selector()),
            number(config.lambda()),
            number(config.delay()),
            config.parents(),
            number(config.measure()),
            number(config.warmup()),
            number(config.cooldown()),
            config.seed()));
    out.println(
        format(
            "transactions:               %d issued, %d measured",
            report.transactions(), report.measuredTransactions()));
    out.println(
        format(
            "mean tips:                  %.2f (prediction for uniform selection k/(k-1)*lambda*h"
                + " = %.2f, %+.1f %%)",
            report.meanTips(), report.predictedTips(), 100 * report.relativeDeviation()));
    out.println(format("mean tips w/o left-behind:  %.2f", report.meanTipsWithoutLeftBehind()));
    out.println(format("left behind:                %.3f %%", 100 * report.leftBehindFraction()));
    out.println(format("mean time to 1st approval:  %.3f s", report.meanTimeToFirstApproval()));
    out.println(
        format(
            "confirmed:                  %.1f %%, mean time to confirmation %.1f s, %d milestones",
            100 * report.confirmedFraction(),
            report.meanTimeToConfirmation(),
            report.milestones()));
    out.println(
        format(
            "selections:                 %d with fewer tips than asked, %d fell back to a"
                + " milestone",
            report.fewerTipsSelections(), report.fallbackSelections()));
  }

  private static void printTable(PrintWriter out, List<SimulationReport> reports, boolean byAlpha) {
    SimulationConfig first = reports.get(0).config();
    out.println(
        format(
            "%s tip selection, h %s s, %s s measured, seed %d",
            byAlpha ? "walk" : describe(first.selector()),
            number(first.delay()),
            number(first.measure()),
            first.seed()));
    out.println(
        "| lambda | k | alpha | predicted k/(k-1)*lambda*h | mean tips | deviation"
            + " | tips w/o left-behind | left behind | 1st approval (s) | confirmed |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (SimulationReport report : reports) {
      SimulationConfig config = report.config();
      out.println(
          format(
              "| %s | %d | %s | %.2f | %.2f | %+.1f %% | %.2f | %.2f %% | %.3f | %.1f %% |",
              number(config.lambda()),
              config.parents(),
              config.selector().kind() == TipSelectorConfig.Kind.WALK
                  ? number(config.selector().alpha())
                  : "-",
              report.predictedTips(),
              report.meanTips(),
              100 * report.relativeDeviation(),
              report.meanTipsWithoutLeftBehind(),
              100 * report.leftBehindFraction(),
              report.meanTimeToFirstApproval(),
              100 * report.confirmedFraction()));
    }
  }

  private static final String CSV_HEADER =
      "selector,alpha,max_depth,walk_depth,lambda,delay,parents,milestone_interval,warmup,measure,"
          + "cooldown,seed,transactions,measured_transactions,predicted_tips,mean_tips,"
          + "mean_tips_without_left_behind,left_behind_fraction,mean_time_to_first_approval,"
          + "confirmed_fraction,mean_time_to_confirmation,milestones,fewer_tips_selections,"
          + "fallback_selections";

  private static String csvRow(SimulationReport report) {
    SimulationConfig config = report.config();
    TipSelectorConfig selector = config.selector();
    return String.join(
        ",",
        selector.kind().name().toLowerCase(Locale.ROOT),
        number(selector.alpha()),
        Integer.toString(selector.maxDepth()),
        Integer.toString(selector.walkStartDepth()),
        number(config.lambda()),
        number(config.delay()),
        Integer.toString(config.parents()),
        number(config.milestoneInterval()),
        number(config.warmup()),
        number(config.measure()),
        number(config.cooldown()),
        Long.toString(config.seed()),
        Long.toString(report.transactions()),
        Long.toString(report.measuredTransactions()),
        format("%.4f", report.predictedTips()),
        format("%.4f", report.meanTips()),
        format("%.4f", report.meanTipsWithoutLeftBehind()),
        format("%.6f", report.leftBehindFraction()),
        format("%.4f", report.meanTimeToFirstApproval()),
        format("%.6f", report.confirmedFraction()),
        format("%.4f", report.meanTimeToConfirmation()),
        Long.toString(report.milestones()),
        Long.toString(report.fewerTipsSelections()),
        Long.toString(report.fallbackSelections()));
  }

  private static String describe(TipSelectorConfig selector) {
    return switch (selector.kind()) {
      case UNIFORM -> "uniform random (max depth " + selector.maxDepth() + ")";
      case WALK ->
          "weighted walk (alpha "
              + number(selector.alpha())
              + ", start "
              + selector.walkStartDepth()
              + " milestones deep)";
    };
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
