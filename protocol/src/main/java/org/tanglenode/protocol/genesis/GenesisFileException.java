package org.tanglenode.protocol.genesis;

import java.nio.file.Path;

/** A genesis file that cannot be read or does not define a valid network; names file and key. */
public final class GenesisFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Why a genesis file is refused: stable names, printed by the CLI ({@code genesis refused: CODE:
   * ...}) and given by the web verifier for the same files (docs/protocol.md section 3).
   */
  public enum Code {
    /** The file cannot be read (missing, not permitted, an I/O error). */
    UNREADABLE,
    /** Not UTF-8 JSON (RFC 8259): one value, no key twice in an object, nothing after it. */
    MALFORMED,
    /**
     * JSON, but not a genesis: not an object, a key unknown, missing or of the wrong type (a number
     * with a fraction or an exponent included), or a value out of its range.
     */
    INVALID
  }

  private final transient Path file;
  private final Code code;

  /** The code is the cause's when it is a {@link GenesisFormatException}, else UNREADABLE. */
  public GenesisFileException(Path file, String problem, Throwable cause) {
    super("genesis file " + file + ": " + problem, cause);
    this.file = file;
    this.code = cause instanceof GenesisFormatException format ? format.code() : Code.UNREADABLE;
  }

  public Path file() {
    return file;
  }

  public Code code() {
    return code;
  }
}
