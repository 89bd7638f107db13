package org.tanglenode.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A real HTTP client against one node's API on loopback, for tests. */
public final class Http {

  /** One answer: status, headers, body as text and (when JSON) parsed. */
  public record Answer(int status, HttpResponse<String> response) {
    public String body() {
      return response.body();
    }

    public JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + response.body(), e);
      }
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + response.body();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public Http(InetSocketAddress address) {
    this.base = URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  public URI base() {
    return base;
  }

  public HttpClient client() {
    return client;
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  public Answer get(String path, String token) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + token)
            .GET());
  }

  public Answer post(String path, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  /** POSTs {@code body} as it is, declared {@code contentType}. */
  public Answer post(String path, byte[] body, String contentType, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  public Answer delete(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).DELETE();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
