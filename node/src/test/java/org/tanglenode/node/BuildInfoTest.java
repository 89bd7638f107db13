package org.tanglenode.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tanglenode.node.cli.TangleCommand;
import picocli.CommandLine;

class BuildInfoTest {

  @Test
  void theVersionIsTheProjectVersionFromThePom() throws IOException {
    Path pom = Path.of(System.getProperty("user.dir"), "pom.xml");
    String text = Files.readString(pom);
    // node/pom.xml names its parent's version before anything else.
    int at = text.indexOf("<version>");
    String expected = text.substring(at + 9, text.indexOf("</version>", at));

    assertThat(BuildInfo.current().version()).isEqualTo(expected).doesNotContain("$");
  }

  @Test
  void theCommitIsTheCheckedOutOne() throws Exception {
    Process git =
        new ProcessBuilder("git", "rev-parse", "--short=10", "HEAD")
            .directory(Path.of(System.getProperty("user.dir")).toFile())
            .redirectErrorStream(true)
            .start();
    String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(git.exitValue()).as("git rev-parse: %s", head).isZero();

    // The build ran git describe on the same checkout; "-dirty" follows when files were changed.
    assertThat(BuildInfo.current().commit()).matches(head + "(-dirty)?");
  }

  @Test
  void theVersionOptionPrintsVersionAndCommit() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new TangleCommand());
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute("--version")).isZero();
    BuildInfo build = BuildInfo.current();
    assertThat(out.toString().trim())
        .startsWith("tangle " + build.version() + " (commit " + build.commit());
  }
}
