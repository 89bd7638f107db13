package org.tanglenode.node.view;

import java.util.List;
import org.tanglenode.crypto.address.Address;
import org.tanglenode.protocol.OutputRef;

/**
 * Balances and unspent outputs of an address, from the UTXO ledger that the consensus module
 * applies ({@link ConsensusLedger}). {@link #NONE} is the no-op for a node without a ledger: {@link
 * #available()} is false and the API answers 501 NOT_IMPLEMENTED.
 */
public interface LedgerView {

  /** Whether the ledger is kept by this node. */
  boolean available();

  /** The confirmed balance of {@code address}. Only when {@link #available()}. */
  long balance(Address address);

  /** The unspent outputs of {@code address}, at most {@code limit}. Only when available. */
  List<OutputRef> outputs(Address address, int limit);

  /** No ledger (API tests of other parts). */
  LedgerView NONE =
      new LedgerView() {
        @Override
        public boolean available() {
          return false;
        }

        @Override
        public long balance(Address address) {
          throw new UnsupportedOperationException("this node keeps no ledger");
        }

        @Override
        public List<OutputRef> outputs(Address address, int limit) {
          throw new UnsupportedOperationException("this node keeps no ledger");
        }
      };
}
