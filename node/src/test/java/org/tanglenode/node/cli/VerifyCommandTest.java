package org.tanglenode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.receipt.ReceiptFixture;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.protocol.trust.TrustFile;

/** {@code tangle verify} on the worked example of docs/receipts.md: files only, no node. */
class VerifyCommandTest {

  @TempDir Path dir;

  private Path genesis;
  private Path receipt;
  private Path document;

  @BeforeEach
  void writeTheExample() throws IOException {
    genesis = Files.write(dir.resolve("genesis.json"), ReceiptFixture.genesisFile());
    receipt = Files.write(dir.resolve("receipt.json"), ReceiptFixture.exampleReceiptFile());
    document = Files.write(dir.resolve("delivery-note.txt"), ReceiptFixture.document());
  }

  @Test
  void theExampleVerifiesAndTheCommandSaysWhatWasProven() {
    CliRun run =
        CliRun.of(
            "verify",
            receipt.toString(),
            "--genesis",
            genesis.toString(),
            "--file",
            document.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("receipt verified\n");
    assertThat(run.field("transaction:"))
        .isEqualTo("95fb2ded7433b2fa129f406ca2cfe6781dfa8cc909004d20ddc8dc5b2357f352");
    assertThat(run.field("milestone:")).startsWith("1 at 2026-01-01T00:01:03Z");
    assertThat(run.field("history leaf:")).isEqualTo("1 of 3");
    assertThat(run.field("tag:")).isEqualTo("shipment-4711");
    assertThat(run.field("  SHA-256:"))
        .isEqualTo("39ccace23defa71e5ae4faeb23115c5542940aeb1f2ed7de272ac21a6020658f");
  }

  @Test
  void aRefusedReceiptExitsWithOneAndTheReason() throws IOException {
    String text = Files.readString(receipt);
    Files.writeString(receipt, text.replace("\"leafIndex\": 1,", "\"leafIndex\": 2,"));

    CliRun run = CliRun.of("verify", receipt.toString(), "--genesis", genesis.toString());

    assertThat(run.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(run.err()).startsWith("tangle: receipt refused: PATH_MISMATCH: ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anotherDocumentIsAFileMismatch() throws IOException {
    Files.writeString(
        document,
        new String(ReceiptFixture.document(), StandardCharsets.UTF_8).replace("40", "60"));

    CliRun run =
        CliRun.of(
            "verify",
            receipt.toString(),
            "--genesis",
            genesis.toString(),
            "--file",
            document.toString());

    assertThat(run.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(run.err()).contains("receipt refused: FILE_MISMATCH");
  }

  @Test
  void aTrustFileOfTheNetworkStandsInForItsGenesis() throws IOException {
    Path trust = dir.resolve("trust.json");
    TrustFile.write(TrustChain.ofGenesisFile(ReceiptFixture.genesisFile()), trust);

    CliRun run = CliRun.of("verify", receipt.toString(), "--trust", trust.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("receipt verified\n");
  }

  @Test
  void aTrustFileOfAnotherNetworkOrNoTrustFileAtAllIsRefused() throws IOException {
    Path other = dir.resolve("other-trust.json");
    TrustFile.write(TrustChain.ofGenesisFile(GenesisFile.encode(TestNetwork.genesis(0))), other);

    CliRun wrong = CliRun.of("verify", receipt.toString(), "--trust", other.toString());
    CliRun missing =
        CliRun.of("verify", receipt.toString(), "--trust", dir.resolve("none").toString());

    assertThat(wrong.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(wrong.err()).contains("receipt refused: WRONG_NETWORK");
    assertThat(missing.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(missing.err()).contains("trust file").contains("refused");
  }

  /**
   * The reason codes of the shared vectors (web-verifier/vectors/trust-files.json, which the web
   * verifier gives too): {@code genesis refused: CODE:} and {@code trust file refused: CODE
   * (LINK_CODE):} for every named genesis and trust file that is refused.
   */
  @Test
  void refusedGenesisAndTrustFilesAreNamedByTheSharedReasonCodes() throws IOException {
    JsonNode vectors =
        new ObjectMapper()
            .readTree(
                Path.of(System.getProperty("user.dir"))
                    .resolveSibling("web-verifier")
                    .resolve("vectors")
                    .resolve("trust-files.json")
                    .toFile());
    HexFormat hex = HexFormat.of();
    int checked = 0;
    for (String kind : new String[] {"genesisFiles", "trustFiles"}) {
      for (JsonNode vector : vectors.path(kind)) {
        String verdict = vector.path("verdict").asText();
        if (verdict.equals("VALID") || !vector.has("file")) {
          continue;
        }
        Path file =
            Files.write(dir.resolve("material.json"), hex.parseHex(vector.path("file").asText()));
        boolean genesisFile = kind.equals("genesisFiles");
        CliRun run =
            CliRun.of(
                "verify",
                receipt.toString(),
                genesisFile ? "--genesis" : "--trust",
                file.toString());
        assertThat(run.exitCode())
            .as(vector.path("name").asText())
            .isEqualTo(TangleCommand.EXIT_FAILURE);
        assertThat(run.err())
            .as(vector.path("name").asText())
            .startsWith(
                "tangle: "
                    + (genesisFile ? "genesis" : "trust file")
                    + " refused: "
                    + verdict
                    + ": ");
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(40);
  }

  @Test
  void aGenesisThatCannotBeReadIsUnreadable() {
    CliRun run =
        CliRun.of("verify", receipt.toString(), "--genesis", dir.resolve("none.json").toString());

    assertThat(run.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(run.err()).startsWith("tangle: genesis refused: UNREADABLE: ");
  }

  @Test
  void exactlyOneOfGenesisAndTrustIsNeeded() {
    assertThat(CliRun.of("verify", receipt.toString()).exitCode())
        .isEqualTo(TangleCommand.EXIT_USAGE);
    assertThat(
            CliRun.of(
                    "verify",
                    receipt.toString(),
                    "--genesis",
                    genesis.toString(),
                    "--trust",
                    genesis.toString())
                .exitCode())
        .isEqualTo(TangleCommand.EXIT_USAGE);
  }

  @Test
  void aMissingReceiptFileIsAFailureNotACrash() {
    CliRun run =
        CliRun.of("verify", dir.resolve("none.json").toString(), "--genesis", genesis.toString());

    assertThat(run.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(run.err()).contains("cannot read");
  }
}
