package org.tanglenode.node.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.Tag;

class EventHubTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void aSubscriberThatFallsAWholeBufferBehindIsDroppedAndCounted() {
    try (EventHub hub = new EventHub(2, 4, new ObjectMapper(), meters)) {
      Subscription slow = hub.subscribe(Optional.empty(), () -> {}).orElseThrow();
      Subscription fast = hub.subscribe(Optional.empty(), () -> {}).orElseThrow();

      for (int i = 0; i < 3; i++) {
        hub.publish(new NodeEvent("transaction", "{\"n\":" + i + "}", Optional.empty()));
        fast.poll();
      }

      assertThat(slow.dropped()).isTrue();
      assertThat(fast.dropped()).isFalse();
      assertThat(hub.subscribers()).isEqualTo(1);
      assertThat(meters.get("tangle.events.subscribers.dropped").counter().count()).isEqualTo(1);
    }
  }

  @Test
  void aFilteredSubscriberGetsOnlyItsTagAndTheHubCapsSubscribers() {
    try (EventHub hub = new EventHub(8, 1, new ObjectMapper(), meters)) {
      Subscription trail = hub.subscribe(Optional.of(Tag.of("a")), () -> {}).orElseThrow();

      hub.publish(new NodeEvent("transaction", "{}", Optional.of(Tag.of("b"))));
      hub.publish(new NodeEvent("transaction", "{\"x\":1}", Optional.of(Tag.of("a"))));

      assertThat(trail.poll().json()).isEqualTo("{\"x\":1}");
      assertThat(trail.poll()).isNull();
      assertThat(hub.subscribe(Optional.empty(), () -> {})).isEmpty();
    }
  }

  @Test
  void anEventIsSerialisedOnlyWhenAStreamWritesItAndThenOnce() {
    try (EventHub hub = new EventHub(8, 4, new ObjectMapper(), meters)) {
      Subscription trail = hub.subscribe(Optional.of(Tag.of("a")), () -> {}).orElseThrow();
      AtomicInteger serialised = new AtomicInteger();
      Supplier<String> data =
          () -> {
            serialised.incrementAndGet();
            return "{\"n\":1}";
          };

      hub.publish(NodeEvent.lazy("transaction", data, Optional.of(Tag.of("b"))));
      hub.publish(NodeEvent.lazy("transaction", data, Optional.of(Tag.of("a"))));

      assertThat(serialised).hasValue(0); // the unwanted one never, the wanted one not yet
      NodeEvent event = trail.poll();
      assertThat(event.toSse()).isEqualTo("event: transaction\ndata: {\"n\":1}\n\n");
      assertThat(event.json()).isEqualTo("{\"n\":1}");
      assertThat(serialised).hasValue(1);
    }
  }
}
