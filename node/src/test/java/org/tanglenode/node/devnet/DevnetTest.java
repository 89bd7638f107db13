package org.tanglenode.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.consensus.ledger.LedgerAddress;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.node.Http;
import org.tanglenode.node.Node;
import org.tanglenode.node.cli.CliRunner;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.trust.GenesisTrust;
import org.tanglenode.storage.ConflictState;
import org.tanglenode.storage.TransactionMetadata;

/**
 * What {@code tangle devnet} runs, in process: its files, three nodes on loopback with free API
 * ports (the coordinator first), and its demo traffic through the nodes' APIs. Anchors, shipment
 * events and transfers are confirmed on every node, and every node's ledger shows the same moved
 * balances with the supply kept.
 */
class DevnetTest {

  @TempDir Path dir;

  @Test
  void theDevnetGenesisNamesThreeDemoKeysAsOrganisationsAndLeavesTheFourthUnknown() {
    DevnetFiles files =
        DevnetFiles.openOrCreate(dir.resolve("devnet"), new SecureRandom(), Clock.systemUTC());

    var trust = new GenesisTrust(files.network());

    for (int i = 0; i < 3; i++) {
      assertThat(trust.organisationAt(files.demoKeys().get(i).publicKey(), 1))
          .contains(DevnetFiles.DEMO_ORGANISATIONS.get(i));
    }
    assertThat(trust.organisationAt(files.demoKeys().get(3).publicKey(), 1)).isEmpty();
  }

  @Test
  void demoTrafficIsConfirmedOnEveryNode() throws Exception {
    DevnetFiles files =
        DevnetFiles.openOrCreate(dir.resolve("devnet"), new SecureRandom(), Clock.systemUTC());
    try (Devnet devnet =
        new Devnet(
            files,
            new Devnet.Settings(3, 0, "devnet-test-token"),
            Clock.systemUTC(),
            new SplittableRandom(7))) {
      devnet.start();
      List<Node> nodes = devnet.nodes();
      assertThat(nodes).hasSize(3);
      try (DemoTraffic traffic =
          new DemoTraffic(
              files,
              nodes.get(0),
              devnet.apiAddresses().stream()
                  .map(a -> URI.create("http://" + a.getHostString() + ":" + a.getPort()))
                  .toList(),
              "devnet-test-token",
              Clock.systemUTC(),
              new SplittableRandom(11),
              250)) {
        traffic.start();
        try {
          await()
              .atMost(Duration.ofSeconds(90))
              .pollInterval(Duration.ofMillis(500))
              .untilAsserted(
                  () -> {
                    List<TransactionId> issued = traffic.issued();
                    assertThat(issued).hasSizeGreaterThanOrEqualTo(6);
                    for (TransactionId id : issued.subList(0, 6)) {
                      for (Node node : nodes) {
                        TransactionMetadata meta = node.store().metadata(id).orElseThrow();
                        assertThat(meta.referenced()).as("%s on %s", id, node.nodeKey()).isTrue();
                        assertThat(meta.conflict()).isEqualTo(ConflictState.NONE);
                      }
                    }
                    for (Node node : nodes) {
                      long supply = 0;
                      boolean moved = false;
                      for (Ed25519PrivateKey key : files.demoKeys()) {
                        long balance =
                            node.consensus().ledger().balance(LedgerAddress.of(key.publicKey()));
                        supply += balance;
                        moved |= balance != DevnetFiles.DEMO_ALLOCATION;
                      }
                      assertThat(supply)
                          .isEqualTo(DevnetFiles.DEMO_KEYS * DevnetFiles.DEMO_ALLOCATION);
                      assertThat(moved).as("a transfer is confirmed").isTrue();
                    }
                    JsonNode trail =
                        new Http(devnet.apiAddresses().get(0))
                            .get("/api/v1/trails/shipment-4711")
                            .json();
                    assertThat(trail.path("entries")).as(trail.toString()).isNotEmpty();
                    for (JsonNode entry : trail.path("entries")) {
                      assertThat(entry.path("kind").asText()).isEqualTo("event");
                      assertThat(entry.path("record").path("trail").asText())
                          .isEqualTo("shipment-4711");
                    }
                    assertThat(trail.path("entries").get(0).path("organisation").asText())
                        .as("demo-2 signs the first event and is named in the genesis")
                        .isNotEmpty();
                  });
          // Open submit on a devnet: a caller-signed anchor needs no token.
          Path note = dir.resolve("note.txt");
          Files.writeString(note, "delivery note 4711\n");
          CliRunner.Result anchored =
              CliRunner.run(
                  "anchor",
                  note.toString(),
                  "--key",
                  files.dir().resolve("demo-1.key").toString(),
                  "--api",
                  new Http(devnet.apiAddresses().get(1)).base().toString());
          assertThat(anchored.exitCode()).as(anchored.err()).isZero();
        } catch (AssertionError e) {
          for (Node node : nodes) {
            System.err.println(
                node.nodeKey()
                    + ": transactions "
                    + node.store().transactionCount()
                    + ", confirmed milestone "
                    + node.consensus().confirmer().confirmedIndex());
          }
          throw e;
        }
      }
    }
  }

  @Test
  void theColdChainShipmentsReadingsAreAnchoredAndAnExcursionReachesItsTrail() throws Exception {
    DevnetFiles files =
        DevnetFiles.openOrCreate(dir.resolve("devnet"), new SecureRandom(), Clock.systemUTC());
    try (Devnet devnet =
        new Devnet(
            files,
            new Devnet.Settings(1, 0, "devnet-test-token"),
            Clock.systemUTC(),
            new SplittableRandom(7))) {
      devnet.start();
      var api = devnet.apiAddresses().get(0);
      // Fast: a reading pair every 100 ms, warm for 4 of every 20 ticks, a batch a second.
      try (ColdChainDemo sensors =
          new ColdChainDemo(
              files,
              URI.create("http://" + api.getHostString() + ":" + api.getPort()),
              "devnet-test-token",
              dir.resolve("gateway"),
              Clock.systemUTC(),
              new SplittableRandom(3),
              100,
              20,
              Duration.ofSeconds(1))) {
        sensors.start();
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(
                () -> {
                  assertThat(sensors.confirmedUpTo())
                      .as("readings in confirmed batches")
                      .isPositive();
                  JsonNode trail =
                      new Http(api).get("/api/v1/trails/" + ColdChainDemo.TRAIL).json();
                  List<String> events = new java.util.ArrayList<>();
                  trail
                      .path("entries")
                      .forEach(e -> events.add(e.path("record").path("event").asText()));
                  assertThat(events).as(trail.toString()).contains("temperature-excursion");
                });
      }
    }
  }
}
