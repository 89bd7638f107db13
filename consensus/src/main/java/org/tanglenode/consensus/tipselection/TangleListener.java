package org.tanglenode.consensus.tipselection;

import java.util.List;
import org.tanglenode.protocol.TransactionId;

/**
 * Hears of every transaction attached to a {@link TangleView}, in attachment order (parents before
 * children), after the view holds it and after any milestone it carries has been confirmed in the
 * view. Called by the single writer of the view; an implementation must be quick (O(1) or bounded
 * by a documented window) because it runs on the attachment path.
 */
public interface TangleListener {

  /** {@code id} was attached with these {@code parents}. */
  void onAttached(TransactionId id, List<TransactionId> parents);
}
