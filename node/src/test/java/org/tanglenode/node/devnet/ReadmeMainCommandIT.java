package org.tanglenode.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command exactly as a user types it: the repository's {@code ./tangle} script
 * (using the {@code tangle.jar} that {@code package} just built) starts a two-node devnet whose
 * traffic gets confirmed, and SIGTERM stops it within 20 s.
 */
class ReadmeMainCommandIT {

  @TempDir Path dir;

  @Test
  void theReadmeDevnetCommandConfirmsTrafficAndStopsOnSigterm() throws Exception {
    Path repo = Path.of(System.getProperty("tangle.repo.dir", "..")).toAbsolutePath().normalize();
    assertThat(repo.resolve("tangle")).as("the ./tangle script in " + repo).isExecutable();
    assertThat(repo.resolve("node/target/tangle.jar")).as("built by package").isRegularFile();

    try (DevnetProcess devnet = DevnetProcess.fromScript(repo, dir, 2)) {
      devnet.awaitConfirmedTraffic(0, Duration.ofSeconds(90));
      devnet.awaitConfirmedTraffic(1, Duration.ofSeconds(30));

      assertThat(devnet.stop(Duration.ofSeconds(20)))
          .as("stopped within 20 s; stderr:\n%s", devnet.stderr())
          .isTrue();
      assertThat(devnet.stderr()).doesNotContain("tangle: building");
    }
  }
}
