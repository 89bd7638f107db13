package org.tanglenode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.ValidationResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "prove",
    mixinStandardHelpOptions = true,
    description = {
      "Proves a private field's value with its salt, or refuses it.",
      "Checks that VALUE, with its salt, opens the commitment of a private field of an event of"
          + " trail ID. Prints 'proven' (exit 0) or 'refused' with the reason (exit 1). The event"
          + " is read from the transaction's own bytes; the node is trusted only to serve them."
    })
final class TrailProveCommand implements Runnable {

  /** Larger than any network's transactions may be (the protocol's bound on the limit). */
  private static final int MAX_TRANSACTION_BYTES = 1 << 20;

  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Parameters(index = "0", paramLabel = "ID", description = "The trail's id.")
  String trail;

  @Option(names = "--tx", required = true, description = "The event's transaction id.")
  String tx;

  @Option(names = "--field", required = true, description = "The private field's name.")
  String field;

  @Option(
      names = "--value",
      required = true,
      interactive = true,
      arity = "0..1",
      description =
          "The value to prove. Give --value alone to be asked for it instead: then it appears"
              + " neither on the screen nor in the process list.")
  String value;

  @ArgGroup(exclusive = true, multiplicity = "1")
  SaltSource salt;

  static final class SaltSource {
    @Option(names = "--salt", paramLabel = "HEX", description = "The field's salt (64 hex).")
    String hex;

    @Option(names = "--salts", paramLabel = "FILE", description = "The salts file of append.")
    Path file;
  }

  @Override
  public void run() {
    TransactionId id;
    try {
      id = TransactionId.fromHex(tx);
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException("--tx: a transaction id is 64 hex digits", e);
    }
    byte[] saltBytes = saltBytes(id);
    JsonNode answer = api.client().get("/api/v1/transactions/" + id.toHex());
    Transaction transaction = decode(id, answer.path("bytes").asText());
    FieldProof proof = FieldProof.check(transaction, trail, field, value, saltBytes);
    JsonNode metadata = api.client().get("/api/v1/transactions/" + id.toHex() + "/metadata");
    PrintWriter out = spec.commandLine().getOut();
    out.println((proof.proven() ? "proven: " : "refused: ") + proof.detail());
    out.println(
        "transaction "
            + id.toHex()
            + ": "
            + (metadata.path("confirmed").asBoolean()
                ? "confirmed by milestone " + metadata.path("referencedByMilestone").asInt()
                : "not confirmed yet"));
    out.flush();
    if (!proof.proven()) {
      throw new CommandFailedException("refused (" + proof.outcome() + "): " + proof.detail());
    }
  }

  private byte[] saltBytes(TransactionId id) {
    if (salt.hex != null) {
      try {
        byte[] bytes = HexFormat.of().parseHex(salt.hex);
        if (bytes.length == 32) {
          return bytes;
        }
      } catch (IllegalArgumentException e) {
        // answered below
      }
      throw new CommandFailedException("--salt: a salt is 64 hex digits");
    }
    return new SaltFile(salt.file)
        .find(id, field)
        .orElseThrow(
            () ->
                new CommandFailedException(
                    "the salts file " + salt.file + " has no salt of " + field + " in " + tx));
  }

  private static Transaction decode(TransactionId id, String hex) {
    byte[] bytes;
    try {
      bytes = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException("the node answered without the transaction's bytes", e);
    }
    if (!(new TransactionDecoder(MAX_TRANSACTION_BYTES).decode(bytes)
            instanceof ValidationResult.Valid valid)
        || !valid.transaction().id().equals(id)) {
      throw new CommandFailedException(
          "the node's bytes for " + id.toHex() + " are not that transaction");
    }
    return valid.transaction();
  }
}
