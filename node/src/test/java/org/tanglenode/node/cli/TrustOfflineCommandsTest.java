package org.tanglenode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.trust.LinkVerdict;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.protocol.trust.TrustFile;

/**
 * A trust update built against a trust file, without a node, by one member, and cosigned by a
 * second member in a separate run, as committee members on different machines would.
 */
class TrustOfflineCommandsTest {

  @TempDir Path dir;

  @Test
  void oneMemberIssuesAnotherCosignsAndTheUpdateLinks() throws Exception {
    TrustChain genesis = TrustChain.ofGenesisFile(GenesisFile.encode(TestNetwork.genesis(0)));
    Path trust = dir.resolve("trust.json");
    TrustFile.write(genesis, trust);
    Path g1 = dir.resolve("g1.key");
    Path g2 = dir.resolve("g2.key");
    KeyFile.write(g1, TestNetwork.committeeKeys().get(0));
    KeyFile.write(g2, TestNetwork.committeeKeys().get(1));
    Path update = dir.resolve("update.tx");
    String next = TestNetwork.key(201).publicKey().toHex();

    CliRun issued =
        CliRun.of(
            "trust",
            "update",
            "--trust",
            trust.toString(),
            "--key",
            g1.toString(),
            "--effective",
            "50",
            "--committee-key",
            next,
            "--threshold",
            "1",
            "--out",
            update.toString());
    assertThat(issued.exitCode()).as(issued.err()).isZero();
    assertThat(issued.field("links:")).startsWith("no: TOO_FEW_SIGNATURES");

    byte[] unCosigned = Files.readAllBytes(update);
    CliRun blind =
        CliRun.of(
            "trust",
            "cosign",
            "--key",
            g2.toString(),
            "--in",
            update.toString(),
            "--trust",
            trust.toString());
    assertThat(blind.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(blind.err()).contains("add --yes");
    assertThat(blind.field("effective:")).isEqualTo("50");
    assertThat(blind.out()).contains("key:        " + next).contains("threshold 1 of 1 keys");
    assertThat(Files.readAllBytes(update))
        .as("nothing written without --yes")
        .isEqualTo(unCosigned);

    CliRun cosigned =
        CliRun.of(
            "trust",
            "cosign",
            "--key",
            g2.toString(),
            "--in",
            update.toString(),
            "--trust",
            trust.toString(),
            "--yes");
    assertThat(cosigned.exitCode()).as(cosigned.err()).isZero();
    assertThat(cosigned.field("cosignatures:")).isEqualTo("1");
    assertThat(cosigned.field("links:")).isEqualTo("yes");

    Transaction tx =
        ((ValidationResult.Valid)
                new TransactionDecoder(1 << 16).decode(Files.readAllBytes(update)))
            .transaction();
    assertThat(genesis.append(tx)).isInstanceOf(LinkVerdict.Linked.class);
    assertThat(tx.id().toHex()).isEqualTo(cosigned.field("id:"));

    byte[] tampered = Files.readAllBytes(update);
    int at = indexOf(tampered, tx.cosignatures().get(0).signature().bytes());
    tampered[at] ^= 1;
    Path forged = dir.resolve("tampered.tx");
    Files.write(forged, tampered);
    CliRun onTampered =
        CliRun.of("trust", "cosign", "--key", g1.toString(), "--in", forged.toString(), "--yes");
    assertThat(onTampered.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(onTampered.err()).contains("does not verify");

    CliRun twice =
        CliRun.of("trust", "cosign", "--key", g2.toString(), "--in", update.toString(), "--yes");
    assertThat(twice.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(twice.err()).contains("has signed it already");

    CliRun unsigned =
        CliRun.of(
            "trust",
            "update",
            "--trust",
            trust.toString(),
            "--key",
            g1.toString(),
            "--effective",
            "50",
            "--revoke",
            next,
            "--api",
            "http://127.0.0.1:1");
    assertThat(unsigned.exitCode())
        .as("without --out it must link")
        .isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(unsigned.err()).contains("TOO_FEW_SIGNATURES");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
