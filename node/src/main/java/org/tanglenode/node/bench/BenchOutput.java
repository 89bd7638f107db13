package org.tanglenode.node.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a result as {@code NAME.json} and {@code NAME.html} into a folder. */
public final class BenchOutput {

  private BenchOutput() {}

  static ObjectMapper json() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /**
   * @return the JSON file written
   */
  static Path write(BenchResult result, Path folder, String name) {
    try {
      Files.createDirectories(folder);
      String text = json().writeValueAsString(result);
      Path jsonFile = folder.resolve(name + ".json");
      Files.writeString(jsonFile, text + "\n");
      Files.writeString(folder.resolve(name + ".html"), HtmlBenchReport.render(result, text));
      return jsonFile;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
