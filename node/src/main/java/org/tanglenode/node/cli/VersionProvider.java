package org.tanglenode.node.cli;

import org.tanglenode.node.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** The version and git commit the jar was built from (see {@link BuildInfo}). */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"tangle " + BuildInfo.current().describe()};
  }
}
