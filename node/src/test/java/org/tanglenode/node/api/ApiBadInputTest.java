package org.tanglenode.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanglenode.node.TestNodes.ADMIN_TOKEN;
import static org.tanglenode.node.TestNodes.WRITE_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.node.Http;
import org.tanglenode.node.Node;
import org.tanglenode.node.TestNodes;

/**
 * Hostile input on every path and method the OpenAPI document lists: bad path segments, bad query
 * values, malformed and oversized bodies, wrong types, unknown fields, missing, wrong and malformed
 * tokens, oversized headers. Every answer must be a 4xx (or a status the document lists for that
 * operation) with the documented JSON error body and no stack trace, and an honest client reading
 * at the same time is served throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiBadInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 65_536;

  /** Values a path segment or a query parameter should never accept. */
  private static final List<String> BAD_VALUES =
      List.of(
          "zz",
          "-1",
          "0x10",
          "99999999999999999999999",
          "ab".repeat(31),
          "ab".repeat(33),
          "%00",
          "%FF%FE",
          "..%2F..%2Fetc%2Fpasswd",
          "%27%20OR%201%3D1",
          "x".repeat(4_000),
          "%20");

  /** Bodies that are not what any POST endpoint takes. */
  private static final List<String> BAD_BODIES =
      List.of(
          "",
          "{",
          "[]",
          "null",
          "42",
          "\"text\"",
          "{\"hex\": 5}",
          "{\"hex\": \"zz\"}",
          "{\"hex\": \"\"}",
          "{\"hex\": \"ab\", \"unknown\": true}",
          "{\"unknown\": 1}",
          "{\"data\": {\"nested\": [1, 2, 3]}, \"tag\": 7}",
          "{\"address\": 12}",
          "{\"documentSha256\": \"not-hex\"}",
          "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");

  private Node node;
  private Http http;
  private HttpClient client;
  private JsonNode openApi;
  private final List<String> failures = new ArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeAll
  void start(@TempDir Path dir) {
    node = new TestNodes(dir, 8).start("bad-input", List.of(), "");
    http = new Http(node.apiAddress().orElseThrow());
    // HTTP/1.1 as most clients of a node speak it; no h2c upgrade in the way of the checks.
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    openApi = http.get("/api/v1/openapi.json").json();
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void everyOperationAnswersHostileInputWithItsDocumentedError() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger honestReads = new AtomicInteger();
    AtomicReference<String> honestFailure = new AtomicReference<>();
    Thread honest =
        new Thread(
            () -> {
              Http own = new Http(node.apiAddress().orElseThrow());
              while (running.get()) {
                Http.Answer info = own.get("/api/v1/info");
                if (info.status() != 200 || !info.json().has("networkId")) {
                  honestFailure.compareAndSet(null, info.toString());
                }
                honestReads.incrementAndGet();
              }
            },
            "honest-reader");
    honest.start();
    try {
      Map<String, Operation> operations = operations();
      for (Operation operation : operations.values()) {
        if (operation.path().endsWith("/events")) {
          continue; // a stream; EventsAndMetricsTest checks its refusals
        }
        badPathSegments(operation);
        badQueryValues(operation);
        badBodies(operation);
        badTokens(operation);
      }
      oversizedHeaderAndBody();
    } finally {
      running.set(false);
      honest.join(10_000);
    }

    assertThat(failures).as("answers that are not the documented error").isEmpty();
    assertThat(requests.get()).as("hostile requests sent").isGreaterThan(600);
    assertThat(honestFailure.get()).as("the honest reader was served").isNull();
    assertThat(honestReads.get()).isPositive();
    System.out.printf(
        "bad input: %d operations, %d hostile requests, all answered with a documented error;"
            + " %d honest reads served meanwhile%n",
        operationsCount(), requests.get(), honestReads.get());
  }

  private int operationsCount() {
    try {
      return operations().size();
    } catch (Exception e) {
      return -1;
    }
  }

  private void badPathSegments(Operation operation) {
    if (!operation.path().contains("{")) {
      return;
    }
    for (String bad : BAD_VALUES) {
      String path = operation.path().replaceAll("\\{[^}]+}", bad);
      check(
          operation,
          "path " + abbreviate(bad),
          request(operation, path, body(operation), ADMIN_TOKEN));
    }
  }

  private void badQueryValues(Operation operation) {
    for (String parameter : operation.queryParameters()) {
      for (String bad : BAD_VALUES) {
        String path = validPath(operation) + "?" + parameter + "=" + bad;
        check(
            operation,
            "query " + parameter + "=" + abbreviate(bad),
            request(operation, path, body(operation), ADMIN_TOKEN));
      }
      String twice = validPath(operation) + "?" + parameter + "=1&" + parameter + "=2";
      check(
          operation,
          "query " + parameter + " twice",
          request(operation, twice, body(operation), ADMIN_TOKEN));
    }
  }

  private void badBodies(Operation operation) {
    if (!operation.method().equals("POST")) {
      return;
    }
    for (String body : BAD_BODIES) {
      check(
          operation,
          "body " + abbreviate(body),
          request(operation, validPath(operation), body, ADMIN_TOKEN));
    }
    HttpRequest.Builder wrongType =
        HttpRequest.newBuilder(uri(validPath(operation)))
            .header("Content-Type", "text/plain")
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString("hello"));
    check(operation, "text/plain body", send(wrongType));
    byte[] notUtf8 = {'{', '"', 'h', 'e', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    HttpRequest.Builder invalidUtf8 =
        HttpRequest.newBuilder(uri(validPath(operation)))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofByteArray(notUtf8));
    check(operation, "invalid UTF-8 body", send(invalidUtf8));
  }

  private void badTokens(Operation operation) {
    String path = validPath(operation);
    for (String authorization :
        List.of(
            "Bearer wrong-token",
            "Bearer " + WRITE_TOKEN + "x",
            "Basic YWRtaW46YWRtaW4=",
            "Bearer",
            "Bearer " + "t".repeat(2_000),
            "bearer " + ADMIN_TOKEN.toUpperCase(java.util.Locale.ROOT))) {
      HttpRequest.Builder request = builder(operation, path, body(operation));
      request.header("Authorization", authorization);
      HttpResponse<String> answer = send(request);
      check(operation, "Authorization: " + abbreviate(authorization), answer);
    }
    HttpResponse<String> none = send(builder(operation, path, body(operation)));
    check(operation, "no token", none);
  }

  private void oversizedHeaderAndBody() {
    Operation submit =
        new Operation(
            "POST",
            "/api/v1/transactions",
            Set.of("201", "200", "400", "401", "403", "413", "503"),
            List.of());
    String big = "{\"hex\":\"" + "ab".repeat(MAX_BODY_BYTES) + "\"}";
    HttpResponse<String> tooLarge = request(submit, submit.path(), big, WRITE_TOKEN);
    check(submit, "body of " + big.length() + " bytes", tooLarge);
    assertThat(tooLarge.statusCode()).isEqualTo(413);

    Operation info = new Operation("GET", "/api/v1/info", Set.of("200", "401", "403"), List.of());
    HttpRequest.Builder hugeHeader =
        HttpRequest.newBuilder(uri("/api/v1/info"))
            .header("X-Padding", "p".repeat(64 * 1024))
            .GET();
    HttpResponse<String> answer = send(hugeHeader);
    requests.incrementAndGet();
    if (answer.statusCode() != 431 && answer.statusCode() != 400) {
      failures.add("GET /api/v1/info with a 64 KiB header: " + answer.statusCode());
    }
    noStackTrace(info, "64 KiB header", answer);
  }

  // ---- judging an answer ----------------------------------------------------------------------

  private void check(Operation operation, String what, HttpResponse<String> answer) {
    requests.incrementAndGet();
    int status = answer.statusCode();
    String where = operation.method() + " " + operation.path() + " [" + what + "]";
    if (status >= 500 && !operation.documented(status)) {
      failures.add(where + ": " + status + " " + abbreviate(answer.body()));
      return;
    }
    noStackTrace(operation, what, answer);
    if (status >= 400) {
      errorBody(where, answer);
    }
  }

  /** The documented error: JSON with exactly {@code error} (a code) and {@code message}. */
  private void errorBody(String where, HttpResponse<String> answer) {
    String type = answer.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/json")) {
      failures.add(where + ": " + answer.statusCode() + " with Content-Type " + type);
      return;
    }
    try {
      JsonNode body = JSON.readTree(answer.body());
      boolean shaped =
          body.size() == 2
              && body.path("error").asText().matches("[A-Z_]+")
              && !body.path("message").asText().isBlank();
      if (!shaped) {
        failures.add(where + ": " + answer.statusCode() + " body " + abbreviate(answer.body()));
      }
    } catch (IOException e) {
      failures.add(
          where + ": " + answer.statusCode() + " body is not JSON: " + abbreviate(answer.body()));
    }
  }

  private void noStackTrace(Operation operation, String what, HttpResponse<String> answer) {
    String body = answer.body();
    if (body.contains("Exception") || body.contains("\tat ") || body.contains("at org.")) {
      failures.add(
          operation.method()
              + " "
              + operation.path()
              + " ["
              + what
              + "]: a stack trace in "
              + abbreviate(body));
    }
  }

  // ---- requests -------------------------------------------------------------------------------

  private HttpResponse<String> request(
      Operation operation, String path, String body, String token) {
    HttpRequest.Builder request = builder(operation, path, body);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  private HttpRequest.Builder builder(Operation operation, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    return switch (operation.method()) {
      case "GET" -> request.GET();
      case "DELETE" -> request.DELETE();
      case "POST" ->
          request
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body));
      default -> throw new AssertionError(operation.method());
    };
  }

  private URI uri(String path) {
    // Characters a client may send raw in a path that java.net.URI would refuse are percent
    // encoded by the BAD_VALUES themselves; anything else goes through unchanged.
    return http.base().resolve(path.replace(" ", "%20").replace("'", "%27"));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(
          request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String body(Operation operation) {
    return operation.method().equals("POST") ? "{}" : "";
  }

  private static String validPath(Operation operation) {
    return operation
        .path()
        .replace("{id}", "ab".repeat(32))
        .replace("{tag}", "t")
        .replace("{index}", "1")
        .replace("{address}", "127.0.0.1:1");
  }

  private static String abbreviate(String text) {
    String flat = text.replace('\n', ' ');
    return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
  }

  // ---- the OpenAPI document -------------------------------------------------------------------

  /** One path and method of the OpenAPI document, with its documented statuses. */
  private record Operation(
      String method, String path, Set<String> statuses, List<String> queryParameters) {
    boolean documented(int status) {
      return statuses.contains(String.valueOf(status));
    }
  }

  private Map<String, Operation> operations() {
    Map<String, Operation> operations = new LinkedHashMap<>();
    JsonNode paths = openApi.path("paths");
    Iterator<String> templates = paths.fieldNames();
    while (templates.hasNext()) {
      String template = templates.next();
      JsonNode item = paths.path(template);
      Iterator<String> methods = item.fieldNames();
      while (methods.hasNext()) {
        String method = methods.next();
        if (method.equals("parameters")) {
          continue;
        }
        JsonNode op = item.path(method);
        Set<String> statuses = new LinkedHashSet<>();
        op.path("responses").fieldNames().forEachRemaining(statuses::add);
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : op.path("parameters")) {
          JsonNode resolved = resolve(parameter);
          if ("query".equals(resolved.path("in").asText())) {
            query.add(resolved.path("name").asText());
          }
        }
        String upper = method.toUpperCase(java.util.Locale.ROOT);
        operations.put(upper + " " + template, new Operation(upper, template, statuses, query));
      }
    }
    return operations;
  }

  private JsonNode resolve(JsonNode parameter) {
    String ref = parameter.path("$ref").asText();
    if (ref.isEmpty()) {
      return parameter;
    }
    JsonNode target = openApi;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part);
    }
    return target;
  }
}
