package org.tanglenode.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.tanglenode.crypto.address.Address;
import org.tanglenode.crypto.hash.Sha256;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.node.issuing.TransactionIssuer;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.ValidationResult;
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
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the whole path of one record offline: makes a committee key and an issuer key, a",
      "genesis for a new network, anchors the hash of a sample shipping manifest in a signed",
      "transaction with proof of work, and checks it as every node would. Writes into a folder",
      "it prints. For a running network use `tangle devnet`."
    })
final class DemoCommand implements Runnable {

  private static final String MANIFEST =
      "Shipping manifest 4711\nfrom: Mombasa warehouse\nto: Clinic 3, Kisumu\n"
          + "lot 12: 400 cartons oral rehydration salts\n";

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      description =
          "Folder to write keys, genesis and transaction into (default: a new temp folder).")
  Path dir;

  @Option(
      names = "--pow-difficulty",
      defaultValue = "16",
      description = "Proof-of-work difficulty of the demo network (default: ${DEFAULT-VALUE}).")
  int powDifficulty;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      Path folder =
          dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("tangle-demo-");
      out.println("demo folder: " + folder.toAbsolutePath());

      SecureRandom random = new SecureRandom();
      Ed25519PrivateKey committeeKey = Ed25519PrivateKey.generate(random);
      Ed25519PrivateKey issuerKey = Ed25519PrivateKey.generate(random);
      KeyFile.write(folder.resolve("committee.key"), committeeKey);
      KeyFile.write(folder.resolve("issuer.key"), issuerKey);
      out.println("1. keys:     committee.key and issuer.key (mode 0600)");
      out.println("   issuer address: " + Address.of(issuerKey.publicKey()).encode("tgl"));

      Clock clock = Clock.systemUTC();
      Genesis genesis =
          new Genesis(
              "demo",
              "tgl",
              powDifficulty,
              1_000,
              clock.millis() - 1,
              new Committee(List.of(committeeKey.publicKey()), 1),
              Limits.DEFAULT,
              List.of());
      byte[] genesisBytes = GenesisFile.encode(genesis);
      Files.write(folder.resolve("genesis.json"), genesisBytes);
      Network network = GenesisFile.parse(genesisBytes);
      out.println("2. genesis:  genesis.json, network id " + network.id().toHex());

      byte[] manifest = MANIFEST.getBytes(StandardCharsets.UTF_8);
      Files.write(folder.resolve("manifest-4711.txt"), manifest);
      byte[] anchor = Sha256.digest(manifest);
      out.println(
          "3. document: manifest-4711.txt, SHA-256 " + java.util.HexFormat.of().formatHex(anchor));
      out.println("   only this hash goes on the ledger, never the document");

      long started = System.nanoTime();
      Transaction tx;
      try (PowSolver solver = new PowSolver(Runtime.getRuntime().availableProcessors())) {
        solver.start();
        tx =
            new TransactionIssuer(network, clock, solver)
                .issue(
                    issuerKey,
                    List.of(network.rootId()),
                    new Payload.Data(Optional.of(Tag.of("shipment-4711")), anchor));
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      Files.write(folder.resolve("transaction.bin"), tx.bytes());
      out.println(
          "4. transaction: signed, proof of work of "
              + powDifficulty
              + " bits in "
              + millis
              + " ms, written to transaction.bin");

      ValidationResult verdict = new TransactionValidator(network, clock).validate(tx.bytes());
      if (verdict instanceof ValidationResult.Invalid invalid) {
        throw new CommandFailedException("the node would refuse it: " + invalid.reason());
      }
      out.println("5. checked as a node would: valid");
      out.println();
      new TransactionPrinter(out).print(tx);
    } catch (IOException e) {
      throw new CommandFailedException("demo failed: " + e, e);
    }
  }
}
