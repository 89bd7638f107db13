package org.tanglenode.node.api;

import java.util.Map;

/**
 * An answer other than success, rendered as {@code {"error": CODE, "message": TEXT}} with its HTTP
 * status: 4xx when the caller is at fault, 5xx only for the node's own faults. Codes are stable
 * (docs/api.md lists them).
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Map<String, String> headers;

  ApiException(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  ApiException(int status, String code, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.headers = Map.copyOf(headers);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  Map<String, String> headers() {
    return headers;
  }

  static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, "NOT_FOUND", message);
  }

  static ApiException unavailable(String code, String message, int retryAfterSeconds) {
    return new ApiException(
        503, code, message, Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
  }
}
