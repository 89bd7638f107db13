package org.tanglenode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.tanglenode.protocol.TransactionId;
import picocli.CommandLine.Option;

/**
 * The {@code --wait SECONDS} option of the commands that record something: after the node stored
 * the transaction, ask for its metadata until a milestone references it or the time is up.
 */
final class ConfirmationWait {

  private static final Duration POLL = Duration.ofMillis(250);

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      description =
          "Wait up to SECONDS for a milestone to confirm the record; exit 1 if none does in time.")
  Integer seconds;

  boolean wanted() {
    return seconds != null;
  }

  /**
   * The index of the milestone that confirmed {@code id}.
   *
   * @throws CommandFailedException with {@code NOT_CONFIRMED} when none did in time, or {@code
   *     CONFLICTING} when a milestone referenced it but did not apply it
   */
  int await(ApiClient client, TransactionId id) {
    if (seconds == null || seconds < 1) {
      throw new CommandFailedException("--wait: a whole number of seconds from 1");
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (true) {
      JsonNode metadata = client.get("/api/v1/transactions/" + id.toHex() + "/metadata");
      if (metadata.path("confirmed").asBoolean()) {
        return metadata.path("referencedByMilestone").asInt();
      }
      if (metadata.path("conflicting").asBoolean()) {
        throw new CommandFailedException(
            "CONFLICTING: milestone "
                + metadata.path("referencedByMilestone").asInt()
                + " referenced "
                + id.toHex()
                + " but did not apply it: "
                + metadata.path("conflict").asText());
      }
      if (System.nanoTime() > deadline) {
        throw new CommandFailedException(
            "NOT_CONFIRMED: "
                + id.toHex()
                + " is stored but no milestone confirmed it within "
                + seconds
                + " s; ask again later (tangle trail show, or GET /api/v1/transactions/ID/metadata)");
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommandFailedException("interrupted while waiting for confirmation", e);
      }
    }
  }
}
