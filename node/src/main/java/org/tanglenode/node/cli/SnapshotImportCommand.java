package org.tanglenode.node.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.tanglenode.node.NodeStartException;
import org.tanglenode.node.SnapshotImport;
import org.tanglenode.node.config.ConfigException;
import org.tanglenode.node.config.ConfigLoader;
import org.tanglenode.node.config.NodeConfig;
import org.tanglenode.storage.SnapshotInfo;
import org.tanglenode.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Fills the empty data folder of a stopped node from a snapshot file. The node then starts",
      "at the snapshot's milestone and syncs the rest from its peers."
    })
final class SnapshotImportCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      description = "The node's YAML configuration (without it: defaults and environment only).")
  Path config;

  @Parameters(index = "0", paramLabel = "FILE", description = "The snapshot file.")
  Path file;

  @Override
  public void run() {
    NodeConfig settings;
    try {
      ConfigLoader loader = new ConfigLoader(System.getenv());
      settings = config == null ? loader.defaults(Path.of("")) : loader.load(config);
    } catch (ConfigException e) {
      throw new CommandFailedException("configuration refused: " + e.getMessage(), e);
    }
    SnapshotInfo info;
    try {
      info = new SnapshotImport(settings, Clock.systemUTC()).importFrom(file);
    } catch (NodeStartException | StorageException e) {
      throw new CommandFailedException("snapshot not imported: " + e.getMessage(), e);
    }
    spec.commandLine()
        .getOut()
        .printf(
            "imported milestone %d (%s) into %s: %d unspent outputs, %d solid entry points%n",
            info.milestoneIndex(),
            info.milestoneId(),
            settings.databasePath(),
            info.outputs(),
            info.solidEntryPoints());
  }
}
