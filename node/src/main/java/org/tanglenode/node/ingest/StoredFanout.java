package org.tanglenode.node.ingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.protocol.Transaction;

/**
 * Hands each stored transaction to every registered listener, in registration order; one failing
 * listener is logged and never stops the others. Listeners are registered while the node starts.
 */
public final class StoredFanout implements StoredListener {

  private static final Logger LOG = LoggerFactory.getLogger(StoredFanout.class);

  private final List<StoredListener> listeners = new CopyOnWriteArrayList<>();

  public void add(StoredListener listener) {
    listeners.add(listener);
  }

  @Override
  public void onStored(Transaction transaction) {
    for (StoredListener listener : listeners) {
      try {
        listener.onStored(transaction);
      } catch (RuntimeException e) {
        LOG.warn("a stored-transaction listener failed on {}", transaction.id(), e);
      }
    }
  }
}
