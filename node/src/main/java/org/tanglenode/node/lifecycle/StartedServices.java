package org.tanglenode.node.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services a node has started, in start (dependency) order. {@link #close()} closes them in
 * reverse order, each in its own try, so one failing close never skips the rest. Idempotent.
 */
public final class StartedServices implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StartedServices.class);

  /** Something to close when the node stops. */
  @FunctionalInterface
  public interface Closer {
    void close();
  }

  private record Entry(String name, Closer closer) {}

  private final Deque<Entry> started = new ArrayDeque<>();

  /**
   * Records that {@code name} is up; it is closed with {@code closer}, before those added earlier.
   */
  public synchronized <T> T add(String name, T service, Closer closer) {
    started.push(new Entry(name, closer));
    LOG.debug("started {}", name);
    return service;
  }

  /** The names of the running services, in start order. */
  public synchronized java.util.List<String> names() {
    java.util.List<String> names = new java.util.ArrayList<>();
    started.descendingIterator().forEachRemaining(e -> names.add(e.name()));
    return names;
  }

  @Override
  public void close() {
    while (true) {
      Entry entry;
      synchronized (this) {
        entry = started.poll();
      }
      if (entry == null) {
        return;
      }
      try {
        entry.closer().close();
        LOG.debug("closed {}", entry.name());
      } catch (RuntimeException e) {
        LOG.error("closing {} failed", entry.name(), e);
      }
    }
  }
}
