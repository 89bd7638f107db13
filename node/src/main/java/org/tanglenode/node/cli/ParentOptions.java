package org.tanglenode.node.cli;

import java.util.ArrayList;
import java.util.List;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.TransactionValidator;
import picocli.CommandLine.Option;

/**
 * The {@code --parent ID} option of the commands that record something: the transactions the record
 * approves, instead of the node's tips (to chain a writer's own records). A copy re-issued by
 * {@code --wait} approves fresh tips.
 */
final class ParentOptions {

  @Option(
      names = "--parent",
      paramLabel = "ID",
      description =
          "Approve this transaction instead of the node's tips (repeatable, at most 8); a copy"
              + " re-issued by --wait approves fresh tips.")
  List<String> parents = new ArrayList<>();

  /** The parents given, or the node's tips when none is. */
  List<TransactionId> parents(RemoteIssuer issuer) {
    if (parents.isEmpty()) {
      return issuer.tips();
    }
    if (parents.size() > TransactionValidator.MAX_PARENTS) {
      throw new CommandFailedException(
          "--parent: at most " + TransactionValidator.MAX_PARENTS + ", not " + parents.size());
    }
    List<TransactionId> ids = new ArrayList<>();
    for (String text : parents) {
      try {
        if (text.length() != 2 * TransactionId.SIZE) {
          throw new IllegalArgumentException("length " + text.length());
        }
        ids.add(TransactionId.fromHex(text));
      } catch (IllegalArgumentException e) {
        throw new CommandFailedException(
            "INVALID_ID: --parent is a transaction id of 64 hex digits, not '" + text + "'", e);
      }
    }
    return ids;
  }
}
