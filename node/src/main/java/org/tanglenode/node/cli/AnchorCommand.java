package org.tanglenode.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.record.AnchorRecord;
import org.tanglenode.protocol.record.DocumentHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "anchor",
    mixinStandardHelpOptions = true,
    description = {
      "Anchors a document: records its hashes, signed with your key.",
      "FILE is hashed here (SHA-256 and BLAKE2b-256); only the hashes, the size and the note go"
          + " on the ledger, and the file never leaves this machine. Prints the transaction id"
          + " and the hashes."
    })
final class AnchorCommand implements Runnable {

  /** The tag of an anchor unless --tag names another. */
  static final String DEFAULT_TAG = "anchor";

  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Mixin ConfirmationWait wait;

  @Mixin ParentOptions parents;

  @Parameters(index = "0", paramLabel = "FILE", description = "The document to anchor.")
  Path file;

  @Option(names = "--key", required = true, description = "Your key file (see: tangle keygen).")
  Path keyFile;

  @Option(
      names = "--tag",
      defaultValue = DEFAULT_TAG,
      description = "Tag to index the anchor under (default: ${DEFAULT-VALUE}).")
  String tag;

  @Option(
      names = "--note",
      description =
          "What the document is, for people (at most 256 characters; no personal data: the"
              + " ledger is public to its partners and permanent).")
  String note;

  @Override
  public void run() {
    wait.check();
    DocumentHash document;
    try {
      document = DocumentHash.of(file);
    } catch (IOException e) {
      throw new CommandFailedException("cannot read " + file + ": " + e.getMessage(), e);
    }
    AnchorRecord record;
    Tag anchorTag;
    try {
      record = new AnchorRecord(document, Optional.ofNullable(note));
      anchorTag = Tag.of(tag);
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException("INVALID_RECORD: " + e.getMessage(), e);
    }
    Transaction tx;
    String status;
    ConfirmationWait.Confirmation confirmation = null;
    try (PowSolver solver = new PowSolver(Runtime.getRuntime().availableProcessors())) {
      solver.start();
      RemoteIssuer issuer =
          new RemoteIssuer(
              api.client(), TransactionCommand.readKey(keyFile), Clock.systemUTC(), solver);
      tx = issuer.build(record, anchorTag, parents.parents(issuer));
      status = issuer.submit(tx);
      if (wait.wanted()) {
        // A re-issue states the same record again, approving fresh tips.
        confirmation =
            wait.await(
                api.client(),
                tx.id(),
                () -> {
                  Transaction copy = issuer.build(record, anchorTag, issuer.tips());
                  issuer.submit(copy);
                  return copy;
                });
      }
    }
    String id = confirmation == null ? tx.id().toHex() : confirmation.id().toHex();
    PrintWriter out = spec.commandLine().getOut();
    if (api.json) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("id", id);
      answer.put("status", status);
      answer.put("tag", tag);
      answer.put("sha256", document.sha256Hex());
      answer.put("blake2b256", document.blake2b256Hex());
      answer.put("size", document.size());
      answer.put("issuer", tx.issuer().toHex());
      if (confirmation != null) {
        answer.put("confirmedByMilestone", confirmation.milestone());
        answer.put("reissued", confirmation.reissuesJson());
      }
      out.println(api.client().json().valueToTree(answer).toPrettyString());
    } else {
      if (confirmation != null) {
        confirmation.print(out, "reissued:   ");
      }
      out.println("id:         " + id);
      out.println("status:     " + status);
      out.println("tag:        " + tag);
      out.println("sha256:     " + document.sha256Hex());
      out.println("blake2b256: " + document.blake2b256Hex());
      out.println("size:       " + document.size());
      out.println("issuer:     " + tx.issuer().toHex());
      if (confirmation != null) {
        out.println("confirmed:  by milestone " + confirmation.milestone());
      }
    }
    out.flush();
  }
}
