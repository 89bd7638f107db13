package org.tanglenode.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tangle trust}: the network's trust chain (docs/trust.md). */
@Command(
    name = "trust",
    mixinStandardHelpOptions = true,
    description = {
      "The committee and the issuer registry over time: export the trust file a node holds, or",
      "build, sign, cosign and submit a trust update."
    },
    subcommands = {TrustExportCommand.class, TrustUpdateCommand.class, TrustCosignCommand.class})
final class TrustCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
