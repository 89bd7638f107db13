package org.tanglenode.node.view;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.tanglenode.consensus.solidification.SolidListener;
import org.tanglenode.node.ingest.StoredListener;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;

/**
 * The node's tip pool: solid transactions that no solid transaction approves yet. A stored
 * transaction's parents are remembered until the solidifier reports it solid; then it becomes a tip
 * and its parents stop being tips. So a transaction the node completes approves only solid
 * transactions, and a milestone's cone is stored. Parents are picked uniformly at random (no age
 * filter, no weighted walk: consensus' tip selection is not wired yet). At most {@code maxTracked}
 * tips and as many waiting transactions are kept (the oldest are forgotten); with no tips, the
 * network's root is the only one. Seeded at start from storage's tip column.
 *
 * <p>Both listener methods run on the storage writer's thread and only touch memory.
 */
public final class SolidTips implements TipSource, StoredListener, SolidListener {

  private final TransactionId root;
  private final int maxTracked;
  private final RandomGenerator random;
  private final LinkedHashSet<TransactionId> tips = new LinkedHashSet<>();
  private final Map<TransactionId, List<TransactionId>> waiting = new LinkedHashMap<>();

  public SolidTips(
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
    waiting.put(transaction.id(), transaction.parents());
    while (waiting.size() > maxTracked) {
      waiting.remove(waiting.keySet().iterator().next());
    }
  }

  @Override
  public synchronized void solid(List<TransactionId> ids) {
    for (TransactionId id : ids) {
      List<TransactionId> parents = waiting.remove(id);
      if (parents != null) {
        parents.forEach(tips::remove);
      }
      tips.add(id);
    }
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
    Set<TransactionId> chosen = new TreeSet<>();
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
