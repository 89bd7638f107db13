package org.tanglenode.node.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.node.Http;
import org.tanglenode.node.Node;
import org.tanglenode.node.TestNodes;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.sensor.ReadingReceiptVerdict;
import org.tanglenode.protocol.sensor.ReadingReceiptVerifier;
import org.tanglenode.protocol.sensor.SensorReading;
import org.tanglenode.protocol.trust.GenesisTrust;

/**
 * The gateway in its own JVM, killed with SIGKILL at random moments while simulated sensors publish
 * at QoS 1 to a real Mosquitto, and started again each time. Every reading the broker acknowledged
 * (PUBACK) must end up stored, anchored and provable: the broker keeps what the gateway has not
 * acknowledged in its persistent session, and the gateway acknowledges only what is durable. A few
 * kills by default; {@code -Dtangle.gateway.kills=N} for more.
 */
class GatewayCrashTest {

  @TempDir Path dir;

  @Test
  void aGatewayKilledWithSigkillLosesNoReadingTheBrokerAcknowledged() throws Exception {
    int kills = Integer.getInteger("tangle.gateway.kills", 3);
    SplittableRandom random = new SplittableRandom(Long.getLong("tangle.gateway.seed", 18));
    TestNodes nodes =
        new TestNodes(
            java.nio.file.Files.createDirectories(dir.resolve("net")),
            TestNetwork.genesis(4).withMilestoneIntervalMs(300));
    ReadingReceiptVerifier verifier = new ReadingReceiptVerifier(new GenesisTrust(nodes.network()));
    ExecutorService publishers = Executors.newSingleThreadExecutor();
    try (Mosquitto broker = Mosquitto.start(dir.resolve("mqtt"));
        Node coordinator = nodes.start("coordinator", List.of(), nodes.coordinatorYaml())) {
      URI nodeUrl =
          URI.create("http://127.0.0.1:" + coordinator.apiAddress().orElseThrow().getPort() + "/");
      Path config =
          GatewayFixture.write(dir.resolve("gateway"), nodeUrl, broker.url(), "500ms", 2048, "");
      GatewayProcess gateway = GatewayProcess.start(config);
      ConcurrentLinkedQueue<SensorReading> acked = new ConcurrentLinkedQueue<>();
      SensorSimulator simulator =
          new SensorSimulator(
              broker.url(),
              "crash-publisher",
              new SensorSimulator.Plan(
                  200,
                  Duration.ofSeconds(1),
                  Optional.empty(),
                  0,
                  0,
                  false,
                  "crash-logger-",
                  "tangle/readings"),
              Clock.systemUTC(),
              7,
              acked::add);
      Future<Long> publishing = publishers.submit(simulator::run);
      try {
        for (int kill = 1; kill <= kills; kill++) {
          Http http = new Http(gateway.http());
          long before = stored(http);
          long more = 300 + random.nextInt(3000);
          await()
              .atMost(Duration.ofMinutes(1))
              .pollInterval(Duration.ofMillis(20))
              .until(() -> stored(http) >= before + more);
          gateway.kill();
          // The broker keeps publishing's readings for the gateway's session meanwhile.
          gateway = GatewayProcess.start(config);
        }
      } finally {
        simulator.stop();
      }
      long published = publishing.get();
      assertThat(published).isPositive();
      assertThat(simulator.failed()).isZero();
      List<SensorReading> readings = new ArrayList<>(acked);
      Http http = new Http(gateway.http());
      try {
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(
                () -> {
                  var health = http.get("/health").json();
                  assertThat(health.path("stored").asLong())
                      .isGreaterThanOrEqualTo(readings.size());
                  assertThat(health.path("confirmedUpTo").asLong())
                      .isEqualTo(health.path("stored").asLong());
                });
        int verified = 0;
        for (SensorReading reading : readings) {
          String id = HexFormat.of().formatHex(reading.leafHash());
          Http.Answer answer = http.get("/readings/" + id + "/receipt");
          assertThat(answer.status())
              .as("acknowledged reading %s: %s", reading, answer)
              .isEqualTo(200);
          ReadingReceiptVerdict verdict =
              verifier.verify(answer.body().getBytes(StandardCharsets.UTF_8));
          assertThat(verdict.isVerified()).as("%s", verdict).isTrue();
          verified++;
        }
        System.out.printf(
            "GatewayCrashTest: %d kills, %d readings acknowledged by the broker, all %d stored,"
                + " anchored and verified%n",
            kills, readings.size(), verified);
      } finally {
        gateway.close();
      }
    } finally {
      publishers.shutdownNow();
    }
  }

  private static long stored(Http http) {
    return http.get("/health").json().path("stored").asLong();
  }
}
