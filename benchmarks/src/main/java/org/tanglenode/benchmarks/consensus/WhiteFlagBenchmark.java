package org.tanglenode.benchmarks.consensus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tanglenode.benchmarks.BenchmarkBase;
import org.tanglenode.consensus.whiteflag.ConeReader;
import org.tanglenode.consensus.whiteflag.WhiteFlagOrder;
import org.tanglenode.consensus.whiteflag.WhiteFlagResult;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;

/**
 * White-flag order and confirmed root of a milestone over {@code size} new transactions whose
 * parents are on the heap: the traversal (depth-first post-order, parents in id order) and the RFC
 * 9162 root over the ids. One operation is one milestone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WhiteFlagBenchmark extends BenchmarkBase {

  @Param({"10000"})
  int size;

  private ConeReader cone;
  private List<TransactionId> parents;
  private final WhiteFlagOrder order = WhiteFlagOrder.blake2b256();

  @Setup(Level.Trial)
  public void build() {
    ConeFixture fixture = new ConeFixture(size, 0, SEED);
    Map<TransactionId, List<TransactionId>> parentsById = new HashMap<>();
    for (Transaction tx : fixture.transactions) {
      parentsById.put(tx.id(), tx.parents());
    }
    TransactionId root = fixture.network.rootId();
    cone =
        new ConeReader() {
          @Override
          public Optional<List<TransactionId>> parents(TransactionId id) {
            return Optional.ofNullable(parentsById.get(id));
          }

          @Override
          public boolean isConfirmed(TransactionId id) {
            return id.equals(root);
          }
        };
    parents = fixture.milestoneParents();
    WhiteFlagResult.Ordered check = (WhiteFlagResult.Ordered) order.order(parents, cone);
    if (check.ids().size() != size) {
      throw new IllegalStateException("the cone holds only " + check.ids().size());
    }
  }

  @Benchmark
  public WhiteFlagResult orderAndRoot() {
    return order.order(parents, cone);
  }
}
