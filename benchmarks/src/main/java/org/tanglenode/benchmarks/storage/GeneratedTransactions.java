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
 * nor checks them), two parents, a tag on two of three. The parents are among the 16 most recent
 * ids ({@link Parents#RECENT}, a node's steady state), or one of them is instead any id generated
 * so far ({@link Parents#OLD}, as in catching up) or an id that never arrives ({@link
 * Parents#MISSING}, as a transaction whose parent is still being requested).
 */
final class GeneratedTransactions {

  /** Where the second parent of each transaction comes from. */
  enum Parents {
    RECENT,
    OLD,
    MISSING
  }

  static final int SIZE_BYTES = 256;

  private final Random random;
  private final Parents parents;
  private final List<TransactionId> recent = new ArrayList<>();
  private final List<TransactionId> all = new ArrayList<>();
  private long timestampMs = 1_700_000_000_000L;

  GeneratedTransactions(long seed) {
    this(seed, Parents.RECENT);
  }

  GeneratedTransactions(long seed, Parents parents) {
    this.random = new Random(seed);
    this.parents = parents;
  }

  StorableTransaction next() {
    byte[] bytes = new byte[SIZE_BYTES];
    random.nextBytes(bytes);
    List<TransactionId> chosen = new ArrayList<>(2);
    for (int i = 0; i < 2 && !recent.isEmpty(); i++) {
      TransactionId parent =
          i == 1 && parents == Parents.OLD
              ? all.get(random.nextInt(all.size()))
              : i == 1 && parents == Parents.MISSING
                  ? invented()
                  : recent.get(random.nextInt(recent.size()));
      if (!chosen.contains(parent)) {
        chosen.add(parent);
      }
    }
    Optional<Tag> tag =
        random.nextInt(3) > 0
            ? Optional.of(Tag.of("trail-" + random.nextInt(1000)))
            : Optional.empty();
    StorableTransaction tx =
        StorableTransaction.of(bytes, chosen, tag, timestampMs++, OptionalInt.empty());
    recent.add(tx.id());
    all.add(tx.id());
    if (recent.size() > 16) {
      recent.remove(0);
    }
    return tx;
  }

  private TransactionId invented() {
    byte[] id = new byte[32];
    random.nextBytes(id);
    return new TransactionId(id);
  }

  List<StorableTransaction> next(int count) {
    List<StorableTransaction> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(next());
    }
    return out;
  }
}
