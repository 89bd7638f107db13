package org.tanglenode.node.cli;

/** Runs the tangle command line in this JVM for tests outside the cli package. */
public final class CliRunner {

  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  private CliRunner() {}

  public static Result run(String... args) {
    CliRun run = CliRun.of(args);
    return new Result(run.exitCode(), run.out(), run.err());
  }
}
