package org.tanglenode.protocol.genesis;

import java.nio.file.Path;

/** A genesis file that cannot be read or does not define a valid network; names file and key. */
public final class GenesisFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public GenesisFileException(Path file, String problem, Throwable cause) {
    super("genesis file " + file + ": " + problem, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
