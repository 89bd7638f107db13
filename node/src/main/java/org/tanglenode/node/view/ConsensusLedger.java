package org.tanglenode.node.view;

import java.util.List;
import org.tanglenode.consensus.ledger.Ledger;
import org.tanglenode.consensus.ledger.LedgerAddress;
import org.tanglenode.consensus.ledger.LedgerOutput;
import org.tanglenode.crypto.address.Address;
import org.tanglenode.protocol.OutputRef;

/** The {@link LedgerView} of consensus' UTXO ledger (its in-memory address index). */
public final class ConsensusLedger implements LedgerView {

  private final Ledger ledger;

  public ConsensusLedger(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public long balance(Address address) {
    return ledger.balance(new LedgerAddress(address.hash()));
  }

  @Override
  public List<OutputRef> outputs(Address address, int limit) {
    return ledger.outputs(new LedgerAddress(address.hash())).stream()
        .limit(limit)
        .map(LedgerOutput::ref)
        .toList();
  }
}
