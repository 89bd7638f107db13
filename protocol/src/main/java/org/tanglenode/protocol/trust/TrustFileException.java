package org.tanglenode.protocol.trust;

import java.util.Objects;
import java.util.Optional;

/** A trust file that cannot be read or does not verify; the code says which rule it breaks. */
public final class TrustFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Stable codes, one per rule of docs/trust.md. */
  public enum Code {
    /** The file cannot be read. */
    UNREADABLE,
    /** Not JSON, a key missing, unknown or of the wrong type, or a hex string malformed. */
    MALFORMED,
    /** A {@code format} other than the one this node writes. */
    UNSUPPORTED_FORMAT,
    /** The embedded genesis file is not a valid genesis file. */
    INVALID_GENESIS,
    /** {@code network} is not the id derived from the embedded genesis file. */
    NETWORK_MISMATCH,
    /** An update's bytes do not decode as a canonical transaction. */
    INVALID_UPDATE,
    /** An update's {@code id} is not the hash of its bytes. */
    ID_MISMATCH,
    /** An update does not link to the chain before it; {@link #linkCode()} says why. */
    BROKEN_LINK,
    /** Everything verifies, but the bytes are not those this format writes for it. */
    NON_CANONICAL
  }

  private final Code code;
  private final transient Optional<LinkVerdict.Code> linkCode;
  private final String detail;

  public TrustFileException(Code code, String message) {
    this(code, message, Optional.empty(), null);
  }

  TrustFileException(
      Code code, String message, Optional<LinkVerdict.Code> linkCode, Throwable cause) {
    super("trust file: " + code + ": " + message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.linkCode = linkCode;
    this.detail = message;
  }

  /** What broke the rule, without the code: where and why. */
  public String detail() {
    return detail;
  }

  /**
   * The code as tools print it: {@code BROKEN_LINK (TOO_FEW_SIGNATURES)} with the link rule, else
   * the code alone. The web verifier prints the same for the same file.
   */
  public String reason() {
    return linkCode.map(link -> code + " (" + link + ")").orElse(code.name());
  }

  public Code code() {
    return code;
  }

  /** For {@link Code#BROKEN_LINK}: the link rule the update breaks. */
  public Optional<LinkVerdict.Code> linkCode() {
    return linkCode;
  }
}
