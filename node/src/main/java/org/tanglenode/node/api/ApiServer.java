package org.tanglenode.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.node.config.ApiConfig;

/**
 * The HTTP server: REST API under {@code /api/v1/}, server-sent events, {@code /metrics}, {@code
 * /health} and the dashboard, on Vert.x Web (docs/api.md says why). Handlers never block an event
 * loop: storage reads and issuing run on a bounded worker pool ({@code api.workerThreads}, {@code
 * api.workerQueue}).
 *
 * <pre>
 *   NEW --start()--> RUNNING --close()--> CLOSED   (close() is idempotent)
 * </pre>
 */
public final class ApiServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  private final ApiConfig config;
  private final ApiServices node;
  private final ObjectMapper json;
  private final MeterRegistry meters;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final ArrayBlockingQueue<Runnable> queue;
  private Vertx vertx;
  private HttpServer server;
  private ThreadPoolExecutor workers;

  /** Assigns only; {@link #start()} binds. */
  public ApiServer(ApiConfig config, ApiServices node, ObjectMapper json, MeterRegistry meters) {
    this.config = config;
    this.node = node;
    this.json = json;
    this.meters = meters;
    this.queue = new ArrayBlockingQueue<>(config.workerQueue());
  }

  /**
   * Starts the worker pool and binds the HTTP server.
   *
   * @throws ApiStartException if the address cannot be bound
   */
  public void start() {
    if (!state.compareAndSet(State.NEW, State.RUNNING)) {
      throw new IllegalStateException("the API server was started before or is closed");
    }
    AtomicInteger number = new AtomicInteger();
    workers =
        new ThreadPoolExecutor(
            config.workerThreads(),
            config.workerThreads(),
            0,
            TimeUnit.SECONDS,
            queue,
            r -> {
              Thread t = new Thread(r, "api-worker-" + number.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    Gauge.builder("tangle.api.worker.queue.depth", queue, ArrayBlockingQueue::size)
        .description("API requests waiting for a worker")
        .register(meters);
    Counter busy =
        Counter.builder("tangle.api.worker.queue.rejected")
            .description("API requests answered 503 BUSY because the worker queue was full")
            .register(meters);
    // Two event loops are plenty for an office server; Vert.x's own worker pool (unbounded queue)
    // is not used, and its file system (and cache folder) is not needed: files come from the jar.
    vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(2)
                .setWorkerPoolSize(1)
                .setFileSystemOptions(
                    new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
    TokenCheck tokens = new TokenCheck(config);
    Endpoints endpoints = new Endpoints(json, tokens, workers, config.retryAfterSeconds(), busy);
    Router router = Router.router(vertx);
    router
        .route("/api/v1/*")
        .handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()));
    new TransactionRoutes(node, config, endpoints).mount(router);
    new RecordRoutes(node, config, endpoints).mount(router);
    NodeRoutes nodeRoutes = new NodeRoutes(node, config, endpoints);
    nodeRoutes.mount(router);
    // Rates are differences between samples; taking one every second makes the first
    // /api/v1/info after a quiet spell (a one-off `tangle info`) show the real rates, not zero.
    vertx.setPeriodic(1_000, timer -> nodeRoutes.sampleRates());
    new AuditRoutes(node, config, endpoints).mount(router);
    new PeerRoutes(node, endpoints).mount(router);
    new EventRoutes(node.events(), endpoints, tokens).mount(router);
    new OperatorRoutes(node, config, endpoints).mount(router);
    new ReceiptRoutes(node, endpoints).mount(router);
    new SnapshotRoutes(node, endpoints).mount(router);
    errors(router, endpoints);
    try {
      server =
          vertx
              .createHttpServer(
                  new HttpServerOptions()
                      .setHost(config.bindHost())
                      .setPort(config.port())
                      .setMaxInitialLineLength(8192)
                      .setMaxHeaderSize(16384))
              .requestHandler(router)
              .listen()
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      close();
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new ApiStartException(
          "cannot listen on " + config.bindHost() + ":" + config.port() + ": " + cause.getMessage(),
          cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new ApiStartException("interrupted while binding the API", e);
    }
    LOG.info("API listening on http://{}:{}/", config.bindHost(), server.actualPort());
  }

  private static void errors(Router router, Endpoints endpoints) {
    router.errorHandler(
        404,
        ctx ->
            endpoints.sendError(
                ctx, ApiException.notFound("no such endpoint: " + ctx.request().path())));
    router.errorHandler(
        405,
        ctx ->
            endpoints.sendError(
                ctx,
                new ApiException(
                    405,
                    "METHOD_NOT_ALLOWED",
                    ctx.request().method() + " is not allowed on " + ctx.request().path())));
    router.errorHandler(
        413,
        ctx ->
            endpoints.sendError(
                ctx, new ApiException(413, "BODY_TOO_LARGE", "the request body is too large")));
    router.errorHandler(400, ctx -> endpoints.sendError(ctx, badRequest(ctx)));
    router.errorHandler(500, ctx -> endpoints.fail(ctx, failure(ctx)));
  }

  private static ApiException badRequest(RoutingContext ctx) {
    return ApiException.badRequest(
        "BAD_REQUEST", ctx.failure() == null ? "bad request" : ctx.failure().getMessage());
  }

  private static Throwable failure(RoutingContext ctx) {
    return ctx.failure() == null ? new IllegalStateException("unknown failure") : ctx.failure();
  }

  /** Where the server listens (the real port when configured with 0). */
  public InetSocketAddress localAddress() {
    if (state.get() != State.RUNNING || server == null) {
      throw new IllegalStateException("the API server is not running");
    }
    return new InetSocketAddress(config.bindHost(), server.actualPort());
  }

  /** Stops accepting connections, ends the streams, stops the workers. Idempotent. */
  @Override
  public void close() {
    State previous = state.getAndSet(State.CLOSED);
    if (previous != State.RUNNING) {
      return;
    }
    if (vertx != null) {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        LOG.warn("closing the HTTP server failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (workers != null) {
      workers.shutdown();
      try {
        if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
          workers.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        workers.shutdownNow();
      }
    }
  }
}
