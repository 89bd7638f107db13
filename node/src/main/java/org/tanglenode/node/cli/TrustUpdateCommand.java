package org.tanglenode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.node.issuing.TransactionIssuer;
import org.tanglenode.protocol.IssuerChange;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.trust.LinkVerdict;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.protocol.trust.TrustFile;
import org.tanglenode.protocol.trust.TrustFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the next trust update from the node's trust chain (or a --trust file), signs it",
      "with --key, cosigns it with every --cosign key file, checks that it links (committee",
      "signatures, sequence, effective index) and submits it. With --out it writes the",
      "transaction instead, even short of cosignatures: members add theirs with",
      "tangle trust cosign, then send it with tangle submit --file."
    })
final class TrustUpdateCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Option(names = "--key", required = true, description = "The issuer's key file.")
  Path keyFile;

  @Option(names = "--cosign", description = "A committee member's key file; repeatable.")
  List<Path> cosignFiles = new ArrayList<>();

  @Option(
      names = "--effective",
      required = true,
      description =
          "First milestone index the change applies to; a milestone below it must confirm it.")
  int effective;

  @Option(
      names = "--committee-key",
      description = "A key (64 hex digits) of the new committee; repeatable. Omit to keep it.")
  List<String> committeeKeys = new ArrayList<>();

  @Option(names = "--threshold", description = "The new committee's threshold.")
  Integer threshold;

  @Option(
      names = "--issuer",
      description = "KEY=ORGANISATION: from --effective on, the key belongs to it; repeatable.")
  List<String> issuers = new ArrayList<>();

  @Option(
      names = "--revoke",
      description = "A key (64 hex digits) no organisation holds from --effective on; repeatable.")
  List<String> revocations = new ArrayList<>();

  @Option(
      names = {"-o", "--out"},
      description = "Write the transaction here (a new file) instead of submitting it.")
  Path out;

  @Option(
      names = "--trust",
      description =
          "Build against this trust file instead of the node's chain (offline: approves the"
              + " network root).")
  Path trustFile;

  @Override
  public void run() {
    TrustChain chain = trustFile != null ? readTrustFile(trustFile) : fetch(api.client());
    if (trustFile == null) {
      checkEffective(
          effective, api.client().get("/api/v1/info").path("milestones").path("confirmed").asInt());
    }
    Payload.TrustUpdate payload = payload(chain.lastSequence() + 1);
    Ed25519PrivateKey key = TransactionCommand.readKey(keyFile);
    List<Ed25519PrivateKey> cosigners = new ArrayList<>();
    for (Path file : cosignFiles) {
      Ed25519PrivateKey cosigner = TransactionCommand.readKey(file);
      if (!cosigner.publicKey().equals(key.publicKey())) {
        cosigners.add(cosigner);
      }
    }
    List<TransactionId> parents = new ArrayList<>();
    if (trustFile == null) {
      for (JsonNode tip :
          api.client().get("/api/v1/tips?limit=" + TransactionValidator.MAX_PARENTS).path("tips")) {
        parents.add(TransactionId.fromHex(tip.asText()));
      }
    }
    if (parents.isEmpty()) {
      parents.add(chain.network().rootId());
    }
    Transaction tx;
    try (PowSolver solver = new PowSolver(Runtime.getRuntime().availableProcessors())) {
      solver.start();
      tx =
          new TransactionIssuer(chain.network(), Clock.systemUTC(), solver)
              .issue(key, cosigners, parents, payload);
    }
    ValidationResult valid =
        new TransactionValidator(chain.network(), Clock.systemUTC()).validate(tx.bytes());
    if (valid instanceof ValidationResult.Invalid invalid) {
      throw new CommandFailedException(
          "the update would be refused: " + invalid.reason() + ": " + invalid.detail());
    }
    LinkVerdict link = chain.append(tx);
    boolean shortOfCosignatures = link.code() == LinkVerdict.Code.TOO_FEW_SIGNATURES;
    if (link instanceof LinkVerdict.Refused refused && (out == null || !shortOfCosignatures)) {
      throw new CommandFailedException(
          "the update does not link: " + refused.code() + ": " + refused.detail());
    }
    PrintWriter print = spec.commandLine().getOut();
    print.println("id:        " + tx.id().toHex());
    print.println("sequence:  " + payload.sequence());
    print.println("effective: " + payload.effectiveIndex());
    if (out != null) {
      write(out, tx.bytes(), false);
      print.println("wrote:     " + out);
      print.println("links:     " + describe(link));
      return;
    }
    JsonNode answer =
        api.client()
            .post("/api/v1/transactions", Map.of("hex", HexFormat.of().formatHex(tx.bytes())));
    print.println("status:    " + answer.path("status").asText());
  }

  /**
   * An update counts only if a milestone below its effective index confirms it, and nodes ignore
   * one more than {@link TrustChain#MAX_LEAD} ahead: refuse both before spending proof of work.
   */
  static void checkEffective(int effective, int confirmed) {
    if (effective <= confirmed + 1) {
      throw new CommandFailedException(
          "--effective "
              + effective
              + " is too early: the node has confirmed milestone "
              + confirmed
              + "; pick an index several milestone intervals above it");
    }
    if ((long) effective - confirmed > TrustChain.MAX_LEAD) {
      throw new CommandFailedException(
          "--effective "
              + effective
              + " is more than "
              + TrustChain.MAX_LEAD
              + " milestones above the confirmed "
              + confirmed
              + "; nodes would ignore the update (TrustChain.MAX_LEAD)");
    }
  }

  /** "yes", or why not, with the hint for missing cosignatures. */
  static String describe(LinkVerdict link) {
    if (link instanceof LinkVerdict.Refused refused) {
      String hint =
          refused.code() == LinkVerdict.Code.TOO_FEW_SIGNATURES
              ? " (add cosignatures: tangle trust cosign)"
              : "";
      return "no: " + refused.code() + ": " + refused.detail() + hint;
    }
    return "yes";
  }

  static TrustChain fetch(ApiClient client) {
    try {
      return TrustFile.parse(client.getBytes("/api/v1/trust"));
    } catch (TrustFileException e) {
      throw new CommandFailedException(
          "the node's trust file does not verify: " + e.getMessage(), e);
    }
  }

  static TrustChain readTrustFile(Path file) {
    try {
      return TrustFile.read(file);
    } catch (TrustFileException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
  }

  static void write(Path file, byte[] bytes, boolean replace) {
    try {
      if (replace) {
        Files.write(file, bytes);
      } else {
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      }
    } catch (IOException e) {
      throw new CommandFailedException("cannot write " + file + ": " + e, e);
    }
  }

  private Payload.TrustUpdate payload(int sequence) {
    Optional<Committee> committee = Optional.empty();
    if (!committeeKeys.isEmpty() || threshold != null) {
      if (committeeKeys.isEmpty() || threshold == null) {
        throw new IllegalArgumentException(
            "a new committee needs --committee-key (one or more) and --threshold");
      }
      List<Ed25519PublicKey> keys = new ArrayList<>();
      for (String hex : committeeKeys) {
        keys.add(Ed25519PublicKey.fromHex(hex));
      }
      committee = Optional.of(new Committee(keys, threshold));
    }
    TreeMap<Ed25519PublicKey, IssuerChange> changes = new TreeMap<>();
    for (String entry : issuers) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("--issuer takes KEY=ORGANISATION, not " + entry);
      }
      Ed25519PublicKey key = Ed25519PublicKey.fromHex(entry.substring(0, equals));
      add(changes, IssuerChange.assign(key, entry.substring(equals + 1)));
    }
    for (String hex : revocations) {
      add(changes, IssuerChange.revoke(Ed25519PublicKey.fromHex(hex)));
    }
    return new Payload.TrustUpdate(
        sequence, effective, committee, new ArrayList<>(changes.values()));
  }

  private static void add(TreeMap<Ed25519PublicKey, IssuerChange> changes, IssuerChange change) {
    if (changes.put(change.key(), change) != null) {
      throw new IllegalArgumentException("key " + change.key().toHex() + " is named twice");
    }
  }
}
