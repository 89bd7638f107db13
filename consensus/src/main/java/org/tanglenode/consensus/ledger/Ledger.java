package org.tanglenode.consensus.ledger;

import java.util.List;
import java.util.Objects;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.storage.MilestoneKind;
import org.tanglenode.storage.StateUpdate;
import org.tanglenode.storage.TransactionStore;
import org.tanglenode.storage.UpdateOutcome;

/**
 * The UTXO ledger as the rest of the node reads it: balances and unspent outputs per address. The
 * ledger state itself lives in storage; {@link #start()} writes the genesis allocations into an
 * empty ledger (one atomic batch) and builds the {@link AddressIndex}.
 */
public final class Ledger {

  private final Network network;
  private final TransactionStore store;
  private final AddressIndex index = new AddressIndex();

  public Ledger(Network network, TransactionStore store) {
    this.network = Objects.requireNonNull(network, "network");
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Writes the genesis outputs if no milestone is confirmed and they are not there yet, then loads
   * the address index from the unspent outputs.
   *
   * @throws IllegalStateException if storage refuses the genesis batch
   */
  public void start() {
    List<LedgerOutput> genesis = GenesisAllocations.outputs(network);
    if (!genesis.isEmpty()
        && store.milestoneIndex(MilestoneKind.CONFIRMED) == 0
        && store.unspentOutput(genesis.get(0).ref()).isEmpty()
        && store.spentOutput(genesis.get(0).ref()).isEmpty()) {
      StateUpdate.Builder update = StateUpdate.builder();
      for (LedgerOutput output : genesis) {
        update.putUnspentOutput(output.ref(), output.output());
      }
      UpdateOutcome outcome = store.update(update.build()).join();
      if (outcome.code() != UpdateOutcome.Code.APPLIED) {
        throw new IllegalStateException("storage refused the genesis outputs: " + outcome);
      }
    }
    store.forEachUnspentOutput(
        (ref, output) -> {
          index.add(ref, output);
          return true;
        });
  }

  /** Updates the address index after a milestone's batch was written. */
  public void applied(MilestoneLedger milestone) {
    index.apply(milestone.created(), milestone.spent());
  }

  public long balance(LedgerAddress address) {
    return index.balance(address);
  }

  public List<LedgerOutput> outputs(LedgerAddress address) {
    return index.outputs(address);
  }

  /** A reader of the committed ledger for checking a milestone. */
  public LedgerReader reader() {
    return new StoredLedger(store);
  }
}
