package org.tanglenode.node.gateway;

/** Told of each newly stored reading, in arrival order, on the store's writer thread. */
interface ReadingListener {

  /** Must not block: it runs before the next group of readings is acknowledged. */
  void stored(ReadingIntake.Taken reading);

  /** Tells nothing: no cold-chain rules. */
  ReadingListener NONE = reading -> {};
}
