package org.tanglenode.consensus.whiteflag;

import java.util.List;
import java.util.Optional;
import org.tanglenode.protocol.TransactionId;

/**
 * What the white-flag walk needs to know of the Tangle: the parents of a transaction and whether it
 * is confirmed already. {@link StoredCone} reads it from storage; tests use maps.
 */
public interface ConeReader {

  /** The parents of {@code id}, or empty if the transaction is not known here. */
  Optional<List<TransactionId>> parents(TransactionId id);

  /**
   * Whether {@code id} ends the walk: the network root, a solid entry point, or a transaction an
   * earlier milestone already confirmed.
   */
  boolean isConfirmed(TransactionId id);
}
