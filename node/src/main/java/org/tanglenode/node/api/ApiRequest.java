package org.tanglenode.node.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a handler sees of a request, copied off the event loop's objects before the handler runs on
 * a worker: path parameters, query parameters (first value of each), the body, the {@code Accept}
 * header (empty when absent), for the few routes that answer in more than one form, and the {@code
 * Content-Type} (empty when absent), for the few that take more than one.
 */
record ApiRequest(
    Map<String, String> path,
    Map<String, List<String>> query,
    byte[] body,
    String accept,
    String contentType) {

  ApiRequest {
    path = Map.copyOf(path);
    query = Map.copyOf(query);
    body = body == null ? new byte[0] : body;
    accept = accept == null ? "" : accept;
    contentType = contentType == null ? "" : contentType;
  }

  /** Whether the body is declared {@code mediaType} (parameters such as a charset ignored). */
  boolean bodyIs(String mediaType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().equalsIgnoreCase(mediaType);
  }

  String path(String name) {
    String value = path.get(name);
    if (value == null) {
      throw new IllegalStateException("no path parameter " + name);
    }
    return value;
  }

  Optional<String> query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** A whole-number query parameter between 1 and {@code max}, or {@code fallback}. */
  int intQuery(String name, int fallback, int max) {
    Optional<String> text = query(name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value < 1 || value > max) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "INVALID_PARAMETER", name + " must be a whole number from 1 to " + max);
    }
  }
}
