package org.tanglenode.consensus.history;

import java.util.Optional;

/** Where committed history-tree nodes are read from: the storage's {@code merkle} column. */
@FunctionalInterface
public interface HistoryNodeSource {

  /** The committed hash of node ({@code level}, {@code index}), if stored. */
  Optional<byte[]> node(int level, long index);
}
