package org.tanglenode.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tangle devnet --nodes 2 --api-port 0} in a JVM of its own, as the README's main command
 * runs it: it prints its nodes' API addresses, its demo shipment trail is confirmed on the peer,
 * and SIGTERM (as Ctrl-C) stops every node within seconds.
 */
class DevnetCommandTest {

  @TempDir Path dir;

  @Test
  void theDevnetCommandConfirmsItsTrafficAndStopsOnSigterm() throws Exception {
    try (DevnetProcess devnet = DevnetProcess.fromClassPath(dir, 2)) {
      devnet.awaitConfirmedTraffic(1, Duration.ofSeconds(60));

      assertThat(devnet.stop(Duration.ofSeconds(20))).as("stopped within 20 s").isTrue();
      assertThat(devnet.stderr().lines().filter(l -> l.contains("node stopped in"))).hasSize(2);
    }
  }
}
