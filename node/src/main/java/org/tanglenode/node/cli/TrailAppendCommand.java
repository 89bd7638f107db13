package org.tanglenode.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.record.DocumentHash;
import org.tanglenode.protocol.record.FieldCommitment;
import org.tanglenode.protocol.record.TrailEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "append",
    mixinStandardHelpOptions = true,
    description = {
      "Records an event of trail ID, signed with your key.",
      "The event goes under the tag trail:ID. Documents are hashed here and never sent. A private"
          + " field goes on the ledger only as a salted hash; its salt stays with you (--salts"
          + " FILE, or printed) to prove the value to an auditor later."
    })
final class TrailAppendCommand implements Runnable {

  /** An event ready to sign, with the salts of its private fields (which stay with the caller). */
  record SealedEvent(TrailEvent event, SortedMap<String, byte[]> salts) {

    SealedEvent {
      TreeMap<String, byte[]> copied = new TreeMap<>();
      salts.forEach((name, salt) -> copied.put(name, salt.clone()));
      salts = Collections.unmodifiableSortedMap(copied);
    }
  }

  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Mixin ConfirmationWait wait;

  @Mixin ParentOptions parents;

  @Parameters(index = "0", paramLabel = "ID", description = "The trail's id, e.g. shipment-4711.")
  String trail;

  @Option(names = "--event", required = true, description = "What happened, e.g. dispatched.")
  String event;

  @Option(names = "--doc", paramLabel = "FILE", description = "A document to refer to by hash.")
  List<Path> documents = new ArrayList<>();

  @Option(
      names = "--field",
      paramLabel = "NAME=VALUE",
      description = "A public field (repeatable). No personal data: the ledger is permanent.")
  Map<String, String> fields = new LinkedHashMap<>();

  @Option(
      names = "--private-field",
      paramLabel = "NAME=VALUE",
      description = "A field recorded only as hash(salt, name, value) (repeatable).")
  Map<String, String> privateFields = new LinkedHashMap<>();

  @Option(names = "--key", required = true, description = "Your key file (see: tangle keygen).")
  Path keyFile;

  @Option(
      names = "--salts",
      paramLabel = "FILE",
      description =
          "Append the salts of the private fields to this file (mode 0600; never sent)."
              + " Without it they are printed: keep them, or the values cannot be proven.")
  Path saltsFile;

  /**
   * The event, with a fresh salt from {@code random} for each private field: the CLI's own way of
   * making an event, also used to write trails in bulk.
   *
   * @throws CommandFailedException with {@code INVALID_RECORD} when a limit of docs/records.md is
   *     broken
   */
  static SealedEvent seal(
      String trail,
      String event,
      List<DocumentHash> documents,
      Map<String, String> fields,
      Map<String, String> privateFields,
      SecureRandom random) {
    TreeMap<String, byte[]> salts = new TreeMap<>();
    TreeMap<String, byte[]> commitments = new TreeMap<>();
    try {
      privateFields.forEach(
          (name, value) -> {
            byte[] salt = FieldCommitment.newSalt(random);
            salts.put(name, salt);
            commitments.put(name, FieldCommitment.commit(salt, name, value));
          });
      return new SealedEvent(
          new TrailEvent(trail, event, documents, new TreeMap<>(fields), commitments), salts);
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException("INVALID_RECORD: " + e.getMessage(), e);
    }
  }

  @Override
  public void run() {
    wait.check();
    List<DocumentHash> hashes = new ArrayList<>();
    for (Path document : documents) {
      try {
        hashes.add(DocumentHash.of(document));
      } catch (IOException e) {
        throw new CommandFailedException("cannot read " + document + ": " + e.getMessage(), e);
      }
    }
    SealedEvent sealed = seal(trail, event, hashes, fields, privateFields, new SecureRandom());
    Transaction tx;
    String status;
    ConfirmationWait.Confirmation confirmation = null;
    try (PowSolver solver = new PowSolver(Runtime.getRuntime().availableProcessors())) {
      solver.start();
      RemoteIssuer issuer =
          new RemoteIssuer(
              api.client(), TransactionCommand.readKey(keyFile), Clock.systemUTC(), solver);
      tx = issuer.build(sealed.event(), TrailEvent.tagOf(trail), parents.parents(issuer));
      status = send(issuer, tx, sealed);
      if (wait.wanted()) {
        // A re-issue states the same event again (same commitments, so the same salts prove it),
        // approving fresh tips.
        confirmation =
            wait.await(
                api.client(),
                tx.id(),
                () -> {
                  Transaction copy =
                      issuer.build(sealed.event(), TrailEvent.tagOf(trail), issuer.tips());
                  send(issuer, copy, sealed);
                  return copy;
                });
      }
    }
    print(tx, status, sealed, confirmation);
  }

  /**
   * Keeps the salts under {@code tx}'s id, then sends it. The salts are kept before the node sees
   * the event: an event on the ledger whose salt was lost could never be proven.
   */
  private String send(RemoteIssuer issuer, Transaction tx, SealedEvent sealed) {
    if (saltsFile != null && !sealed.salts().isEmpty()) {
      List<SaltFile.Entry> entries = new ArrayList<>();
      sealed
          .salts()
          .forEach((name, salt) -> entries.add(new SaltFile.Entry(trail, tx.id(), name, salt)));
      new SaltFile(saltsFile).append(entries);
    }
    return issuer.submit(tx);
  }

  private void print(
      Transaction tx,
      String status,
      SealedEvent sealed,
      ConfirmationWait.Confirmation confirmation) {
    String id = confirmation == null ? tx.id().toHex() : confirmation.id().toHex();
    PrintWriter out = spec.commandLine().getOut();
    HexFormat hex = HexFormat.of();
    boolean printSalts = saltsFile == null;
    if (api.json) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("id", id);
      answer.put("status", status);
      answer.put("trail", trail);
      answer.put("tag", TrailEvent.tagOf(trail).toString());
      answer.put("issuer", tx.issuer().toHex());
      if (confirmation != null) {
        answer.put("confirmedByMilestone", confirmation.milestone());
        answer.put("reissued", confirmation.reissuesJson());
      }
      if (printSalts) {
        Map<String, String> salts = new LinkedHashMap<>();
        sealed.salts().forEach((name, salt) -> salts.put(name, hex.formatHex(salt)));
        answer.put("salts", salts);
      }
      out.println(api.client().json().valueToTree(answer).toPrettyString());
    } else {
      if (confirmation != null) {
        confirmation.print(out, "reissued: ");
      }
      out.println("id:     " + id);
      out.println("status: " + status);
      out.println("tag:    " + TrailEvent.tagOf(trail));
      out.println("issuer: " + tx.issuer().toHex());
      if (confirmation != null) {
        out.println("confirmed: by milestone " + confirmation.milestone());
      }
      sealed
          .salts()
          .forEach(
              (name, salt) ->
                  out.println(
                      "salt of "
                          + name
                          + ": "
                          + (printSalts ? hex.formatHex(salt) : "kept in " + saltsFile)));
    }
    out.flush();
  }
}
