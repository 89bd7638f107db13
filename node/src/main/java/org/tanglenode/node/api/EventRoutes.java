package org.tanglenode.node.api;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.tanglenode.node.events.EventHub;
import org.tanglenode.node.events.NodeEvent;
import org.tanglenode.node.events.Subscription;
import org.tanglenode.protocol.Tag;

/**
 * Server-sent events at {@code /api/v1/events} ({@code ?tag=} filters by tag). Each stream has a
 * bounded buffer in the {@link EventHub}; events are written on the connection's event loop only
 * while the socket takes them, and a subscriber that falls a whole buffer behind is dropped (a last
 * {@code dropped} event, then the stream ends).
 */
final class EventRoutes {

  private final EventHub hub;
  private final Endpoints endpoints;
  private final TokenCheck tokens;

  EventRoutes(EventHub hub, Endpoints endpoints, TokenCheck tokens) {
    this.hub = hub;
    this.endpoints = endpoints;
    this.tokens = tokens;
  }

  void mount(Router router) {
    router.get("/api/v1/events").handler(this::stream);
  }

  private void stream(RoutingContext ctx) {
    Optional<Tag> filter;
    try {
      tokens.check(Access.READ, ctx.request().getHeader("Authorization"));
      filter = Optional.ofNullable(ctx.request().getParam("tag")).map(EventRoutes::tag);
    } catch (RuntimeException e) {
      endpoints.fail(ctx, e);
      return;
    }
    HttpServerResponse response = ctx.response();
    Context context = ctx.vertx().getOrCreateContext();
    AtomicBoolean scheduled = new AtomicBoolean();
    AtomicReference<Subscription> holder = new AtomicReference<>();
    Runnable drain = () -> drain(response, holder.get(), scheduled);
    Optional<Subscription> subscription =
        hub.subscribe(
            filter,
            () -> {
              if (scheduled.compareAndSet(false, true)) {
                context.runOnContext(v -> drain.run());
              }
            });
    if (subscription.isEmpty()) {
      endpoints.sendError(
          ctx,
          ApiException.unavailable(
              "TOO_MANY_SUBSCRIBERS",
              "the node serves its maximum of event streams",
              endpoints.retryAfterSeconds()));
      return;
    }
    holder.set(subscription.get());
    response
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    response.closeHandler(v -> hub.unsubscribe(subscription.get()));
    response.drainHandler(v -> drain.run());
    response.write(": tangle events; types: transaction\n\n");
    drain.run();
  }

  /** On the connection's event loop: writes waiting events while the socket takes them. */
  private static void drain(
      HttpServerResponse response, Subscription subscription, AtomicBoolean scheduled) {
    scheduled.set(false);
    if (subscription == null || response.ended() || response.closed()) {
      return;
    }
    while (!response.writeQueueFull()) {
      NodeEvent event = subscription.poll();
      if (event == null) {
        break;
      }
      response.write(event.toSse());
    }
    if (subscription.closed() && subscription.buffered() == 0 || subscription.dropped()) {
      if (subscription.dropped()) {
        response.write("event: dropped\ndata: {\"reason\":\"too slow\"}\n\n");
      }
      response.end();
    }
  }

  private static Tag tag(String text) {
    try {
      return Tag.of(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("TAG_TOO_LONG", "a tag has 1 to 64 bytes of UTF-8");
    }
  }
}
