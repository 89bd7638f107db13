package org.tanglenode.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tangle snapshot}: snapshot files of the ledger (docs/storage.md, docs/operations.md). */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = {
      "Snapshot files: the ledger state, a confirmed milestone and the history-tree frontier.",
      "Export one from a running node, import one into a new node's empty data folder."
    },
    subcommands = {SnapshotExportCommand.class, SnapshotImportCommand.class})
final class SnapshotCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "say export or import");
  }
}
