package org.tanglenode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.node.Http;
import org.tanglenode.node.Node;
import org.tanglenode.node.TestNodes;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.protocol.trust.TrustFile;

/**
 * Two nodes on loopback with RocksDB in temp folders. The coordinator holds the genesis committee's
 * keys and key 201. {@code tangle trust update} hands the committee over to key 201 alone from a
 * milestone index a few milestones ahead; both nodes follow the milestones across the change, the
 * milestones from that index on are signed by key 201, and {@code tangle trust export} writes a
 * trust file that verifies offline and names the new committee and issuer. A third node that joins
 * after the change syncs across it.
 */
class TrustCommandsTest {

  private static final int MARGIN = 8;

  @TempDir Path dir;

  @Test
  void aCommitteeHandOverIsSubmittedFollowedAcrossAndExported() {
    Genesis base = TestNetwork.genesis(0);
    Genesis genesis = base.withMilestoneIntervalMs(300);
    TestNodes nodes = new TestNodes(dir, genesis);
    Ed25519PrivateKey next = TestNetwork.key(201);
    Path g1 = key(dir, "g1.key", TestNetwork.committeeKeys().get(0));
    Path g2 = key(dir, "g2.key", TestNetwork.committeeKeys().get(1));
    key(dir, "g3.key", TestNetwork.committeeKeys().get(2));
    key(dir, "n1.key", next);
    String coordinator =
        "coordinator:\n  enabled: true\n"
            + "  committeeKeyFiles: [../g1.key, ../g2.key, ../g3.key, ../n1.key]\n";
    try (Node c = nodes.start("coordinator", List.of(), coordinator);
        Node p = nodes.start("peer", List.of("127.0.0.1:" + c.gossipAddress().getPort()), "")) {
      Http apiC = new Http(c.apiAddress().orElseThrow());
      Http apiP = new Http(p.apiAddress().orElseThrow());
      String api = apiC.base().toString();
      await().atMost(Duration.ofSeconds(15)).until(() -> confirmed(apiP) >= 1);
      // A receipt made under the genesis committee, before the hand-over.
      Path before = receiptOfNewRecord(apiC, apiP, "before the hand-over");
      int effective = confirmed(apiC) + MARGIN;

      CliRun update =
          CliRun.of(
              "trust",
              "update",
              "--api",
              api,
              "--token",
              TestNodes.WRITE_TOKEN,
              "--key",
              g1.toString(),
              "--cosign",
              g2.toString(),
              "--effective",
              Integer.toString(effective),
              "--committee-key",
              next.publicKey().toHex(),
              "--threshold",
              "1",
              "--issuer",
              TestNetwork.key(8).publicKey().toHex() + "=Depot South");
      assertThat(update.exitCode()).as(update.err()).isZero();
      assertThat(update.field("sequence:")).isEqualTo("1");
      assertThat(update.field("status:")).isEqualTo("stored");

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> confirmed(apiC) >= effective + 2 && confirmed(apiP) >= effective + 2);
      assertThat(issuer(apiP, effective - 1))
          .isEqualTo(TestNetwork.committeeKeys().get(0).publicKey().toHex());
      assertThat(issuer(apiP, effective)).isEqualTo(next.publicKey().toHex());
      assertThat(issuer(apiP, effective + 1)).isEqualTo(next.publicKey().toHex());

      Path file = dir.resolve("trust.json");
      CliRun export =
          CliRun.of("trust", "export", "--api", apiP.base().toString(), "--out", file.toString());
      assertThat(export.exitCode()).as(export.err()).isZero();
      assertThat(export.field("updates:")).isEqualTo("1");
      TrustChain chain = TrustFile.read(file);
      assertThat(chain.network().id()).isEqualTo(nodes.network().id());
      assertThat(chain.committeeAt(effective - 1)).isEqualTo(genesis.committee());
      assertThat(chain.committeeAt(effective).keys()).containsExactly(next.publicKey());
      assertThat(chain.organisationAt(TestNetwork.key(8).publicKey(), effective))
          .contains("Depot South");
      assertThat(chain.organisationAt(TestNetwork.key(8).publicKey(), effective - 1)).isEmpty();

      // After the hand-over: the old receipt still verifies, with the genesis or the trust file;
      // a receipt signed by the new committee verifies only with the trust file.
      Path after = receiptOfNewRecord(apiC, apiP, "after the hand-over");
      Path genesisFile = dir.resolve("genesis.json"); // the file every node was started with
      assertThat(verify(before, "--trust", file).exitCode()).isZero();
      assertThat(verify(before, "--genesis", genesisFile).exitCode()).isZero();
      assertThat(verify(after, "--trust", file).exitCode()).isZero();
      CliRun withGenesisOnly = verify(after, "--genesis", genesisFile);
      assertThat(withGenesisOnly.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
      assertThat(withGenesisOnly.err()).contains("BELOW_THRESHOLD");

      // A history that spans the hand-over: milestone effective - 1 signed by the genesis
      // committee, effective + 1 by the new one. Checks out with the trust file only.
      String from = Integer.toString(effective - 1);
      String to = Integer.toString(effective + 1);
      CliRun history =
          CliRun.of(
              "verify-history",
              "--api",
              api,
              "--from",
              from,
              "--to",
              to,
              "--trust",
              file.toString());
      assertThat(history.exitCode()).as(history.err()).isZero();
      assertThat(history.out()).startsWith("history consistent\n");
      CliRun historyWithGenesis =
          CliRun.of(
              "verify-history",
              "--api",
              api,
              "--from",
              from,
              "--to",
              to,
              "--genesis",
              genesisFile.toString());
      assertThat(historyWithGenesis.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
      assertThat(historyWithGenesis.err()).contains("history refused: BELOW_THRESHOLD");

      try (Node late =
          nodes.start("late", List.of("127.0.0.1:" + c.gossipAddress().getPort()), "")) {
        Http apiL = new Http(late.apiAddress().orElseThrow());
        await().atMost(Duration.ofSeconds(30)).until(() -> confirmed(apiL) >= effective + 2);
        assertThat(issuer(apiL, effective)).isEqualTo(next.publicKey().toHex());
      }

      CliRun again =
          CliRun.of(
              "trust",
              "update",
              "--api",
              api,
              "--key",
              g1.toString(),
              "--cosign",
              g2.toString(),
              "--effective",
              Integer.toString(effective + 100),
              "--revoke",
              TestNetwork.key(8).publicKey().toHex());
      assertThat(again.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
      assertThat(again.err()).contains("TOO_FEW_SIGNATURES");
    }
  }

  /** Submits a record on the coordinator, waits until the peer confirms it, saves its receipt. */
  private Path receiptOfNewRecord(Http coordinator, Http peer, String text) {
    Http.Answer made =
        coordinator.post(
            "/api/v1/transactions/data",
            Http.json(Map.of("tag", "handover-test", "data", text)),
            TestNodes.WRITE_TOKEN);
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    String id = made.json().path("id").asText();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                peer.get("/api/v1/transactions/" + id + "/metadata")
                    .json()
                    .path("confirmed")
                    .asBoolean());
    Path receipt = dir.resolve("receipt-" + id.substring(0, 8) + ".json");
    CliRun fetched =
        CliRun.of("receipt", id, "--api", peer.base().toString(), "--out", receipt.toString());
    assertThat(fetched.exitCode()).as(fetched.err()).isZero();
    return receipt;
  }

  private static CliRun verify(Path receipt, String option, Path file) {
    return CliRun.of("verify", receipt.toString(), option, file.toString());
  }

  private static Path key(Path dir, String name, Ed25519PrivateKey key) {
    Path file = dir.resolve(name);
    KeyFile.write(file, key);
    return file;
  }

  private static int confirmed(Http api) {
    return api.get("/api/v1/info").json().path("milestones").path("confirmed").asInt();
  }

  private static String issuer(Http api, int index) {
    JsonNode milestone = api.get("/api/v1/milestones/" + index).json();
    return milestone.path("transaction").path("issuer").asText();
  }
}
