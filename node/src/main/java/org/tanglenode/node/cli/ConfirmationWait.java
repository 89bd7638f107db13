package org.tanglenode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import picocli.CommandLine.Option;

/**
 * The {@code --wait SECONDS} option of the commands that record something: after the node stored
 * the transaction, ask for its metadata until a milestone references it or the time is up. A copy
 * that cannot be confirmed (still unsolid {@code --reissue-after} seconds after it was sent: a
 * parent never arrived) is re-issued, at most {@code --reissue} times: the same record content with
 * fresh parents, a new transaction with a new id (docs/consensus.md section 8).
 */
final class ConfirmationWait {

  private static final Duration POLL = Duration.ofMillis(250);

  /** Sends the record once more, approving fresh tips, and returns the new transaction. */
  @FunctionalInterface
  interface Reissuer {
    Transaction reissue();
  }

  /** One copy replaced by another, and why. */
  record Reissue(TransactionId replaced, TransactionId by, String reason) {}

  /** The copy a milestone confirmed, that milestone, and the re-issues it took. */
  record Confirmation(TransactionId id, int milestone, List<Reissue> reissues) {

    Confirmation {
      reissues = List.copyOf(reissues);
    }

    /** The re-issues as the {@code --json} answer lists them: replaced, by, reason. */
    List<Map<String, String>> reissuesJson() {
      List<Map<String, String>> out = new ArrayList<>();
      for (Reissue r : reissues) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("replaced", r.replaced().toHex());
        one.put("by", r.by().toHex());
        one.put("reason", r.reason());
        out.add(one);
      }
      return out;
    }

    /** One line per re-issue: {@code LABEL OLD -> NEW: REASON}. */
    void print(PrintWriter out, String label) {
      for (Reissue r : reissues) {
        out.println(label + r.replaced().toHex() + " -> " + r.by().toHex() + ": " + r.reason());
      }
    }
  }

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      description =
          "Wait up to SECONDS for a milestone to confirm the record; exit 1 if none does in time.")
  Integer seconds;

  @Option(
      names = "--reissue",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "With --wait: re-issue the record with fresh parents at most N times when a copy cannot"
              + " be confirmed (default: ${DEFAULT-VALUE}; 0: never).")
  int maxReissues;

  @Option(
      names = "--reissue-after",
      paramLabel = "SECONDS",
      description =
          "With --wait: a copy still unsolid SECONDS after it was sent is re-issued (default: half"
              + " of --wait).")
  Integer reissueAfterSeconds;

  boolean wanted() {
    return seconds != null;
  }

  /** Checks the options before anything is sent. */
  void check() {
    if (seconds == null) {
      return;
    }
    if (seconds < 1) {
      throw new CommandFailedException("--wait: a whole number of seconds from 1");
    }
    if (maxReissues < 0) {
      throw new CommandFailedException("--reissue: a number of re-issues from 0");
    }
    if (reissueAfterSeconds != null && reissueAfterSeconds < 1) {
      throw new CommandFailedException("--reissue-after: a whole number of seconds from 1");
    }
  }

  /** How long a copy may stay unsolid before it is re-issued. */
  Duration reissueAfter() {
    return reissueAfterSeconds != null
        ? Duration.ofSeconds(reissueAfterSeconds)
        : Duration.ofMillis(seconds * 1000L / 2);
  }

  /**
   * Waits until a milestone confirms {@code first} or one of its re-issued copies, re-issuing
   * through {@code reissuer} a copy that stays unsolid for {@link #reissueAfter()}.
   *
   * @throws CommandFailedException with {@code NOT_CONFIRMED} when no copy was confirmed in time,
   *     or {@code CONFLICTING} when a milestone referenced the newest copy but did not apply it
   */
  Confirmation await(ApiClient client, TransactionId first, Reissuer reissuer) {
    check();
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<TransactionId> copies = new ArrayList<>(List.of(first));
    List<Reissue> reissues = new ArrayList<>();
    long sentAt = System.nanoTime();
    while (true) {
      // An older copy whose parent turned up after all may be the one confirmed.
      JsonNode newest = null;
      for (int i = copies.size() - 1; i >= 0; i--) {
        JsonNode metadata = metadata(client, copies.get(i));
        if (metadata.path("confirmed").asBoolean()) {
          return new Confirmation(
              copies.get(i), metadata.path("referencedByMilestone").asInt(), reissues);
        }
        if (newest == null) {
          newest = metadata;
        }
      }
      TransactionId current = copies.get(copies.size() - 1);
      if (newest.path("conflicting").asBoolean()) {
        // Data records never conflict (docs/consensus.md section 8): re-issuing the same content
        // would not change a conflict's verdict, so it is reported, not retried.
        throw new CommandFailedException(
            "CONFLICTING: milestone "
                + newest.path("referencedByMilestone").asInt()
                + " referenced "
                + current.toHex()
                + " but did not apply it: "
                + newest.path("conflict").asText());
      }
      long now = System.nanoTime();
      Duration unsolidFor = Duration.ofNanos(now - sentAt);
      if (!newest.path("solid").asBoolean()
          && unsolidFor.compareTo(reissueAfter()) >= 0
          && reissues.size() < maxReissues
          && now < deadline) {
        Transaction next = reissuer.reissue();
        reissues.add(new Reissue(current, next.id(), why(newest, unsolidFor)));
        copies.add(next.id());
        sentAt = System.nanoTime();
        continue;
      }
      if (now > deadline) {
        throw new CommandFailedException(
            "NOT_CONFIRMED: "
                + copies.stream().map(TransactionId::toHex).collect(Collectors.joining(", "))
                + (copies.size() > 1 ? " (the same record, re-issued) are" : " is")
                + " stored but no milestone confirmed "
                + (copies.size() > 1 ? "any" : "it")
                + " within "
                + seconds
                + " s; ask again later (tangle trail show, or GET /api/v1/transactions/ID/metadata)"
                + reissues.stream()
                    .map(r -> "; re-issued " + r.replaced().toHex() + ": " + r.reason())
                    .collect(Collectors.joining()));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommandFailedException("interrupted while waiting for confirmation", e);
      }
    }
  }

  private static JsonNode metadata(ApiClient client, TransactionId id) {
    return client.get("/api/v1/transactions/" + id.toHex() + "/metadata");
  }

  /** The metadata's reason, as the report of a re-issue gives it. */
  private static String why(JsonNode metadata, Duration unsolidFor) {
    JsonNode pending = metadata.path("pending");
    StringBuilder why = new StringBuilder(pending.path("reason").asText("UNSOLID"));
    List<String> missing = new ArrayList<>();
    pending.path("missing").forEach(m -> missing.add(m.asText()));
    if (!missing.isEmpty()) {
      why.append(" (missing ").append(String.join(", ", missing)).append(')');
    }
    return why.append(" for ").append(unsolidFor.toSeconds()).append(" s").toString();
  }
}
