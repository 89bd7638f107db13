package org.tanglenode.node.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = TangleCommand.class.getPackage().getImplementationVersion();
    return new String[] {"tangle " + (version == null ? "development" : version)};
  }
}
