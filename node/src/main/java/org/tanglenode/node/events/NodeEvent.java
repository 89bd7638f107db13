package org.tanglenode.node.events;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.tanglenode.protocol.Tag;

/**
 * One server-sent event: its type ({@code transaction}, {@code milestone}, {@code confirmation}),
 * its JSON data and the tag it is filtered by.
 *
 * <p>The data is serialised when a stream first writes the event, once for every subscriber, and
 * not at all when no subscriber wants it (a tag filter passes it over): publishing happens on the
 * threads that store and confirm transactions, which should not pay for JSON nobody reads.
 */
public final class NodeEvent {

  private final String type;
  private final Optional<Tag> tag;
  private Supplier<String> serialiser; // null once serialised; guarded by this
  private String json; // guarded by this

  /** An event whose data is serialised already. */
  public NodeEvent(String type, String json, Optional<Tag> tag) {
    this(type, tag, null, checkLine(Objects.requireNonNull(json, "json")));
  }

  /** An event whose data {@code serialiser} makes, on first use only (a single line of JSON). */
  public static NodeEvent lazy(String type, Supplier<String> serialiser, Optional<Tag> tag) {
    return new NodeEvent(type, tag, Objects.requireNonNull(serialiser, "serialiser"), null);
  }

  private NodeEvent(String type, Optional<Tag> tag, Supplier<String> serialiser, String json) {
    Objects.requireNonNull(type, "type");
    if (type.isEmpty() || type.contains("\n")) {
      throw new IllegalArgumentException("an event's type is a single line");
    }
    this.type = type;
    this.tag = tag == null ? Optional.empty() : tag;
    this.serialiser = serialiser;
    this.json = json;
  }

  public String type() {
    return type;
  }

  public Optional<Tag> tag() {
    return tag;
  }

  /** The JSON data, serialised on the first call. */
  public synchronized String json() {
    if (json == null) {
      json = checkLine(serialiser.get());
      serialiser = null;
    }
    return json;
  }

  /** The event in the text/event-stream format. */
  public String toSse() {
    return "event: " + type + "\ndata: " + json() + "\n\n";
  }

  private static String checkLine(String json) {
    if (json.contains("\n")) {
      throw new IllegalArgumentException("an event's data is a single line");
    }
    return json;
  }
}
