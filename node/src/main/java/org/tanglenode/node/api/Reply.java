package org.tanglenode.node.api;

import java.nio.file.Path;
import java.util.Map;

/** A successful answer: status, a body serialised as JSON, extra headers. */
record Reply(int status, Object body, Map<String, String> headers) {

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply ok(Object body) {
    return new Reply(200, body, Map.of());
  }

  /** A body that is JSON already, such as a receipt file, sent byte for byte. */
  static Reply jsonBytes(byte[] json) {
    return new Reply(200, new JsonBytes(json), Map.of());
  }

  /**
   * A file that {@link Endpoints} streams as it is, deleted after sending when {@code temporary}.
   */
  record FileBody(Path file, String contentType, boolean temporary) {}

  /** Bytes that {@link Endpoints} writes as they are instead of serialising. */
  record JsonBytes(byte[] bytes) {}

  /** Binary bytes, such as a compact receipt, sent as they are as application/octet-stream. */
  static Reply octetBytes(byte[] bytes) {
    return new Reply(200, new OctetBytes(bytes), Map.of());
  }

  /** Bytes that {@link Endpoints} writes as they are, typed application/octet-stream. */
  record OctetBytes(byte[] bytes) {}

  static Reply created(Object body) {
    return new Reply(201, body, Map.of());
  }
}
