package org.tanglenode.consensus.ledger;

import java.util.ArrayList;
import java.util.List;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.genesis.Allocation;
import org.tanglenode.protocol.genesis.Network;

/**
 * The genesis allocations as ledger outputs: allocation {@code i} of the genesis file (counting
 * from 0 in file order) is output {@code (root id, i)}, where the root id is the network id; it is
 * locked to its one address (threshold 1) without a timelock. A transfer spends it by naming that
 * reference as an input. Since an input's index is below 128 (docs/protocol.md section 7),
 * allocations after the 128th cannot be spent.
 */
public final class GenesisAllocations {

  /** The largest output index an input may name, plus one. */
  public static final int SPENDABLE_ALLOCATIONS = 128;

  private GenesisAllocations() {}

  /** The reference of allocation {@code index} of {@code network}. */
  public static OutputRef ref(Network network, int index) {
    return new OutputRef(network.rootId(), index);
  }

  /** Every allocation as an output, in file order. */
  public static List<LedgerOutput> outputs(Network network) {
    List<Allocation> allocations = network.genesis().allocations();
    List<LedgerOutput> out = new ArrayList<>(allocations.size());
    for (int i = 0; i < allocations.size(); i++) {
      Allocation allocation = allocations.get(i);
      out.add(
          new LedgerOutput(
              ref(network, i),
              new Output(allocation.amount(), List.of(allocation.address()), 1, 0)));
    }
    return out;
  }
}
