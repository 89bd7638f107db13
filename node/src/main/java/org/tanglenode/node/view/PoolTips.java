package org.tanglenode.node.view;

import java.util.List;
import java.util.Objects;
import org.tanglenode.consensus.tipselection.SolidTipPool;
import org.tanglenode.protocol.TransactionId;

/** The {@link TipSource} of a running node: consensus' tip pool. */
public final class PoolTips implements TipSource {

  private final SolidTipPool pool;

  public PoolTips(SolidTipPool pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  @Override
  public List<TransactionId> selectParents(int count) {
    return pool.select(count).parents();
  }

  @Override
  public List<TransactionId> tips(int limit) {
    return pool.oldest(limit);
  }

  @Override
  public int tipCount() {
    return pool.size();
  }
}
