package org.tanglenode.node.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.protocol.sensor.SensorReading;
import org.tanglenode.storage.gateway.Leaf;
import org.tanglenode.storage.gateway.StoreFullException;

/**
 * The gateway's HTTP listener (Vert.x Web, as the node's API):
 *
 * <ul>
 *   <li>{@code POST /readings}: one reading object or a list, each in its canonical form; 202 once
 *       all are durable, with each reading's id (its leaf hash); a bad body is refused whole with a
 *       400 and a typed error, nothing of it stored. Limits: {@code http.maxBodyBytes} (413),
 *       {@code http.maxReadingsPerRequest} (400), {@code http.maxReadingsPerSecond} (429), a full
 *       writer queue or worker pool (503, Retry-After).
 *   <li>{@code GET /readings/{id}/receipt}: the reading receipt file once the batch is confirmed;
 *       404 {@code UNKNOWN_READING}, 409 {@code NOT_BATCHED} / {@code NOT_CONFIRMED} before.
 *   <li>{@code GET /health}: counts of stored, batched and confirmed readings.
 * </ul>
 *
 * Decoding, signature checks and receipts run on a bounded worker pool, never on an event loop.
 */
final class GatewayHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayHttpServer.class);
  private static final int WORKERS = 2;
  private static final int WORKER_QUEUE = 256;

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  private final GatewayConfig.Http config;
  private final ReadingIntake intake;
  private final ReceiptService receipts;
  private final Supplier<Map<String, Object>> health;
  private final ObjectMapper json;
  private final RateLimit rate;
  private final Counter busy;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private Vertx vertx;
  private HttpServer server;
  private ThreadPoolExecutor workers;

  GatewayHttpServer(
      GatewayConfig.Http config,
      ReadingIntake intake,
      ReceiptService receipts,
      Supplier<Map<String, Object>> health,
      ObjectMapper json,
      MeterRegistry meters) {
    this.config = config;
    this.intake = intake;
    this.receipts = receipts;
    this.health = health;
    this.json = json;
    this.rate = new RateLimit(config.maxReadingsPerSecond(), System.nanoTime());
    this.busy =
        Counter.builder("tangle.gateway.http.busy")
            .description("Requests answered 503 because a queue was full")
            .register(meters);
  }

  void start() {
    if (!state.compareAndSet(State.NEW, State.RUNNING)) {
      throw new IllegalStateException("the gateway's HTTP server was started before or is closed");
    }
    AtomicInteger number = new AtomicInteger();
    workers =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WORKER_QUEUE),
            r -> {
              Thread t = new Thread(r, "gateway-http-" + number.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setFileSystemOptions(
                    new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
    Router router = Router.router(vertx);
    router.post("/readings").handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()));
    router.post("/readings").handler(this::postReadings);
    router.get("/readings/:id/receipt").handler(this::getReceipt);
    router.get("/health").handler(ctx -> send(ctx, 200, health.get()));
    router.errorHandler(
        413,
        ctx -> error(ctx, 413, "BODY_TOO_LARGE", "at most " + config.maxBodyBytes() + " bytes"));
    router.errorHandler(
        404, ctx -> error(ctx, 404, "NOT_FOUND", "no such endpoint: " + ctx.request().path()));
    router.errorHandler(
        405, ctx -> error(ctx, 405, "METHOD_NOT_ALLOWED", ctx.request().method() + " not allowed"));
    router.errorHandler(
        500,
        ctx -> {
          LOG.error("HTTP request failed", ctx.failure());
          error(ctx, 500, "INTERNAL", "the gateway failed; see its log");
        });
    try {
      server =
          vertx
              .createHttpServer(
                  new HttpServerOptions().setHost(config.bindHost()).setPort(config.port()))
              .requestHandler(router)
              .listen()
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      close();
      throw new GatewayStartException(
          "cannot listen on " + config.bindHost() + ":" + config.port() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new GatewayStartException("interrupted while binding", e);
    }
  }

  InetSocketAddress localAddress() {
    return new InetSocketAddress(config.bindHost(), server.actualPort());
  }

  private void postReadings(RoutingContext ctx) {
    if (config.token().isPresent() && !authorised(ctx)) {
      error(ctx, 401, "UNAUTHORIZED", "POST /readings needs Authorization: Bearer TOKEN");
      return;
    }
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    Context context = vertx.getOrCreateContext();
    onWorker(
        ctx,
        () -> {
          List<SensorReading> readings;
          try {
            readings = intake.decodeBody(body, config.maxReadingsPerRequest());
          } catch (ReadingRefused e) {
            Map<String, Object> answer = errorBody(e.code().name(), e.getMessage());
            if (e.index() >= 0) {
              answer.put("index", e.index());
            }
            context.runOnContext(v -> send(ctx, 400, answer));
            return;
          }
          if (!rate.take(readings.size(), System.nanoTime())) {
            context.runOnContext(
                v ->
                    retryLater(
                        ctx,
                        429,
                        "RATE_LIMITED",
                        "more than " + config.maxReadingsPerSecond() + " readings per second"));
            return;
          }
          try {
            intake
                .store(readings, false)
                .whenComplete(
                    (taken, failure) ->
                        context.runOnContext(
                            v -> {
                              if (failure != null) {
                                LOG.error("Could not store readings", failure);
                                error(
                                    ctx,
                                    503,
                                    "STORE_FAILED",
                                    "not stored: " + failure.getMessage());
                                return;
                              }
                              List<String> ids = new ArrayList<>(taken.size());
                              int duplicates = 0;
                              for (ReadingIntake.Taken t : taken) {
                                ids.add(t.leaf().toHex());
                                duplicates += t.appended().duplicate() ? 1 : 0;
                              }
                              Map<String, Object> answer = new LinkedHashMap<>();
                              answer.put("stored", taken.size() - duplicates);
                              answer.put("duplicates", duplicates);
                              answer.put("ids", ids);
                              send(ctx, 202, answer);
                            }));
          } catch (StoreFullException e) {
            busy.increment();
            context.runOnContext(v -> retryLater(ctx, 503, "BUSY", e.getMessage()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  private void getReceipt(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Leaf leaf;
    try {
      leaf = new Leaf(HexFormat.of().parseHex(id));
    } catch (IllegalArgumentException e) {
      error(ctx, 400, "BAD_ID", "a reading id is its leaf hash: 64 hex digits");
      return;
    }
    Context context = vertx.getOrCreateContext();
    onWorker(
        ctx,
        () -> {
          ReceiptOutcome outcome = receipts.receipt(leaf);
          context.runOnContext(
              v -> {
                switch (outcome.code()) {
                  case READY ->
                      ctx.response()
                          .setStatusCode(200)
                          .putHeader("Content-Type", "application/json")
                          .end(Buffer.buffer(((ReceiptOutcome.Ready) outcome).file()));
                  case UNKNOWN_READING -> error(ctx, 404, outcome.code().name(), message(outcome));
                  case NOT_BATCHED, NOT_CONFIRMED ->
                      error(ctx, 409, outcome.code().name(), message(outcome));
                  case NODE_UNREACHABLE -> error(ctx, 503, outcome.code().name(), message(outcome));
                }
              });
        });
  }

  private static String message(ReceiptOutcome outcome) {
    return ((ReceiptOutcome.Missing) outcome).message();
  }

  private void onWorker(RoutingContext ctx, Runnable work) {
    Context context = vertx.getOrCreateContext();
    try {
      workers.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              LOG.error("HTTP request failed", e);
              context.runOnContext(v -> error(ctx, 500, "INTERNAL", "the gateway failed"));
            }
          });
    } catch (RejectedExecutionException e) {
      busy.increment();
      retryLater(ctx, 503, "BUSY", "the gateway is busy; try again");
    }
  }

  private boolean authorised(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String expected = "Bearer " + config.token().orElseThrow();
    return header != null
        && MessageDigest.isEqual(
            header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> errorBody(String code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    return body;
  }

  private void retryLater(RoutingContext ctx, int status, String code, String message) {
    ctx.response().putHeader("Retry-After", "1");
    error(ctx, status, code, message);
  }

  private void error(RoutingContext ctx, int status, String code, String message) {
    send(ctx, status, errorBody(code, message));
  }

  private void send(RoutingContext ctx, int status, Object body) {
    if (ctx.response().ended()) {
      return;
    }
    try {
      ctx.response()
          .setStatusCode(status)
          .putHeader("Content-Type", "application/json")
          .end(Buffer.buffer(json.writeValueAsBytes(body)));
    } catch (java.io.IOException e) {
      ctx.response().setStatusCode(500).end();
    }
  }

  @Override
  public void close() {
    if (state.getAndSet(State.CLOSED) != State.RUNNING) {
      return;
    }
    try {
      if (vertx != null) {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("closing the gateway's HTTP server", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (workers != null) {
      workers.shutdownNow();
    }
  }
}
