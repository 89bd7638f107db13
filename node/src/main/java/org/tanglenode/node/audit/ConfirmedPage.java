package org.tanglenode.node.audit;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.tanglenode.protocol.TransactionId;

/**
 * A page of the transactions one milestone newly confirmed, in confirmation order.
 *
 * @param milestone the milestone and its history leaves
 * @param ids history leaves from the requested one on
 * @param next the leaf the following page starts at; empty when the milestone's list ends here
 */
public record ConfirmedPage(MilestoneFacts milestone, List<TransactionId> ids, OptionalLong next) {

  public ConfirmedPage {
    Objects.requireNonNull(milestone, "milestone");
    ids = List.copyOf(ids);
    Objects.requireNonNull(next, "next");
  }
}
