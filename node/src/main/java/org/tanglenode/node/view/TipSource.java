package org.tanglenode.node.view;

import java.util.List;
import org.tanglenode.protocol.TransactionId;

/**
 * Where the node gets parents for a transaction it completes, and the tips it shows. {@link
 * PoolTips} answers from consensus' tip pool (the solid transactions without a solid child).
 */
public interface TipSource {

  /** Up to {@code count} distinct tips to approve, in ascending id order; never empty. */
  List<TransactionId> selectParents(int count);

  /** Up to {@code limit} current tips. */
  List<TransactionId> tips(int limit);

  /** How many tips there are now. */
  int tipCount();
}
