package org.tanglenode.storage.gateway;

import java.nio.charset.StandardCharsets;

/**
 * The column families of the gateway's database; names are stable and never reused. Integers are
 * big-endian, so byte order is numeric order.
 */
enum GatewayColumn {
  /** sequence(8) -> leaf hash(32) | canonical reading bytes. Arrival order. */
  READINGS("readings"),
  /** first sequence(8) -> {@link BatchRowCodec}. A floor seek finds a reading's batch. */
  BATCHES("batches"),
  /** leaf hash(32) -> sequence(8): finds a reading by its id, and refuses a stored one twice. */
  READING_INDEX("reading_index");

  private final String familyName;

  GatewayColumn(String familyName) {
    this.familyName = familyName;
  }

  byte[] nameBytes() {
    return familyName.getBytes(StandardCharsets.US_ASCII);
  }
}
