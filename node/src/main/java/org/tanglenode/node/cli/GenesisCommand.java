package org.tanglenode.node.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.crypto.keyfile.KeyFileException;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.protocol.genesis.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "genesis",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the genesis file of a new network and prints the network id (its hash).",
      "Every node of the network needs this exact file."
    })
final class GenesisCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(names = "--name", required = true, description = "Network name, such as aid-ledger-east.")
  String name;

  @Option(
      names = "--committee",
      description = "A committee member's public key (64 hex digits); repeat for each member.")
  List<String> committeeKeys = new ArrayList<>();

  @Option(
      names = "--committee-key-file",
      description = "A committee member's key file (its public key is used); repeatable.")
  List<Path> committeeKeyFiles = new ArrayList<>();

  @Option(
      names = "--threshold",
      defaultValue = "1",
      description = "Committee signatures a milestone needs (default: ${DEFAULT-VALUE}).")
  int threshold;

  @Option(
      names = "--pow-difficulty",
      defaultValue = "12",
      description =
          "Leading zero bits of proof of work (default: ${DEFAULT-VALUE}; 0 for benchmarks).")
  int powDifficulty;

  @Option(
      names = "--milestone-interval-ms",
      defaultValue = "1000",
      description = "Milestone interval in milliseconds (default: ${DEFAULT-VALUE}).")
  long milestoneIntervalMs;

  @Option(
      names = "--address-prefix",
      defaultValue = "tgl",
      description = "Human-readable prefix of addresses (default: ${DEFAULT-VALUE}).")
  String addressPrefix;

  @Option(
      names = {"-o", "--out"},
      defaultValue = "genesis.json",
      description = "File to write; never overwritten (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public void run() {
    List<Ed25519PublicKey> keys = new ArrayList<>();
    for (String hex : committeeKeys) {
      keys.add(Ed25519PublicKey.fromHex(hex));
    }
    for (Path file : committeeKeyFiles) {
      try {
        keys.add(KeyFile.read(file).publicKey());
      } catch (KeyFileException e) {
        throw new CommandFailedException(e.getMessage(), e);
      }
    }
    Genesis genesis =
        new Genesis(
            name,
            addressPrefix,
            powDifficulty,
            milestoneIntervalMs,
            Clock.systemUTC().millis(),
            new Committee(keys, threshold),
            Limits.DEFAULT,
            List.of());
    byte[] bytes = GenesisFile.encode(genesis);
    try {
      Files.write(out, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new CommandFailedException("cannot write " + out + ": " + e, e);
    }
    Network network = GenesisFile.parse(bytes);
    var stdout = spec.commandLine().getOut();
    stdout.println("genesis file: " + out.toAbsolutePath());
    stdout.println("network id:   " + network.id().toHex());
  }
}
