package org.tanglenode.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public test vectors under {@code testvectors/} (a copy of the shared vectors). The build
 * passes their folder as the system property {@code tangle.vectors.dir}; a missing folder fails the
 * test rather than skipping it.
 */
public final class TestVectors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TestVectors() {}

  /** The folder that holds the vectors. */
  public static Path dir() {
    String dir = System.getProperty("tangle.vectors.dir");
    if (dir == null) {
      throw new IllegalStateException(
          "system property tangle.vectors.dir is not set: run the tests through Maven");
    }
    Path path = Path.of(dir);
    if (!Files.isDirectory(path)) {
      throw new IllegalStateException("test vectors folder " + path + " does not exist");
    }
    return path;
  }

  /** The file at {@code relative} below the vectors folder, which must exist. */
  public static Path file(String relative) {
    Path path = dir().resolve(relative);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("test vector file " + path + " does not exist");
    }
    return path;
  }

  /** The JSON document at {@code relative}. */
  public static JsonNode json(String relative) {
    return json(file(relative));
  }

  public static JsonNode json(Path path) {
    try {
      return JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read test vectors " + path, e);
    }
  }
}
