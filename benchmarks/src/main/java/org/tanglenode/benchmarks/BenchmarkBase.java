package org.tanglenode.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings every benchmark of the suite shares, so that runs are comparable: throughput in
 * operations per second, forked JVMs with a fixed heap and collector, and the same warmup and
 * measurement. JMH reads these annotations from the superclass; a benchmark declares only its state
 * and its methods. Command-line options ({@code -f}, {@code -wi}, {@code -i}, ...) override the
 * counts here but not the JVM flags.
 *
 * <p>The heap is fixed ({@code -Xms} equal to {@code -Xmx}, pre-touched) so that heap resizing
 * never lands in a measurement, and G1 is named because on a machine with fewer than two cores or
 * under 1792 MB the JVM would otherwise pick the serial collector.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = BenchmarkBase.FORKS,
    jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC"})
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public abstract class BenchmarkBase {

  /** Forks per benchmark unless {@code -f} says otherwise. */
  public static final int FORKS = 2;

  /** Seed of every random input, so that two runs measure the same bytes. */
  protected static final long SEED = 20240101L;
}
