package org.tanglenode.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * Which build of the node this is: the Maven project version and the git commit it was built from,
 * written into {@code build.properties} at build time (node/pom.xml runs {@code git describe}). A
 * build outside a git checkout (a source tarball, a container build stage without {@code .git}) has
 * the commit {@code unknown}.
 *
 * @param version the project version, such as {@code 0.1.0} or {@code 0.2.0-SNAPSHOT}
 * @param commit the abbreviated git commit id, with {@code -dirty} when the working tree had
 *     uncommitted changes, or {@code unknown}
 */
public record BuildInfo(String version, String commit) {

  static final String RESOURCE = "build.properties";
  static final String UNKNOWN = "unknown";

  public BuildInfo {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(commit, "commit");
  }

  /** The build this class was compiled in, read from the class path. */
  public static BuildInfo current() {
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the jar lacks " + RESOURCE + "; build it with Maven (./mvnw -pl node -am package)");
      }
      Properties properties = new Properties();
      properties.load(in);
      return new BuildInfo(
          filled(properties.getProperty("version")), filled(properties.getProperty("commit")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** A value Maven did not fill (no git data) stays {@code ${...}}: it is unknown, not a name. */
  private static String filled(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value.trim();
  }

  /** One line for people: {@code 0.1.0 (commit 1a2b3c4d5e)}. */
  public String describe() {
    return version + " (commit " + commit + ")";
  }
}
