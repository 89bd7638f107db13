package org.tanglenode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.crypto.keyfile.KeyPassphrase;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Network;

class TangleCommandTest {

  @TempDir Path dir;

  @Test
  void keygenWritesAPrivateKeyFileAndPrintsOnlyThePublicParts() throws Exception {
    Path key = dir.resolve("me.key");

    CliRun run = CliRun.of("keygen", "--out", key.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.getPosixFilePermissions(key))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    String publicKey = KeyFile.read(key).publicKey().toHex();
    assertThat(run.field("public key:")).isEqualTo(publicKey);
    assertThat(run.field("address:")).startsWith("tgl1");
    String seed = HexFormat.of().formatHex(KeyFile.read(key).seed());
    assertThat(run.out()).doesNotContain(seed);
  }

  @Test
  void keygenEncryptsWithThePassphraseFromTheEnvironmentAndRefusesWithoutOne() throws Exception {
    Path key = dir.resolve("encrypted.key");
    KeygenCommand keygen = new KeygenCommand();
    keygen.environment = java.util.Map.of(KeyPassphrase.ENV_PASSPHRASE, "regional office 4");
    int exitCode = new picocli.CommandLine(keygen).execute("--out", key.toString(), "--encrypt");

    assertThat(exitCode).isZero();
    assertThat(KeyFile.isEncrypted(key)).isTrue();
    assertThat(KeyFile.read(key, KeyPassphrase.of("regional office 4".toCharArray())).publicKey())
        .isNotNull();

    KeygenCommand without = new KeygenCommand();
    without.environment = java.util.Map.of();
    picocli.CommandLine commandLine = new picocli.CommandLine(without);
    java.io.StringWriter err = new java.io.StringWriter();
    commandLine.setErr(new java.io.PrintWriter(err, true));
    commandLine.setExecutionExceptionHandler(
        TangleCommand.commandLine().getExecutionExceptionHandler());
    assertThat(commandLine.execute("--out", dir.resolve("none.key").toString(), "--encrypt"))
        .isEqualTo(1);
    assertThat(err.toString()).contains(KeyPassphrase.ENV_PASSPHRASE);
    assertThat(dir.resolve("none.key")).doesNotExist();
  }

  @Test
  void keygenNeverOverwritesAKey() throws Exception {
    Path key = dir.resolve("me.key");
    CliRun.of("keygen", "--out", key.toString());
    byte[] before = Files.readAllBytes(key);

    CliRun second = CliRun.of("keygen", "--out", key.toString());

    assertThat(second.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(second.err()).contains(key.toString());
    assertThat(Files.readAllBytes(key)).isEqualTo(before);
  }

  @Test
  void txBuildsASignedTransactionThatANodeAccepts() throws Exception {
    Path key = dir.resolve("me.key");
    Path genesis = dir.resolve("genesis.json");
    Path out = dir.resolve("tx.bin");
    CliRun.of("keygen", "--out", key.toString());
    CliRun made =
        CliRun.of(
            "genesis",
            "--name",
            "cli-test",
            "--committee-key-file",
            key.toString(),
            "--pow-difficulty",
            "10",
            "--out",
            genesis.toString());
    assertThat(made.exitCode()).as(made.err()).isZero();

    CliRun run =
        CliRun.of(
            "tx",
            "--genesis",
            genesis.toString(),
            "--key",
            key.toString(),
            "--tag",
            "shipment-4711",
            "--data",
            "sha256:abc",
            "--out",
            out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Network network = GenesisFile.read(genesis);
    byte[] bytes = Files.readAllBytes(out);
    ValidationResult verdict = new TransactionValidator(network, Clock.systemUTC()).validate(bytes);
    assertThat(verdict).isInstanceOf(ValidationResult.Valid.class);
    assertThat(run.field("id:")).isEqualTo(TransactionId.of(bytes).toHex());
    assertThat(run.field("parents:")).isEqualTo(network.rootId().toHex());
    assertThat(run.field("tag:")).isEqualTo("shipment-4711");
    assertThat(made.field("network id:")).isEqualTo(network.id().toHex());
  }

  @Test
  void aMissingKeyFileIsNamedInTheError() throws Exception {
    Path genesis = dir.resolve("genesis.json");
    Path key = dir.resolve("me.key");
    CliRun.of("keygen", "--out", key.toString());
    CliRun.of(
        "genesis",
        "--name",
        "cli-test",
        "--committee-key-file",
        key.toString(),
        "--out",
        genesis.toString());
    Path missing = dir.resolve("nobody.key");

    CliRun run =
        CliRun.of(
            "tx", "--genesis", genesis.toString(), "--key", missing.toString(), "--data", "x");

    assertThat(run.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(run.err()).contains(missing.toString());
  }

  @Test
  void aBrokenGenesisFileIsNamedWithTheKeyAtFault() throws Exception {
    Path key = dir.resolve("me.key");
    CliRun.of("keygen", "--out", key.toString());
    Path genesis = dir.resolve("genesis.json");
    Files.writeString(genesis, "{\"name\": \"x\"}");

    CliRun run =
        CliRun.of("tx", "--genesis", genesis.toString(), "--key", key.toString(), "--data", "x");

    assertThat(run.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(run.err()).contains(genesis.toString()).contains("committee: missing");
  }

  @Test
  void wrongArgumentsAreAUsageError() {
    CliRun run = CliRun.of("tx", "--no-such-option");

    assertThat(run.exitCode()).isEqualTo(TangleCommand.EXIT_USAGE);
  }

  @Test
  void demoAnchorsAManifestHashInAValidTransaction() throws Exception {
    Path folder = dir.resolve("demo");

    CliRun run = CliRun.of("demo", "--dir", folder.toString(), "--pow-difficulty", "8");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("checked as a node would: valid");
    Network network = GenesisFile.read(folder.resolve("genesis.json"));
    byte[] tx = Files.readAllBytes(folder.resolve("transaction.bin"));
    assertThat(new TransactionValidator(network, Clock.systemUTC()).validate(tx))
        .isInstanceOf(ValidationResult.Valid.class);
    assertThat(Files.readString(folder.resolve("manifest-4711.txt"))).contains("Shipping manifest");
    assertThat(Files.getPosixFilePermissions(folder.resolve("issuer.key")))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }
}
