package org.tanglenode.node.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's client of the node's REST API ({@code /api/v1/}): JSON in and out, the node's
 * receipt files as bytes. Errors become {@link NodeApiException}s with the node's code.
 */
final class NodeApi {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The largest answer read: a receipt file ({@code ReceiptFile.MAX_BYTES}). */
  static final int MAX_BODY_BYTES = 1 << 20;

  private final URI base;
  private final Optional<String> token;
  private final ObjectMapper json;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  NodeApi(URI base, Optional<String> token, ObjectMapper json) {
    this.base = base;
    this.token = token;
    this.json = json;
  }

  URI base() {
    return base;
  }

  JsonNode get(String path) {
    return parse(exchange(request(path).GET()));
  }

  byte[] getBytes(String path) {
    Answer answer = exchange(request(path).GET());
    if (answer.status() >= 400) {
      throw failure(answer);
    }
    return answer.body();
  }

  JsonNode post(String path, Map<String, ?> body) {
    try {
      return parse(
          exchange(
              request(path)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a request", e);
    }
  }

  /** Sends a finished transaction; returns the node's status: {@code stored} or {@code known}. */
  String submit(byte[] transaction) {
    return post("/api/v1/transactions", Map.of("hex", HexFormat.of().formatHex(transaction)))
        .path("status")
        .asText();
  }

  private record Answer(int status, byte[] body) {}

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    return b;
  }

  private Answer exchange(HttpRequest.Builder request) {
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
          throw new NodeApiException(
              502,
              "ANSWER_TOO_LARGE",
              "the node sent more than " + MAX_BODY_BYTES + " bytes",
              null);
        }
        return new Answer(response.statusCode(), body);
      }
    } catch (IOException e) {
      throw new NodeApiException(0, "UNREACHABLE", "the node at " + base + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeApiException(0, "UNREACHABLE", "interrupted", e);
    }
  }

  private JsonNode parse(Answer answer) {
    if (answer.status() >= 400) {
      throw failure(answer);
    }
    try {
      return json.readTree(answer.body());
    } catch (IOException e) {
      throw new NodeApiException(
          502, "NOT_JSON", "the node answered " + answer.status() + " with a body not JSON", e);
    }
  }

  private NodeApiException failure(Answer answer) {
    String code = "HTTP_" + answer.status();
    String message = "";
    try {
      JsonNode error = json.readTree(answer.body());
      code = error.path("error").asText(code);
      message = error.path("message").asText("");
    } catch (IOException e) {
      message = new String(answer.body(), StandardCharsets.UTF_8);
    }
    return new NodeApiException(answer.status(), code, message, null);
  }
}
