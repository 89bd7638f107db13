package org.tanglenode.node.view;

import java.util.List;
import org.tanglenode.protocol.TransactionId;

/**
 * Where the node gets parents for a transaction it completes, and the tips it shows. Until the
 * consensus module brings tip selection (restricted uniform random tip selection over solid tips),
 * {@link RecentTips} is a placeholder that knows only which stored transactions have no child yet.
 */
public interface TipSource {

  /** Up to {@code count} distinct tips to approve, in ascending id order; never empty. */
  List<TransactionId> selectParents(int count);

  /** Up to {@code limit} current tips. */
  List<TransactionId> tips(int limit);

  /** How many tips there are now. */
  int tipCount();
}
