package org.tanglenode.node.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium showing one page, driven over the DevTools protocol (JSON on a WebSocket, with
 * the JDK's own client): evaluate JavaScript in the page and take screenshots. Needs the {@code
 * chromium} binary (Debian package {@code chromium}); fails with a clear message without it.
 */
public final class HeadlessChromium implements AutoCloseable {

  public static final Path BINARY =
      Path.of(System.getProperty("tangle.chromium", "/usr/bin/chromium"));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DEVTOOLS =
      Pattern.compile("DevTools listening on ws://[^:]+:(\\d+)/");

  private final Process process;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> pending;
  private final AtomicInteger ids = new AtomicInteger();

  private HeadlessChromium(
      Process process, WebSocket socket, Map<Integer, CompletableFuture<JsonNode>> pending) {
    this.process = process;
    this.socket = socket;
    this.pending = pending;
  }

  /** Starts Chromium on {@code url} with a fresh profile under {@code dir}. */
  public static HeadlessChromium open(URI url, Path dir) throws IOException, InterruptedException {
    requireBinary();
    Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
    Process process =
        new ProcessBuilder(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
                "--window-size=1280,1400",
                url.toString())
            .redirectOutput(dir.resolve("chromium-stdout.txt").toFile())
            .start();
    try {
      int port = devToolsPort(process);
      HttpClient client = HttpClient.newHttpClient();
      String pageSocket = pageWebSocket(client, port, url);
      Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
      WebSocket socket =
          client
              .newWebSocketBuilder()
              .buildAsync(URI.create(pageSocket), new Replies(pending))
              .get(10, TimeUnit.SECONDS);
      return new HeadlessChromium(process, socket, pending);
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      process.destroyForcibly();
      throw e;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      process.destroyForcibly();
      throw new AssertionError("could not connect to Chromium's DevTools", e);
    }
  }

  /** Fails (never skips) with how to get Chromium when it is missing. */
  public static void requireBinary() {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError(
          "Chromium not found at "
              + BINARY
              + ": install the Debian package `chromium` (.ci/run does) or set -Dtangle.chromium");
    }
  }

  private static int devToolsPort(Process process) throws IOException {
    BufferedReader err =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = err.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = DEVTOOLS.matcher(line);
      if (m.find()) {
        int port = Integer.parseInt(m.group(1));
        Thread drain =
            new Thread(
                () -> {
                  try {
                    err.transferTo(java.io.Writer.nullWriter());
                  } catch (IOException e) {
                    // Chromium went away; nothing left to drain.
                  }
                },
                "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return port;
      }
    }
    throw new AssertionError("Chromium exited before opening DevTools:\n" + seen);
  }

  private static String pageWebSocket(HttpClient client, int port, URI url)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      HttpResponse<String> list =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
              HttpResponse.BodyHandlers.ofString());
      for (JsonNode target : JSON.readTree(list.body())) {
        if ("page".equals(target.path("type").asText())
            && target.path("url").asText().startsWith(url.toString())) {
          return target.path("webSocketDebuggerUrl").asText();
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no page for " + url + " in " + list.body());
      }
      Thread.sleep(200);
    }
  }

  /** Evaluates {@code expression} in the page and returns its value as JSON. */
  public JsonNode evaluate(String expression) {
    ObjectNode params = JSON.createObjectNode();
    params.put("expression", expression);
    params.put("returnByValue", true);
    JsonNode result = call("Runtime.evaluate", params);
    if (result.has("exceptionDetails")) {
      throw new AssertionError("page threw: " + result.path("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Writes a PNG of the page as it is now. */
  public void screenshot(Path file) throws IOException {
    ObjectNode params = JSON.createObjectNode();
    params.put("format", "png");
    params.put("captureBeyondViewport", true);
    String data = call("Page.captureScreenshot", params).path("data").asText();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(data));
  }

  /** Sends one DevTools protocol command and returns its result. */
  public JsonNode call(String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", params);
    try {
      socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
      JsonNode answer = reply.get(30, TimeUnit.SECONDS);
      if (answer.has("error")) {
        throw new AssertionError(method + " failed: " + answer.path("error"));
      }
      return answer.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException
        | IOException e) {
      throw new AssertionError(method + " got no answer", e);
    } finally {
      pending.remove(id);
    }
  }

  @Override
  public void close() {
    try {
      socket.abort();
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Collects (possibly fragmented) text messages and completes the call each one answers. */
  private static final class Replies implements WebSocket.Listener {
    private final Map<Integer, CompletableFuture<JsonNode>> pending;
    private final StringBuilder partial = new StringBuilder();

    Replies(Map<Integer, CompletableFuture<JsonNode>> pending) {
      this.pending = pending;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(partial.toString());
          CompletableFuture<JsonNode> reply = pending.get(message.path("id").asInt(-1));
          if (reply != null) {
            reply.complete(message);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          partial.setLength(0);
        }
      }
      socket.request(1);
      return null;
    }
  }
}
