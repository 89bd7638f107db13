package org.tanglenode.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tangle} command. Subcommands only translate arguments into calls on the domain
 * modules; exit codes are listed in docs/cli.md.
 */
@Command(
    name = "tangle",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A Tangle node: a shared, append-only ledger for tamper-evident audit trails.",
    subcommands = {
      KeygenCommand.class,
      GenesisCommand.class,
      TransactionCommand.class,
      DemoCommand.class,
      SimulateCommand.class,
      NodeCommand.class,
      DevnetCommand.class,
      InfoCommand.class,
      SubmitCommand.class,
      PeersCommand.class,
      AnchorCommand.class,
      TrailCommand.class,
      ReportCommand.class,
      TrustCommand.class,
      ReceiptCommand.class,
      VerifyCommand.class,
      VerifyHistoryCommand.class,
      BenchCommand.class,
      SnapshotCommand.class,
      GatewayCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TangleCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Success. */
  public static final int EXIT_OK = 0;

  /** The command ran but failed: an unreadable file, an invalid genesis, a refused input. */
  public static final int EXIT_FAILURE = 1;

  /** The arguments were wrong (picocli's usage error). */
  public static final int EXIT_USAGE = 2;

  /** A command that talks to a node found no node answering at its API address. */
  public static final int EXIT_UNREACHABLE = 3;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The command line with this program's error handling, for {@link #main} and tests. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new TangleCommand());
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          if (exception instanceof CommandFailedException
              || exception instanceof IllegalArgumentException) {
            cmd.getErr().println("tangle: " + exception.getMessage());
            return EXIT_FAILURE;
          }
          if (exception instanceof NodeUnreachableException) {
            cmd.getErr().println("tangle: " + exception.getMessage());
            return EXIT_UNREACHABLE;
          }
          throw exception;
        });
    return commandLine;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
