package org.tanglenode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
