package org.tanglenode.node.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.node.TestNodes;
import org.tanglenode.protocol.TestNetwork;

/**
 * Writes a gateway's folder for a test: its key (test key 7, an ordinary issuer key) and a
 * gateway.yaml naming the node, the broker and a free HTTP port on 127.0.0.1; the same file serves
 * a gateway in this JVM ({@link #config}) and one in its own JVM ({@code tangle gateway --config}).
 */
final class GatewayFixture {

  static final Ed25519PrivateKey KEY = TestNetwork.key(7);

  private GatewayFixture() {}

  static Path write(
      Path dir, URI node, String broker, String batchInterval, int maxBatch, String extra) {
    try {
      Files.createDirectories(dir);
      Path key = dir.resolve("gateway.key");
      if (!Files.exists(key)) {
        KeyFile.write(key, KEY);
      }
      Path file = dir.resolve("gateway.yaml");
      Files.writeString(
          file,
          String.join(
                  "\n",
                  "gateway:",
                  "  id: test-gateway",
                  "  dataDir: data",
                  "  keyFile: gateway.key",
                  "  batchInterval: " + batchInterval,
                  "  maxBatchReadings: " + maxBatch,
                  "node:",
                  "  url: " + node,
                  "  token: " + TestNodes.WRITE_TOKEN,
                  "  reissueAfter: 20s",
                  "mqtt:",
                  "  broker: " + broker,
                  "http:",
                  "  port: 0",
                  "")
              + extra);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GatewayConfig config(Path file) {
    return new GatewayConfigLoader(Map.of()).load(file);
  }
}
