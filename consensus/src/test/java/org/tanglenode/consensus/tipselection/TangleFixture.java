package org.tanglenode.consensus.tipselection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.tanglenode.crypto.hash.Blake2b256;
import org.tanglenode.protocol.TransactionId;

/**
 * An {@link InMemoryTangle} whose transactions have names, with listeners that hear of every
 * attachment, and a generator of random DAGs.
 */
final class TangleFixture {

  static final String ROOT = "root";

  final InMemoryTangle tangle = new InMemoryTangle(id(ROOT));
  private final List<TangleListener> listeners = new ArrayList<>();
  private final Map<TransactionId, String> names = new HashMap<>();
  private final List<TransactionId> attached = new ArrayList<>(List.of(id(ROOT)));

  TangleFixture() {
    names.put(id(ROOT), ROOT);
  }

  /** The id of a named transaction: the hash of its name. */
  static TransactionId id(String name) {
    return new TransactionId(Blake2b256.digest(name.getBytes(StandardCharsets.UTF_8)));
  }

  void listen(TangleListener listener) {
    listeners.add(listener);
  }

  TransactionId attach(String name, String... parents) {
    List<TransactionId> parentIds = new ArrayList<>();
    for (String parent : parents) {
      parentIds.add(id(parent));
    }
    return attach(name, parentIds, false);
  }

  /** Attaches a transaction and confirms it as the next milestone before listeners hear of it. */
  TransactionId milestone(String name, String... parents) {
    List<TransactionId> parentIds = new ArrayList<>();
    for (String parent : parents) {
      parentIds.add(id(parent));
    }
    return attach(name, parentIds, true);
  }

  TransactionId attach(String name, List<TransactionId> parents, boolean milestone) {
    TransactionId id = id(name);
    tangle.attach(id, parents);
    if (milestone) {
      tangle.confirmMilestone(id);
    }
    names.put(id, name);
    attached.add(id);
    for (TangleListener listener : listeners) {
      listener.onAttached(id, parents);
    }
    return id;
  }

  String name(TransactionId id) {
    return names.get(id);
  }

  /** Every transaction attached, root first, in attachment order. */
  List<TransactionId> attached() {
    return attached;
  }

  /**
   * Grows a random DAG of {@code count} more transactions: each takes 1-4 distinct parents, mostly
   * among the last 30 transactions and sometimes anywhere; every {@code milestoneEvery}-th is a
   * milestone (0 for none).
   */
  void growRandom(RandomGenerator random, int count, int milestoneEvery) {
    for (int i = 0; i < count; i++) {
      int n = attached.size();
      int parents = 1 + random.nextInt(Math.min(4, n));
      List<TransactionId> chosen = new ArrayList<>();
      while (chosen.size() < parents) {
        int index =
            random.nextInt(10) == 0 ? random.nextInt(n) : n - 1 - random.nextInt(Math.min(30, n));
        TransactionId parent = attached.get(index);
        if (!chosen.contains(parent)) {
          chosen.add(parent);
        }
      }
      boolean milestone = milestoneEvery > 0 && (i + 1) % milestoneEvery == 0;
      attach("random-" + attached.size() + "-" + random.nextLong(), chosen, milestone);
    }
  }
}
