package org.tanglenode.node.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tanglenode.consensus.confirmation.ConfirmationListener;
import org.tanglenode.consensus.confirmation.ConfirmationOutcome;
import org.tanglenode.node.ingest.StoredListener;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.ConflictState;

/**
 * Fans events out to subscribers (the API's server-sent event streams), each with a bounded buffer:
 * a subscriber whose buffer is full is dropped and counted, never waited for. Publishing happens on
 * the thread that runs the stored listeners and on the confirmation thread, so it only offers to
 * queues: an event's JSON is built when a stream first writes it ({@link NodeEvent#lazy}), never
 * for events no subscriber takes.
 *
 * <p>It publishes {@code transaction} events (on the stored listeners' thread) and, for each
 * confirmed milestone, one {@code milestone} event and one {@code confirmation} event per
 * transaction it confirmed (on consensus' confirmation thread). Confirmations carry no tag, so a
 * stream filtered by tag does not get them.
 */
public final class EventHub implements StoredListener, ConfirmationListener, AutoCloseable {

  private final int bufferSize;
  private final int maxSubscribers;
  private final ObjectMapper json;
  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final Counter published;
  private final Counter dropped;
  private volatile boolean closed;

  public EventHub(int bufferSize, int maxSubscribers, ObjectMapper json, MeterRegistry meters) {
    this.bufferSize = bufferSize;
    this.maxSubscribers = maxSubscribers;
    this.json = json;
    this.published =
        Counter.builder("tangle.events.published")
            .description("events published to subscribers")
            .register(meters);
    this.dropped =
        Counter.builder("tangle.events.subscribers.dropped")
            .description("subscribers dropped because their buffer was full")
            .register(meters);
    Gauge.builder("tangle.events.subscribers", subscriptions, Set::size)
        .description("open event streams")
        .register(meters);
  }

  /** A new subscription, or empty when {@code maxSubscribers} are open or the hub is closed. */
  public synchronized Optional<Subscription> subscribe(
      Optional<Tag> filter, Subscription.Signal signal) {
    if (closed || subscriptions.size() >= maxSubscribers) {
      return Optional.empty();
    }
    Subscription subscription = new Subscription(filter, bufferSize, signal);
    subscriptions.add(subscription);
    return Optional.of(subscription);
  }

  public void unsubscribe(Subscription subscription) {
    if (subscriptions.remove(subscription)) {
      subscription.end();
    }
  }

  public int subscribers() {
    return subscriptions.size();
  }

  /** Offers {@code event} to every subscriber that wants it; drops those that are full. */
  public void publish(NodeEvent event) {
    if (closed) {
      return;
    }
    published.increment();
    for (Subscription subscription : subscriptions) {
      if (subscription.wants(event) && !subscription.offer(event)) {
        if (subscriptions.remove(subscription)) {
          dropped.increment();
          subscription.drop();
        }
      }
    }
  }

  @Override
  public void onStored(Transaction tx) {
    if (subscriptions.isEmpty()) {
      return;
    }
    publish(NodeEvent.lazy("transaction", () -> write(transactionData(tx)), tx.tag()));
  }

  private static Map<String, Object> transactionData(Transaction tx) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", tx.id().toHex());
    data.put("parents", tx.parents().stream().map(TransactionId::toHex).toList());
    data.put("kind", tx.payload().kind().name());
    data.put("tag", tx.tag().map(Tag::toString).orElse(null));
    data.put("timestamp", tx.timestampMs());
    data.put("issuer", tx.issuer().toHex());
    data.put("size", tx.size());
    return data;
  }

  @Override
  public void confirmed(ConfirmationOutcome.Confirmed confirmed) {
    if (subscriptions.isEmpty()) {
      return;
    }
    publish(NodeEvent.lazy("milestone", () -> write(milestoneData(confirmed)), Optional.empty()));
    for (TransactionId id : confirmed.ids()) {
      ConflictState conflict = confirmed.conflicts().getOrDefault(id, ConflictState.NONE);
      publish(
          NodeEvent.lazy(
              "confirmation",
              () -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("id", id.toHex());
                data.put("milestone", confirmed.index());
                data.put("conflict", conflict.name());
                return write(data);
              },
              Optional.empty()));
    }
  }

  private static Map<String, Object> milestoneData(ConfirmationOutcome.Confirmed confirmed) {
    Map<String, Object> milestone = new LinkedHashMap<>();
    milestone.put("index", confirmed.index());
    milestone.put("id", confirmed.milestone().toHex());
    milestone.put("confirmed", confirmed.ids().size());
    milestone.put("conflicting", confirmed.conflicts().size());
    milestone.put("historySize", confirmed.history().size());
    milestone.put("historyRoot", HexFormat.of().formatHex(confirmed.history().root()));
    return milestone;
  }

  private String write(Map<String, Object> data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise an event", e);
    }
  }

  /** Ends every stream; later subscriptions are refused. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    for (Subscription subscription : subscriptions) {
      subscriptions.remove(subscription);
      subscription.end();
    }
  }
}
