package org.tanglenode.protocol.genesis;

import java.util.Objects;

/**
 * Genesis bytes that do not define a network: {@link GenesisFileException.Code#MALFORMED} when they
 * are not one JSON value with unique keys, {@link GenesisFileException.Code#INVALID} when that JSON
 * breaks a rule of docs/protocol.md section 3. An {@link IllegalArgumentException}, as the bytes
 * are the caller's input.
 */
public final class GenesisFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final GenesisFileException.Code code;

  public GenesisFormatException(GenesisFileException.Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    if (code == GenesisFileException.Code.UNREADABLE) {
      throw new IllegalArgumentException("bytes in hand are never UNREADABLE");
    }
  }

  public GenesisFileException.Code code() {
    return code;
  }
}
