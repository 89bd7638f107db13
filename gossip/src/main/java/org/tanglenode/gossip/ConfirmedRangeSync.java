package org.tanglenode.gossip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tanglenode.gossip.wire.Message;

/**
 * Catch-up by history leaves. A node behind its peers knows, from the milestones it has stored, how
 * many transactions they confirm (the latest milestone's history size) and how many it has
 * confirmed itself; it asks the peers for the leaves in between, {@link
 * Message.ConfirmedRangeRequest#MAX_COUNT} at a time. The answers come in confirmation order, so
 * each transaction finds its parents already there: catch-up runs at the pace of ingest instead of
 * one round trip per missing parent (which is serial along a chain).
 *
 * <p>At most {@code window} requested leaves are outstanding: a leaf counts as answered when the
 * node's stored count grows. If nothing arrives for {@code stallMillis} the window is reopened (the
 * rest were duplicates, or lost to a slow connection), and once every leaf was asked for without
 * the node confirming up to it, asking starts again from the confirmed size. Missing parents are
 * still requested one by one as well, so nothing depends on every answer arriving. Called on
 * gossip's scheduler only.
 */
final class ConfirmedRangeSync {

  /** One request to send. */
  record Send(Message.ConfirmedRangeRequest request, Peer peer) {}

  private final long window;
  private final long stallMillis;

  private long cursor;
  private long outstanding;
  private long lastStored = -1;
  private long lastGrowthMillis;
  private long requestedLeaves;
  private int nextPeer;

  ConfirmedRangeSync(long window, long stallMillis) {
    if (window < Message.ConfirmedRangeRequest.MAX_COUNT || stallMillis < 1) {
      throw new IllegalArgumentException("a window of at least one range, a positive stall time");
    }
    this.window = window;
    this.stallMillis = stallMillis;
  }

  /** The requests to send now, spread over the peers furthest ahead. */
  List<Send> next(HistoryProgress progress, List<Peer> peers, long nowMillis) {
    if (lastStored < 0 || progress.stored() > lastStored) {
      outstanding = Math.max(0, outstanding - Math.max(0, progress.stored() - lastStored));
      lastStored = progress.stored();
      lastGrowthMillis = nowMillis;
    } else if (nowMillis - lastGrowthMillis > stallMillis) {
      outstanding = 0;
      lastGrowthMillis = nowMillis;
      if (cursor >= progress.committed()) {
        cursor = progress.confirmed();
      }
    }
    if (cursor < progress.confirmed()) {
      cursor = progress.confirmed();
    }
    List<Peer> ahead = furthestAhead(peers);
    List<Send> sends = new ArrayList<>();
    if (progress.behind() == 0 || ahead.isEmpty()) {
      return sends;
    }
    while (outstanding < window && cursor < progress.committed()) {
      int count =
          (int) Math.min(Message.ConfirmedRangeRequest.MAX_COUNT, progress.committed() - cursor);
      Peer peer = ahead.get(Math.floorMod(nextPeer++, ahead.size()));
      sends.add(new Send(new Message.ConfirmedRangeRequest(cursor, count), peer));
      cursor += count;
      outstanding += count;
      requestedLeaves += count;
    }
    return sends;
  }

  /** Leaves asked for so far. */
  long requestedLeaves() {
    return requestedLeaves;
  }

  private static List<Peer> furthestAhead(List<Peer> peers) {
    int best =
        peers.stream()
            .map(p -> p.heartbeat().solidMilestone())
            .max(Comparator.naturalOrder())
            .orElse(0);
    if (best == 0) {
      return List.of();
    }
    return peers.stream().filter(p -> p.heartbeat().solidMilestone() == best).toList();
  }
}
