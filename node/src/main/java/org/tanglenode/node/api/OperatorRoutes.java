package org.tanglenode.node.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.node.config.ApiConfig;

/**
 * What operators and tools read: {@code /health}, {@code /health/ready}, {@code /metrics}, the
 * OpenAPI document and the dashboard's static files (read from the jar once, at start).
 */
final class OperatorRoutes {

  private static final Map<String, String> DASHBOARD =
      Map.of(
          "/", "dashboard/index.html",
          "/dashboard.js", "dashboard/dashboard.js",
          "/dashboard.css", "dashboard/dashboard.css");

  private static final String VERIFIER = "verify/verify.html";
  private static final String DOWNLOAD_NAME = "tangle-verifier.html";
  private static final Logger LOG = LoggerFactory.getLogger(OperatorRoutes.class);

  private final ApiServices node;
  private final ApiConfig config;
  private final Endpoints endpoints;
  private final Readiness readiness;

  OperatorRoutes(ApiServices node, ApiConfig config, Endpoints endpoints) {
    this.node = node;
    this.config = config;
    this.endpoints = endpoints;
    this.readiness = new Readiness(node.ready(), () -> node.gossip().syncStatus());
  }

  void mount(Router router) {
    router
        .get("/health")
        .handler(endpoints.quick(Access.OPEN, r -> Reply.ok(Map.of("status", "UP"))));
    router.get("/health/ready").handler(endpoints.quick(Access.OPEN, r -> ready()));
    node.metrics()
        .ifPresent(
            registry ->
                router
                    .get("/metrics")
                    .handler(
                        ctx ->
                            ctx.response()
                                .putHeader(
                                    "Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                                .end(registry.scrape())));
    serve(router, "/api/v1/openapi.json", "api/openapi.json", "application/json");
    if (config.dashboard()) {
      DASHBOARD.forEach((path, resource) -> serve(router, path, resource, contentType(resource)));
    }
    // The offline receipt verifier (docs/receipts.md section 9): open to all, as it holds no
    // data, only code that runs on the reader's device. A build with -DskipWebVerifier lacks it.
    if (OperatorRoutes.class.getClassLoader().getResource(VERIFIER) != null) {
      serve(router, "/verify", VERIFIER, "text/html; charset=utf-8");
      serve(router, "/verify-sw.js", "verify/verify-sw.js", "text/javascript; charset=utf-8");
      // The same page as one file to keep and pass on: its scripts and styles are inlined, so it
      // works opened from a file (docs/receipts.md section 9).
      serve(
          router,
          "/verify/" + DOWNLOAD_NAME,
          VERIFIER,
          "text/html; charset=utf-8",
          Map.of("Content-Disposition", "attachment; filename=\"" + DOWNLOAD_NAME + "\""));
    } else {
      LOG.warn(
          "no {} in this build: /verify (the offline receipt verifier) is not served", VERIFIER);
    }
  }

  private Reply ready() {
    return Reply.ok(readiness.check());
  }

  private static void serve(Router router, String path, String resource, String type) {
    serve(router, path, resource, type, Map.of());
  }

  private static void serve(
      Router router, String path, String resource, String type, Map<String, String> headers) {
    Buffer content = Buffer.buffer(read(resource));
    router
        .get(path)
        .handler(
            ctx -> {
              ctx.response().putHeader("Content-Type", type).putHeader("Cache-Control", "no-cache");
              headers.forEach(ctx.response()::putHeader);
              ctx.response().end(content);
            });
  }

  private static String contentType(String resource) {
    if (resource.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (resource.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    return "text/css; charset=utf-8";
  }

  private static byte[] read(String resource) {
    try (InputStream in = OperatorRoutes.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
