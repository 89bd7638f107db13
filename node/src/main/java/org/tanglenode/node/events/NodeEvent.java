package org.tanglenode.node.events;

import java.util.Objects;
import java.util.Optional;
import org.tanglenode.protocol.Tag;

/**
 * One server-sent event: its type ({@code transaction}; later {@code milestone} and {@code
 * confirmation}), its JSON data, serialised once for every subscriber, and the tag it is filtered
 * by.
 */
public record NodeEvent(String type, String json, Optional<Tag> tag) {

  public NodeEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(json, "json");
    tag = tag == null ? Optional.empty() : tag;
    if (type.isEmpty() || type.contains("\n") || json.contains("\n")) {
      throw new IllegalArgumentException("an event's type and data are single lines");
    }
  }

  /** The event in the text/event-stream format. */
  public String toSse() {
    return "event: " + type + "\ndata: " + json + "\n\n";
  }
}
