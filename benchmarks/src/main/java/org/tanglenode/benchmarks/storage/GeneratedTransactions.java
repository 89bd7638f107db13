package org.tanglenode.benchmarks.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.StorableTransaction;

/**
 * Transactions for the storage benchmarks: random bytes of a typical size (storage neither parses
 * nor checks them), two parents among the most recent ids, a tag on two of three.
 */
final class GeneratedTransactions {

  static final int SIZE_BYTES = 256;

  private final Random random;
  private final List<TransactionId> recent = new ArrayList<>();
  private long timestampMs = 1_700_000_000_000L;

  GeneratedTransactions(long seed) {
    this.random = new Random(seed);
  }

  StorableTransaction next() {
    byte[] bytes = new byte[SIZE_BYTES];
    random.nextBytes(bytes);
    List<TransactionId> parents = new ArrayList<>(2);
    for (int i = 0; i < 2 && !recent.isEmpty(); i++) {
      TransactionId parent = recent.get(random.nextInt(recent.size()));
      if (!parents.contains(parent)) {
        parents.add(parent);
      }
    }
    Optional<Tag> tag =
        random.nextInt(3) > 0
            ? Optional.of(Tag.of("trail-" + random.nextInt(1000)))
            : Optional.empty();
    StorableTransaction tx =
        StorableTransaction.of(bytes, parents, tag, timestampMs++, OptionalInt.empty());
    recent.add(tx.id());
    if (recent.size() > 16) {
      recent.remove(0);
    }
    return tx;
  }

  List<StorableTransaction> next(int count) {
    List<StorableTransaction> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(next());
    }
    return out;
  }
}
