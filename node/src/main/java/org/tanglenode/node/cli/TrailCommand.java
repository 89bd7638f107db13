package org.tanglenode.node.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "trail",
    mixinStandardHelpOptions = true,
    description = {
      "Appends to, shows and proves fields of event trails.",
      "A trail of a shipment, procurement or disbursement is its events, recorded under the tag"
          + " trail:ID, each signed by its writer's key (docs/records.md)."
    },
    subcommands = {TrailAppendCommand.class, TrailShowCommand.class, TrailProveCommand.class})
final class TrailCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
