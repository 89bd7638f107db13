package org.tanglenode.node.view;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.tanglenode.node.ingest.StoredListener;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;

/**
 * PLACEHOLDER tip pool, to be replaced by consensus' tip selection: the stored transactions that no
 * stored transaction approves yet, seeded from storage's tip column at start and updated as
 * transactions are stored. It does not check solidity or age, and picks parents uniformly at
 * random. At most {@code maxTracked} tips are kept (the oldest are forgotten); with none, the
 * network's root is the only tip.
 */
public final class RecentTips implements TipSource, StoredListener {

  private final TransactionId root;
  private final int maxTracked;
  private final RandomGenerator random;
  private final LinkedHashSet<TransactionId> tips = new LinkedHashSet<>();

  public RecentTips(
      Collection<TransactionId> initial,
      TransactionId root,
      int maxTracked,
      RandomGenerator random) {
    this.root = root;
    this.maxTracked = maxTracked;
    this.random = random;
    initial.stream().limit(maxTracked).forEach(tips::add);
  }

  @Override
  public synchronized void onStored(Transaction transaction) {
    transaction.parents().forEach(tips::remove);
    tips.add(transaction.id());
    while (tips.size() > maxTracked) {
      tips.remove(tips.iterator().next());
    }
  }

  @Override
  public synchronized List<TransactionId> selectParents(int count) {
    if (tips.isEmpty()) {
      return List.of(root);
    }
    List<TransactionId> all = new ArrayList<>(tips);
    Set<TransactionId> chosen = new java.util.TreeSet<>();
    while (chosen.size() < Math.min(count, all.size())) {
      chosen.add(all.get(random.nextInt(all.size())));
    }
    return List.copyOf(chosen);
  }

  @Override
  public synchronized List<TransactionId> tips(int limit) {
    return tips.stream().limit(limit).toList();
  }

  @Override
  public synchronized int tipCount() {
    return tips.size();
  }
}
