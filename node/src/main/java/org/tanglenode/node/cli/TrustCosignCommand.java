package org.tanglenode.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.Cosignature;
import org.tanglenode.protocol.IssuerChange;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.SignedTransaction;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.trust.TrustChain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "cosign",
    mixinStandardHelpOptions = true,
    description = {
      "Adds your cosignature to a trust update written by tangle trust update --out, offline.",
      "The proof of work stays valid (it covers the essence only); the id changes. It prints",
      "what the update does and checks the signatures on it; only with --yes does it write your",
      "cosignature. With --trust it also checks the network and says whether the update now",
      "links to that chain."
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

  @Option(names = "--trust", description = "A trust file to check the network and link against.")
  Path trustFile;

  @Option(
      names = "--yes",
      description = "Write the cosignature, having read what the update does (printed first).")
  boolean yes;

  /** An update transaction is far smaller; this bounds what is read and decoded. */
  static final int MAX_INPUT_BYTES = 1 << 20;

  @Override
  public void run() {
    byte[] bytes;
    try {
      long size = Files.size(in);
      if (size > MAX_INPUT_BYTES) {
        throw new CommandFailedException(
            in + " has " + size + " bytes; an update transaction has at most " + MAX_INPUT_BYTES);
      }
      bytes = Files.readAllBytes(in);
    } catch (IOException e) {
      throw new CommandFailedException("cannot read " + in + ": " + e, e);
    }
    ValidationResult decoded = new TransactionDecoder(MAX_INPUT_BYTES).decode(bytes);
    if (!(decoded instanceof ValidationResult.Valid valid)) {
      throw new CommandFailedException(in + " is not a transaction: " + decoded);
    }
    Transaction tx = valid.transaction();
    if (!(tx.payload() instanceof Payload.TrustUpdate update)) {
      throw new CommandFailedException(
          in + " carries " + tx.payload().kind() + ", not a trust update");
    }
    checkSignatures(tx);
    TrustChain chain = trustFile == null ? null : TrustUpdateCommand.readTrustFile(trustFile);
    if (chain != null && tx.network() != chain.network().shortId()) {
      throw new CommandFailedException(
          String.format(
              "the update is for network %016x, the trust file's is %016x (%s)",
              tx.network(), chain.network().shortId(), chain.network().genesis().name()));
    }
    Ed25519PrivateKey key = TransactionCommand.readKey(keyFile);
    if (key.publicKey().equals(tx.issuer())
        || tx.cosignatures().stream()
            .map(Cosignature::publicKey)
            .anyMatch(key.publicKey()::equals)) {
      throw new CommandFailedException("key " + key.publicKey().toHex() + " has signed it already");
    }
    PrintWriter print = spec.commandLine().getOut();
    describe(print, tx, update, chain);
    if (!yes) {
      throw new CommandFailedException(
          "nothing written: read the update above and add --yes to write your cosignature");
    }
    Transaction cosigned = SignedTransaction.reopen(tx).cosign(key).complete(tx.nonce());
    TrustUpdateCommand.write(out == null ? in : out, cosigned.bytes(), out == null);
    print.println("id:           " + cosigned.id().toHex());
    print.println("cosignatures: " + cosigned.cosignatures().size());
    print.println("wrote:        " + (out == null ? in : out));
    if (chain != null) {
      print.println("links:        " + TrustUpdateCommand.describe(chain.append(cosigned)));
    }
  }

  /** The issuer's signature and every cosignature must verify: never add to a tampered update. */
  private void checkSignatures(Transaction tx) {
    byte[] digest = tx.essenceDigest();
    if (!tx.issuer().verify(digest, tx.signature())) {
      throw new CommandFailedException(
          in + ": the issuer's signature (" + tx.issuer().toHex() + ") does not verify");
    }
    for (Cosignature cosignature : tx.cosignatures()) {
      if (!cosignature.publicKey().verify(digest, cosignature.signature())) {
        throw new CommandFailedException(
            in + ": the cosignature of " + cosignature.publicKey().toHex() + " does not verify");
      }
    }
  }

  /** Everything the cosignature approves. */
  private static void describe(
      PrintWriter print, Transaction tx, Payload.TrustUpdate update, TrustChain chain) {
    print.println(
        String.format(
            "network:      %016x%s",
            tx.network(), chain == null ? " (not checked: no --trust)" : " (matches --trust)"));
    print.println("sequence:     " + update.sequence());
    print.println("effective:    " + update.effectiveIndex());
    if (update.committee().isPresent()) {
      Committee committee = update.committee().get();
      print.println(
          "committee:    threshold "
              + committee.threshold()
              + " of "
              + committee.keys().size()
              + " keys");
      for (var member : committee.keys()) {
        print.println("  key:        " + member.toHex());
      }
    } else {
      print.println("committee:    unchanged");
    }
    for (IssuerChange change : update.issuers()) {
      print.println(
          "issuer:       "
              + change.key().toHex()
              + change.organisationName().map(o -> " = " + o).orElse(" revoked"));
    }
    print.println("issued by:    " + tx.issuer().toHex());
    for (Cosignature cosignature : tx.cosignatures()) {
      print.println("cosigned by:  " + cosignature.publicKey().toHex());
    }
    print.println("signatures:   all verify");
  }
}
