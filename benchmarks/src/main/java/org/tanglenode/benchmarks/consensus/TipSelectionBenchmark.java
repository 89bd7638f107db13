package org.tanglenode.benchmarks.consensus;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tanglenode.benchmarks.BenchmarkBase;
import org.tanglenode.consensus.simulation.Simulation;
import org.tanglenode.consensus.simulation.SimulationConfig;
import org.tanglenode.consensus.tipselection.InMemoryTangle;
import org.tanglenode.consensus.tipselection.TipSelection;
import org.tanglenode.consensus.tipselection.TipSelector;
import org.tanglenode.consensus.tipselection.TipSelectorConfig;
import org.tanglenode.consensus.tipselection.UniformRandomTipSelector;
import org.tanglenode.consensus.tipselection.WeightedWalkTipSelector;

/**
 * Latency of one tip selection (two parents) on a tangle of 100,000 or 1,000,000 transactions.
 *
 * <p>The tangle is grown in {@code @Setup} by the simulator with uniform random tip selection at
 * 100 transactions per second, h = 1 s and a milestone every 10 s, which leaves about 200 tips. The
 * selector under test is then created over the finished tangle (the walk builds its window, about
 * six milestone intervals of transactions, before the first measured call), so only {@code
 * select(2)} is timed; the tangle does not grow while measuring. Sample-time mode gives the
 * percentiles (this class overrides the suite's throughput mode; forks, heap and iterations come
 * from {@link BenchmarkBase}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TipSelectionBenchmark extends BenchmarkBase {

  private static final double LAMBDA = 100;

  @Param({"100000", "1000000"})
  int transactions;

  @Param({"uniform", "walk"})
  String selector;

  private TipSelector tipSelector;

  @Setup
  public void growTangle() {
    SimulationConfig config =
        new SimulationConfig(
            LAMBDA, 1, 2, TipSelectorConfig.DEFAULT, 10, 0, transactions / LAMBDA, 0, SEED);
    Simulation simulation = Simulation.of(config);
    simulation.run();
    InMemoryTangle tangle = simulation.tangle();
    SplittableRandom random = new SplittableRandom(SEED + 1);
    tipSelector =
        switch (selector) {
          case "uniform" ->
              UniformRandomTipSelector.over(
                  tangle, UniformRandomTipSelector.DEFAULT_MAX_DEPTH, random);
          case "walk" ->
              WeightedWalkTipSelector.over(
                  tangle,
                  WeightedWalkTipSelector.DEFAULT_ALPHA,
                  WeightedWalkTipSelector.DEFAULT_START_DEPTH,
                  random);
          default -> throw new IllegalArgumentException(selector);
        };
    tipSelector.select(2); // builds the walk's window outside the measurement
  }

  @Benchmark
  public TipSelection select() {
    return tipSelector.select(2);
  }
}
