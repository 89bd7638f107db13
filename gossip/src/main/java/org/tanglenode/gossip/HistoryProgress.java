package org.tanglenode.gossip;

/**
 * How far a node's history has got, in history leaves (one per confirmed transaction, in
 * confirmation order): catch-up asks peers for the leaves between the two.
 *
 * @param confirmed leaves this node has confirmed (the history size of its confirmed milestone)
 * @param committed leaves the latest milestone it has stored commits to (its history size)
 * @param stored transactions stored, to see answers arrive
 */
public record HistoryProgress(long confirmed, long committed, long stored) {

  public static final HistoryProgress NONE = new HistoryProgress(0, 0, 0);

  public HistoryProgress {
    if (confirmed < 0 || committed < 0 || stored < 0) {
      throw new IllegalArgumentException("history progress is not negative");
    }
  }

  /** Leaves a peer could send that this node has not confirmed. */
  public long behind() {
    return Math.max(0, committed - confirmed);
  }
}
