package org.tanglenode.node.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.crypto.keyfile.KeyFileException;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.node.issuing.TransactionIssuer;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.GenesisFileException;
import org.tanglenode.protocol.genesis.Network;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "tx",
    mixinStandardHelpOptions = true,
    description = {
      "Builds a data transaction offline: signs it with your key, does the proof of work the",
      "network asks for, checks it as a node would, and prints its id and encoding."
    })
final class TransactionCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(names = "--genesis", required = true, description = "The network's genesis file.")
  Path genesisFile;

  @Option(names = "--key", required = true, description = "Your key file (see: tangle keygen).")
  Path keyFile;

  @Option(names = "--tag", description = "Tag to index the record under (at most 64 bytes).")
  String tag;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Content content;

  static final class Content {
    @Option(names = "--data", description = "Data as UTF-8 text.")
    String text;

    @Option(names = "--data-hex", description = "Data as hexadecimal digits.")
    String hex;

    byte[] bytes() {
      return text != null ? text.getBytes(StandardCharsets.UTF_8) : HexFormat.of().parseHex(hex);
    }
  }

  @Option(
      names = "--parent",
      description =
          "A transaction to approve (64 hex digits); repeatable, 1 to 8. "
              + "Default: the network's root.")
  List<String> parents = new ArrayList<>();

  @Option(
      names = {"-o", "--out"},
      description = "Also write the encoded transaction to this file.")
  Path out;

  @Override
  public void run() {
    Network network = readGenesis(genesisFile);
    Ed25519PrivateKey key = readKey(keyFile);
    List<TransactionId> parentIds = new ArrayList<>();
    for (String parent : parents) {
      parentIds.add(TransactionId.fromHex(parent));
    }
    if (parentIds.isEmpty()) {
      parentIds.add(network.rootId());
    }
    Payload payload = new Payload.Data(Optional.ofNullable(tag).map(Tag::of), content.bytes());
    Transaction tx;
    try (PowSolver solver = new PowSolver(Runtime.getRuntime().availableProcessors())) {
      solver.start();
      tx = new TransactionIssuer(network, Clock.systemUTC(), solver).issue(key, parentIds, payload);
    }
    ValidationResult verdict =
        new TransactionValidator(network, Clock.systemUTC()).validate(tx.bytes());
    if (verdict instanceof ValidationResult.Invalid invalid) {
      throw new CommandFailedException(
          "the transaction would be refused: " + invalid.reason() + ": " + invalid.detail());
    }
    new TransactionPrinter(spec.commandLine().getOut()).print(tx);
    if (out != null) {
      try {
        Files.write(out, tx.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (IOException e) {
        throw new CommandFailedException("cannot write " + out + ": " + e, e);
      }
    }
  }

  static Network readGenesis(Path file) {
    try {
      return GenesisFile.read(file);
    } catch (GenesisFileException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
  }

  static Ed25519PrivateKey readKey(Path file) {
    try {
      return KeyFile.read(file);
    } catch (KeyFileException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
  }
}
