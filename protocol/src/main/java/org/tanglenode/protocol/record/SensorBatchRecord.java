package org.tanglenode.protocol.record;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tanglenode.protocol.Tag;

/**
 * One batch of sensor readings anchored by a gateway (docs/sensors.md): the RFC 9162 root over the
 * readings' leaf hashes in arrival order, how many there are and the range of their times. The
 * readings themselves stay with the gateway; each is proven by a reading receipt. Recorded under
 * the tag {@code sensors:<gateway>} ({@link #tagOf}), signed by the gateway's issuer key.
 *
 * <p>It lives beside the other record types, not in {@code protocol.sensor}, because {@link Record}
 * is sealed to this package and {@link Records} reads all record types alike.
 *
 * @param gateway the gateway's id, 1 to {@value #MAX_GATEWAY_CHARS} characters of the trail id
 *     alphabet, so that the tag fits in 64 bytes
 * @param root {@code MTH} over the readings' leaf hashes (32 bytes)
 * @param count how many readings, 1 to {@value #MAX_COUNT}
 * @param firstTimeMs the earliest reading time in the batch (ms since 1970)
 * @param lastTimeMs the latest reading time in the batch, not before {@code firstTimeMs}
 */
public record SensorBatchRecord(
    String gateway, byte[] root, long count, long firstTimeMs, long lastTimeMs) implements Record {

  public static final String TYPE = "sensor-batch";
  public static final String TAG_PREFIX = "sensors:";
  public static final int MAX_GATEWAY_CHARS = 56;

  /** The most readings one batch record can name: 2^20 (a gateway batches far fewer). */
  public static final long MAX_COUNT = 1 << 20;

  /** 9999-12-31T23:59:59.999Z, as for a reading's time. */
  public static final long MAX_TIME_MS = 253_402_300_799_999L;

  private static final Pattern GATEWAY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,55}");

  public SensorBatchRecord {
    if (gateway == null || !GATEWAY.matcher(gateway).matches()) {
      throw new IllegalArgumentException(
          "gateway: 1 to "
              + MAX_GATEWAY_CHARS
              + " characters of A-Z, a-z, 0-9, '.', '_', ':', '/' or '-', starting with a"
              + " letter or digit");
    }
    Objects.requireNonNull(root, "root");
    if (root.length != 32) {
      throw new IllegalArgumentException("root: 32 bytes");
    }
    root = root.clone();
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count: 1 to " + MAX_COUNT + ", not " + count);
    }
    if (firstTimeMs < 0
        || firstTimeMs > MAX_TIME_MS
        || lastTimeMs < 0
        || lastTimeMs > MAX_TIME_MS) {
      throw new IllegalArgumentException(
          "first, last: milliseconds since 1970, 0 to " + MAX_TIME_MS);
    }
    if (lastTimeMs < firstTimeMs) {
      throw new IllegalArgumentException("last: not before first");
    }
  }

  /** The tag a gateway's batches are recorded under: {@code sensors:} and its id. */
  public static Tag tagOf(String gateway) {
    if (gateway == null || !GATEWAY.matcher(gateway).matches()) {
      throw new IllegalArgumentException("not a gateway id: " + gateway);
    }
    return Tag.of(TAG_PREFIX + gateway);
  }

  /** This batch's tag. */
  public Tag tag() {
    return tagOf(gateway);
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  public String rootHex() {
    return HexFormat.of().formatHex(root);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<DocumentHash> documents() {
    return List.of();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SensorBatchRecord other
        && gateway.equals(other.gateway)
        && Arrays.equals(root, other.root)
        && count == other.count
        && firstTimeMs == other.firstTimeMs
        && lastTimeMs == other.lastTimeMs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(gateway, Arrays.hashCode(root), count, firstTimeMs, lastTimeMs);
  }

  @Override
  public String toString() {
    return "SensorBatchRecord["
        + gateway
        + " root="
        + rootHex()
        + " count="
        + count
        + " first="
        + firstTimeMs
        + " last="
        + lastTimeMs
        + "]";
  }
}
