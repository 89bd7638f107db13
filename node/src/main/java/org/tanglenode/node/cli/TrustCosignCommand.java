package org.tanglenode.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.Cosignature;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.SignedTransaction;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.ValidationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "cosign",
    mixinStandardHelpOptions = true,
    description = {
      "Adds your cosignature to a trust update written by tangle trust update --out, offline.",
      "The proof of work stays valid (it covers the essence only); the id changes. With --trust",
      "it also says whether the update now links to that chain."
    })
final class TrustCosignCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(names = "--key", required = true, description = "Your key file (a committee member's).")
  Path keyFile;

  @Option(names = "--in", required = true, description = "The update transaction (binary file).")
  Path in;

  @Option(
      names = {"-o", "--out"},
      description = "Write the cosigned transaction here (a new file); default: replace --in.")
  Path out;

  @Option(names = "--trust", description = "A trust file to check the link against.")
  Path trustFile;

  @Override
  public void run() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(in);
    } catch (IOException e) {
      throw new CommandFailedException("cannot read " + in + ": " + e, e);
    }
    ValidationResult decoded = new TransactionDecoder(Integer.MAX_VALUE).decode(bytes);
    if (!(decoded instanceof ValidationResult.Valid valid)) {
      throw new CommandFailedException(in + " is not a transaction: " + decoded);
    }
    Transaction tx = valid.transaction();
    if (!(tx.payload() instanceof Payload.TrustUpdate update)) {
      throw new CommandFailedException(
          in + " carries " + tx.payload().kind() + ", not a trust update");
    }
    Ed25519PrivateKey key = TransactionCommand.readKey(keyFile);
    if (key.publicKey().equals(tx.issuer())
        || tx.cosignatures().stream()
            .map(Cosignature::publicKey)
            .anyMatch(key.publicKey()::equals)) {
      throw new CommandFailedException("key " + key.publicKey().toHex() + " has signed it already");
    }
    Transaction cosigned = SignedTransaction.reopen(tx).cosign(key).complete(tx.nonce());
    TrustUpdateCommand.write(out == null ? in : out, cosigned.bytes(), out == null);
    PrintWriter print = spec.commandLine().getOut();
    print.println("id:           " + cosigned.id().toHex());
    print.println("sequence:     " + update.sequence());
    print.println("cosignatures: " + cosigned.cosignatures().size());
    print.println("wrote:        " + (out == null ? in : out));
    if (trustFile != null) {
      print.println(
          "links:        "
              + TrustUpdateCommand.describe(
                  TrustUpdateCommand.readTrustFile(trustFile).append(cosigned)));
    }
  }
}
