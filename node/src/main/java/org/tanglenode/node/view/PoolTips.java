package org.tanglenode.node.view;

import java.util.List;
import java.util.Objects;
import org.tanglenode.consensus.tipselection.ParentSelector;
import org.tanglenode.consensus.tipselection.SolidTipPool;
import org.tanglenode.protocol.TransactionId;

/**
 * The {@link TipSource} of a running node: consensus' tip pool, with parents chosen by the
 * configured {@link ParentSelector} ({@code tips.selector}: the pool's uniform choice or the
 * weighted walk ending on its tips).
 */
public final class PoolTips implements TipSource {

  private final SolidTipPool pool;
  private final ParentSelector selector;

  public PoolTips(SolidTipPool pool, ParentSelector selector) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.selector = Objects.requireNonNull(selector, "selector");
  }

  @Override
  public List<TransactionId> selectParents(int count) {
    return selector.select(count).parents();
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
