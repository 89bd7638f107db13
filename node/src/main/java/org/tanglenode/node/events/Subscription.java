package org.tanglenode.node.events;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tanglenode.protocol.Tag;

/**
 * One subscriber's bounded buffer of events. The hub {@link #offer}s; the subscriber's writer
 * {@link #poll}s when it is told events are waiting. A subscriber whose buffer is full is dropped
 * by the hub: the writer sees {@link #dropped()} and ends the stream.
 */
public final class Subscription {

  /** Told, on the hub's thread, that events are waiting or that the subscription ended. */
  @FunctionalInterface
  public interface Signal {
    void wake();
  }

  private final Optional<Tag> filter;
  private final ArrayBlockingQueue<NodeEvent> buffer;
  private final Signal signal;
  private final AtomicBoolean dropped = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  Subscription(Optional<Tag> filter, int capacity, Signal signal) {
    this.filter = filter;
    this.buffer = new ArrayBlockingQueue<>(capacity);
    this.signal = signal;
  }

  boolean wants(NodeEvent event) {
    return filter.isEmpty() || filter.equals(event.tag());
  }

  /** Queues {@code event}; false if the buffer is full. */
  boolean offer(NodeEvent event) {
    if (!buffer.offer(event)) {
      return false;
    }
    signal.wake();
    return true;
  }

  void drop() {
    dropped.set(true);
    closed.set(true);
    signal.wake();
  }

  void end() {
    closed.set(true);
    signal.wake();
  }

  /** The next waiting event, or null. */
  public NodeEvent poll() {
    return buffer.poll();
  }

  /** Dropped for being too slow. */
  public boolean dropped() {
    return dropped.get();
  }

  /** Dropped, unsubscribed or the hub closed: the writer should end the stream. */
  public boolean closed() {
    return closed.get();
  }

  public int buffered() {
    return buffer.size();
  }
}
