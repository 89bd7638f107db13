package org.tanglenode.node.gateway;

/**
 * Input that is not a set of readings the gateway can take, with a stable code (the {@code error}
 * of the HTTP answer) and, for a list, the index of the first bad element.
 */
final class ReadingRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Stable codes; docs/sensors.md lists them. */
  enum Code {
    /** The body is not JSON, or not an object or a list of objects. */
    NOT_JSON,
    /** No reading in the request. */
    NO_READINGS,
    /** More readings than {@code http.maxReadingsPerRequest}. */
    TOO_MANY_READINGS,
    /** A reading that is malformed (a member missing, unknown or out of its range). */
    MALFORMED_READING,
    /** A signed reading whose signature does not verify under the key it names. */
    DEVICE_SIGNATURE_INVALID
  }

  private final Code code;
  private final int index;

  ReadingRefused(Code code, int index, String message) {
    super(message);
    this.code = code;
    this.index = index;
  }

  Code code() {
    return code;
  }

  /** The bad element's index in a list, or -1. */
  int index() {
    return index;
  }
}
