package org.tanglenode.storage;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The lifecycle of an owner of threads or RocksDB handles: {@code NEW -> RUNNING -> CLOSED}, or
 * {@code NEW -> CLOSED}. {@code start()} is allowed once; {@code close()} any number of times.
 */
final class ServiceState {

  enum Phase {
    NEW,
    RUNNING,
    CLOSED
  }

  private final String name;
  private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.NEW);

  ServiceState(String name) {
    this.name = name;
  }

  /** Moves NEW to RUNNING, or throws if started before or closed. */
  void starting() {
    if (!phase.compareAndSet(Phase.NEW, Phase.RUNNING)) {
      throw new IllegalStateException(name + " can be started once, and is " + phase.get());
    }
  }

  /** Moves to CLOSED; true only for the first call after which the caller releases resources. */
  boolean closing() {
    return phase.getAndSet(Phase.CLOSED) != Phase.CLOSED;
  }

  boolean running() {
    return phase.get() == Phase.RUNNING;
  }

  /** Throws {@link StorageClosedException} unless running. */
  void requireRunning() {
    Phase now = phase.get();
    if (now != Phase.RUNNING) {
      throw new StorageClosedException(
          name + (now == Phase.NEW ? " is not started yet" : " is closed"));
    }
  }
}
