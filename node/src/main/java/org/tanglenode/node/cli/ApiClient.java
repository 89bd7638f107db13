package org.tanglenode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.tanglenode.protocol.trust.TrustFile;

/**
 * A small client of the node's REST API for the CLI: JSON in and out; an error answer becomes a
 * {@link CommandFailedException} with the node's code and message, a node that does not answer a
 * {@link NodeUnreachableException}.
 */
final class ApiClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** The largest body {@link #getBytes} accepts. */
  static final int MAX_FILE_BYTES = TrustFile.MAX_FILE_BYTES;

  private final URI base;
  private final String token;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ApiClient(URI base, String token) {
    this.base = base;
    this.token = token == null || token.isBlank() ? null : token;
  }

  ObjectMapper json() {
    return json;
  }

  JsonNode get(String path) {
    return send(request(path).GET());
  }

  /**
   * The body of a GET exactly as the node sent it (after checking the status), at most {@value
   * #MAX_FILE_BYTES} bytes: the largest file a node serves whole (a trust file), so a wrong or
   * hostile answer cannot fill the memory.
   */
  byte[] getBytes(String path) {
    HttpResponse<InputStream> response =
        exchange(request(path).GET(), HttpResponse.BodyHandlers.ofInputStream());
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      throw new NodeUnreachableException("the node at " + base + " broke off its answer: " + e, e);
    }
    if (response.statusCode() >= 400) {
      throw failure(response.statusCode(), new String(body, StandardCharsets.UTF_8));
    }
    if (body.length > MAX_FILE_BYTES) {
      throw new CommandFailedException(
          path + ": the node sent more than " + MAX_FILE_BYTES + " bytes; refused");
    }
    return body;
  }

  /**
   * Streams the body of a GET into {@code out} (through {@code out.part}, moved into place once
   * complete) and returns the answer's headers; an error answer leaves no file.
   */
  HttpHeaders download(String path, Path out, Duration timeout) {
    Path part = out.resolveSibling(out.getFileName() + ".part");
    HttpResponse<Path> response =
        exchange(request(path).timeout(timeout).GET(), HttpResponse.BodyHandlers.ofFile(part));
    try {
      if (response.statusCode() >= 400) {
        String body = Files.readString(part, StandardCharsets.UTF_8);
        Files.deleteIfExists(part);
        throw failure(response.statusCode(), body);
      }
      Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new CommandFailedException("cannot write " + out + ": " + e, e);
    }
    return response.headers();
  }

  JsonNode post(String path, Object body) {
    try {
      byte[] bytes = json.writeValueAsBytes(body);
      return send(
          request(path)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    } catch (IOException e) {
      throw new CommandFailedException("cannot encode the request: " + e.getMessage(), e);
    }
  }

  JsonNode delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private JsonNode send(HttpRequest.Builder request) {
    HttpResponse<String> response =
        exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode body;
    try {
      body = json.readTree(response.body());
    } catch (IOException e) {
      throw new CommandFailedException(
          "the node answered " + response.statusCode() + " with a body that is not JSON", e);
    }
    if (response.statusCode() >= 400) {
      String code = body.path("error").asText("HTTP_" + response.statusCode());
      throw new CommandFailedException(code + ": " + body.path("message").asText(""));
    }
    return body;
  }

  private CommandFailedException failure(int status, String body) {
    try {
      JsonNode error = json.readTree(body);
      return new CommandFailedException(
          error.path("error").asText("HTTP_" + status) + ": " + error.path("message").asText(""));
    } catch (IOException e) {
      return new CommandFailedException("the node answered " + status);
    }
  }

  private <T> HttpResponse<T> exchange(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request.build(), handler);
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new NodeUnreachableException("no node answers at " + base + " (is it running?)", e);
    } catch (HttpTimeoutException e) {
      throw new NodeUnreachableException("the node at " + base + " did not answer in time", e);
    } catch (IOException e) {
      throw new NodeUnreachableException("cannot reach the node at " + base + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException("interrupted", e);
    }
  }
}
