package org.tanglenode.node.api;

import java.util.Map;

/** A successful answer: status, a body serialised as JSON, extra headers. */
record Reply(int status, Object body, Map<String, String> headers) {

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply ok(Object body) {
    return new Reply(200, body, Map.of());
  }

  static Reply created(Object body) {
    return new Reply(201, body, Map.of());
  }
}
