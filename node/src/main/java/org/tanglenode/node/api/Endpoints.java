package org.tanglenode.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns plain functions into Vert.x handlers: checks the token on the event loop, copies the
 * request, runs the function where it belongs (on the bounded API worker pool when it touches
 * storage or works, on the event loop when it only reads memory), and writes the reply or the error
 * as JSON back on the event loop. A full worker queue is answered 503 BUSY with Retry-After.
 */
final class Endpoints {

  private static final Logger LOG = LoggerFactory.getLogger(Endpoints.class);

  private final ObjectMapper json;
  private final TokenCheck tokens;
  private final Executor workers;
  private final int retryAfterSeconds;
  private final Counter busy;

  Endpoints(
      ObjectMapper json, TokenCheck tokens, Executor workers, int retryAfterSeconds, Counter busy) {
    this.json = json;
    this.tokens = tokens;
    this.workers = workers;
    this.retryAfterSeconds = retryAfterSeconds;
    this.busy = busy;
  }

  ObjectMapper json() {
    return json;
  }

  int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** A handler that only reads memory: runs on the event loop. */
  Handler<RoutingContext> quick(Access access, Function<ApiRequest, Reply> work) {
    return ctx -> {
      try {
        tokens.check(access, ctx.request().getHeader("Authorization"));
        send(ctx, work.apply(request(ctx)));
      } catch (RuntimeException e) {
        fail(ctx, e);
      }
    };
  }

  /** A handler that reads storage or works: runs on the API worker pool. */
  Handler<RoutingContext> blocking(Access access, Function<ApiRequest, Reply> work) {
    return async(
        access,
        request -> {
          CompletableFuture<Reply> done = new CompletableFuture<>();
          try {
            workers.execute(
                () -> {
                  try {
                    done.complete(work.apply(request));
                  } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                  }
                });
          } catch (RejectedExecutionException e) {
            busy.increment();
            throw ApiException.unavailable(
                "BUSY", "the node has too many requests in progress", retryAfterSeconds);
          }
          return done;
        });
  }

  /**
   * A handler whose function returns at once (on the event loop) with a stage that completes later
   * on any thread; the reply is written back on the event loop.
   */
  Handler<RoutingContext> async(Access access, Function<ApiRequest, CompletionStage<Reply>> work) {
    return ctx -> {
      CompletionStage<Reply> stage;
      try {
        tokens.check(access, ctx.request().getHeader("Authorization"));
        stage = work.apply(request(ctx));
      } catch (RuntimeException e) {
        fail(ctx, e);
        return;
      }
      Context context = ctx.vertx().getOrCreateContext();
      stage.whenComplete(
          (reply, error) ->
              context.runOnContext(
                  v -> {
                    if (error != null) {
                      fail(ctx, error);
                    } else {
                      send(ctx, reply);
                    }
                  }));
    };
  }

  private static ApiRequest request(RoutingContext ctx) {
    Map<String, List<String>> query = new HashMap<>();
    ctx.queryParams()
        .forEach(e -> query.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    return new ApiRequest(
        ctx.pathParams(),
        query,
        body == null ? null : body.getBytes(),
        ctx.request().getHeader("Accept"),
        ctx.request().getHeader("Content-Type"));
  }

  void send(RoutingContext ctx, Reply reply) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    if (reply.body() instanceof Reply.FileBody file) {
      response.setStatusCode(reply.status());
      reply.headers().forEach(response::putHeader);
      response
          .putHeader("Content-Type", file.contentType())
          .sendFile(file.file().toString())
          .onComplete(
              sent -> {
                if (file.temporary()) {
                  try {
                    java.nio.file.Files.deleteIfExists(file.file());
                  } catch (java.io.IOException e) {
                    LOG.warn("cannot delete the sent file {}: {}", file.file(), e.toString());
                  }
                }
              });
      return;
    }
    byte[] body;
    String contentType = "application/json";
    try {
      if (reply.body() instanceof Reply.JsonBytes raw) {
        body = raw.bytes();
      } else if (reply.body() instanceof Reply.OctetBytes raw) {
        body = raw.bytes();
        contentType = "application/octet-stream";
      } else {
        body = json.writeValueAsBytes(reply.body());
      }
    } catch (JsonProcessingException e) {
      fail(ctx, e);
      return;
    }
    response.setStatusCode(reply.status());
    reply.headers().forEach(response::putHeader);
    response.putHeader("Content-Type", contentType).end(Buffer.buffer(body));
  }

  void fail(RoutingContext ctx, Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    ApiException api;
    if (cause instanceof ApiException e) {
      api = e;
    } else {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), cause);
      api =
          new ApiException(
              500, "INTERNAL", "the node failed to answer: " + cause.getClass().getSimpleName());
    }
    sendError(ctx, api);
  }

  void sendError(RoutingContext ctx, ApiException error) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error.code());
    body.put("message", error.getMessage());
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      bytes =
          "{\"error\":\"INTERNAL\",\"message\":\"\"}"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    response.setStatusCode(error.status());
    error.headers().forEach(response::putHeader);
    response.putHeader("Content-Type", "application/json").end(Buffer.buffer(bytes));
  }
}
