package org.tanglenode.consensus.whiteflag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.crypto.merkle.MerkleTree;
import org.tanglenode.protocol.TransactionId;

class WhiteFlagOrderTest {

  private final WhiteFlagOrder order = WhiteFlagOrder.blake2b256();

  /** Parents by id on the heap; the root and {@code confirmed} end the walk. */
  private static final class MapCone implements ConeReader {
    final Map<TransactionId, List<TransactionId>> parents = new HashMap<>();
    final Set<TransactionId> confirmed = new HashSet<>();

    @Override
    public Optional<List<TransactionId>> parents(TransactionId id) {
      return Optional.ofNullable(parents.get(id));
    }

    @Override
    public boolean isConfirmed(TransactionId id) {
      return confirmed.contains(id);
    }
  }

  /** An id whose first byte is {@code b}, so tests control the id order. */
  private static TransactionId id(int b) {
    byte[] bytes = new byte[32];
    bytes[0] = (byte) b;
    bytes[31] = 1;
    return new TransactionId(bytes);
  }

  @Test
  void walksDepthFirstPostOrderWithParentsInIdOrder() {
    TransactionId root = id(0);
    MapCone cone = new MapCone();
    cone.confirmed.add(root);
    // a(0x10) <- c(0x30), b(0x20) <- c, c <- e(0x50); d(0x40) <- e ; a <- d; d's parent list
    // unordered.
    TransactionId a = id(0x10);
    TransactionId b = id(0x20);
    TransactionId c = id(0x30);
    TransactionId d = id(0x40);
    TransactionId e = id(0x50);
    cone.parents.put(a, List.of(root));
    cone.parents.put(b, List.of(root));
    cone.parents.put(c, List.of(b, a));
    cone.parents.put(d, List.of(a));
    cone.parents.put(e, List.of(d, c));

    WhiteFlagResult result = order.order(List.of(e), cone);

    // e's parents in id order: c first (its parents a then b), then d (a already visited).
    assertThat(result).isInstanceOf(WhiteFlagResult.Ordered.class);
    assertThat(((WhiteFlagResult.Ordered) result).ids()).containsExactly(a, b, c, d, e);
  }

  @Test
  void milestoneParentsAreVisitedInIdOrderWhateverOrderTheyAreGiven() {
    TransactionId root = id(0);
    MapCone cone = new MapCone();
    cone.confirmed.add(root);
    TransactionId x = id(0x90);
    TransactionId y = id(0x80);
    cone.parents.put(x, List.of(root));
    cone.parents.put(y, List.of(root));

    WhiteFlagResult one = order.order(List.of(x, y), cone);
    WhiteFlagResult other = order.order(List.of(y, x), cone);

    assertThat(((WhiteFlagResult.Ordered) one).ids()).containsExactly(y, x);
    assertThat(one).isEqualTo(other);
  }

  @Test
  void confirmedTransactionsEndTheWalk() {
    TransactionId root = id(0);
    MapCone cone = new MapCone();
    cone.confirmed.add(root);
    TransactionId old = id(0x10);
    TransactionId older = id(0x05);
    TransactionId fresh = id(0x20);
    cone.parents.put(older, List.of(root));
    cone.parents.put(old, List.of(older));
    cone.parents.put(fresh, List.of(old));
    cone.confirmed.add(old);

    WhiteFlagResult result = order.order(List.of(fresh), cone);

    assertThat(((WhiteFlagResult.Ordered) result).ids()).containsExactly(fresh);
  }

  @Test
  void aMissingTransactionMakesTheWalkIncomplete() {
    TransactionId root = id(0);
    MapCone cone = new MapCone();
    cone.confirmed.add(root);
    TransactionId missing = id(0x10);
    TransactionId child = id(0x20);
    cone.parents.put(child, List.of(missing));

    assertThat(order.order(List.of(child), cone))
        .isEqualTo(new WhiteFlagResult.Incomplete(missing));
  }

  @Test
  void theRootIsTheRfc9162RootOverTheIdsInOrder() {
    TransactionId root = id(0);
    MapCone cone = new MapCone();
    cone.confirmed.add(root);
    List<TransactionId> chain = new ArrayList<>();
    TransactionId previous = root;
    for (int i = 1; i <= 7; i++) {
      TransactionId next = id(i);
      cone.parents.put(next, List.of(previous));
      chain.add(next);
      previous = next;
    }

    WhiteFlagResult.Ordered result = (WhiteFlagResult.Ordered) order.order(List.of(previous), cone);

    List<byte[]> leaves = chain.stream().map(TransactionId::bytes).toList();
    assertThat(result.ids()).isEqualTo(chain);
    assertThat(result.confirmedRoot())
        .isEqualTo(MerkleTree.ofLeafData(MerkleHasher.blake2b256(), leaves).root());
  }

  @Test
  void aDeepConeNeedsNoCallStack() {
    TransactionId root = id(0);
    MapCone cone = new MapCone();
    cone.confirmed.add(root);
    Random random = new Random(7);
    TransactionId previous = root;
    for (int i = 0; i < 200_000; i++) {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      TransactionId next = new TransactionId(bytes);
      cone.parents.put(next, List.of(previous));
      previous = next;
    }

    WhiteFlagResult.Ordered result = (WhiteFlagResult.Ordered) order.order(List.of(previous), cone);

    assertThat(result.ids()).hasSize(200_000);
    assertThat(result.ids().get(199_999)).isEqualTo(previous);
  }

  @Test
  void anEmptyConeHasTheEmptyRoot() {
    MapCone cone = new MapCone();
    TransactionId root = id(0);
    cone.confirmed.add(root);

    WhiteFlagResult.Ordered result = (WhiteFlagResult.Ordered) order.order(List.of(root), cone);

    assertThat(result.ids()).isEmpty();
    assertThat(result.confirmedRoot()).isEqualTo(MerkleHasher.blake2b256().emptyRoot());
  }

  @Test
  void theOrderDependsOnlyOnTheConeNotOnHowItWasBuilt() {
    // The same random DAG, its parent lists shuffled differently, gives the same order.
    Random random = new Random(11);
    TransactionId root = id(0);
    List<TransactionId> ids = new ArrayList<>();
    Map<TransactionId, List<TransactionId>> parents = new HashMap<>();
    ids.add(root);
    for (int i = 0; i < 2_000; i++) {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      TransactionId next = new TransactionId(bytes);
      List<TransactionId> chosen = new ArrayList<>();
      for (int p = 0; p < 1 + random.nextInt(4); p++) {
        TransactionId parent = ids.get(Math.max(0, ids.size() - 1 - random.nextInt(30)));
        if (!chosen.contains(parent)) {
          chosen.add(parent);
        }
      }
      parents.put(next, chosen);
      ids.add(next);
    }
    TransactionId tip = ids.get(ids.size() - 1);
    MapCone first = new MapCone();
    MapCone second = new MapCone();
    first.confirmed.add(root);
    second.confirmed.add(root);
    parents.forEach(
        (id, list) -> {
          List<TransactionId> shuffled = new ArrayList<>(list);
          Collections.shuffle(shuffled, random);
          first.parents.put(id, list);
          second.parents.put(id, shuffled);
        });

    assertThat(order.order(List.of(tip), first)).isEqualTo(order.order(List.of(tip), second));
  }
}
