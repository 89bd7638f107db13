package org.tanglenode.crypto.keyfile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A key file that cannot be written or read. The message names the file and the problem, never the
 * key; {@link #reason()} lets the CLI and the node print a specific hint.
 */
public final class KeyFileException extends RuntimeException {

  /** What went wrong. */
  public enum Reason {
    /** No file at the path. */
    MISSING,
    /** The path exists but cannot be read: a directory, or no permission. */
    UNREADABLE,
    /** Larger than any key file this format produces. */
    TOO_LARGE,
    /** Not one {@code PRIVATE KEY} PEM block. */
    BAD_PEM,
    /** The PEM body is not base64. */
    NOT_BASE64,
    /** The DER does not start with the PKCS#8 prefix of an RFC 8410 Ed25519 key. */
    WRONG_DER_PREFIX,
    /** The DER has the right prefix but not the 48 bytes of prefix and 32-byte seed. */
    WRONG_LENGTH,
    /** Writing would overwrite an existing file. */
    ALREADY_EXISTS,
    /** An I/O error while writing. */
    WRITE_FAILED,
    /** The file is encrypted and no passphrase was given. */
    PASSPHRASE_REQUIRED,
    /** The passphrase does not open the file. */
    WRONG_PASSPHRASE,
    /** The passphrase source (its file) cannot be read, or is ambiguous. */
    PASSPHRASE_UNREADABLE,
    /** Encrypted with another scheme than PBES2 with scrypt and AES-256-CBC. */
    UNSUPPORTED_ENCRYPTION
  }

  private final Path file;
  private final Reason reason;

  KeyFileException(Path file, Reason reason, String problem, Throwable cause) {
    super("key file " + file + ": " + problem, cause);
    this.file = Objects.requireNonNull(file, "file");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  KeyFileException(Path file, Reason reason, String problem) {
    this(file, reason, problem, null);
  }

  public Path file() {
    return file;
  }

  public Reason reason() {
    return reason;
  }
}
