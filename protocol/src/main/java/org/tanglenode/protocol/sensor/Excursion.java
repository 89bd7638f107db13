package org.tanglenode.protocol.sensor;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.tanglenode.protocol.record.TrailEvent;

/**
 * A stretch of one device's readings outside its rule's range, and the readings that prove it: each
 * is named by its leaf hash, for which the gateway gives a reading receipt.
 *
 * @param rule the rule broken
 * @param deviceId the device
 * @param readings every reading outside the range, in time order (at least one)
 * @param closedBy the first reading back within range; empty while the excursion is open
 */
public record Excursion(
    ColdChainRule rule,
    String deviceId,
    List<SensorReading> readings,
    Optional<SensorReading> closedBy) {

  private static final HexFormat HEX = HexFormat.of();

  public Excursion {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(deviceId, "deviceId");
    readings = List.copyOf(readings);
    if (readings.isEmpty()) {
      throw new IllegalArgumentException("an excursion has at least one reading");
    }
    Objects.requireNonNull(closedBy, "closedBy");
  }

  public boolean isClosed() {
    return closedBy.isPresent();
  }

  /** The time of the first reading outside the range. */
  public long startMs() {
    return readings.get(0).timeMs();
  }

  /** The time of the last reading outside the range. */
  public long endMs() {
    return readings.get(readings.size() - 1).timeMs();
  }

  public BigDecimal minValue() {
    return readings.stream()
        .map(SensorReading::decimalValue)
        .min(BigDecimal::compareTo)
        .orElseThrow();
  }

  public BigDecimal maxValue() {
    return readings.stream()
        .map(SensorReading::decimalValue)
        .max(BigDecimal::compareTo)
        .orElseThrow();
  }

  /**
   * The reading furthest outside the range: the highest above {@code max} or lowest below {@code
   * min}; the first of equals.
   */
  public SensorReading peak() {
    SensorReading peak = readings.get(0);
    BigDecimal worst = distance(peak);
    for (SensorReading r : readings) {
      BigDecimal d = distance(r);
      if (d.compareTo(worst) > 0) {
        peak = r;
        worst = d;
      }
    }
    return peak;
  }

  private BigDecimal distance(SensorReading reading) {
    BigDecimal v = reading.decimalValue();
    BigDecimal below = rule.min().map(m -> m.subtract(v)).orElse(BigDecimal.ZERO);
    BigDecimal above = rule.max().map(m -> v.subtract(m)).orElse(BigDecimal.ZERO);
    return below.max(above);
  }

  /** The RFC 9162 root over the leaf hashes of all readings outside the range, in time order. */
  public byte[] readingsRoot() {
    return BatchTree.ofReadings(readings).root();
  }

  /**
   * The trail event that records this excursion on the shipment's trail (docs/sensors.md lists the
   * fields): times, values, the rule's range and the leaf hashes of the first, last and peak
   * readings, plus the root over all of them.
   */
  public TrailEvent toTrailEvent() {
    TreeMap<String, String> fields = new TreeMap<>();
    fields.put("device", deviceId);
    fields.put("start", Instant.ofEpochMilli(startMs()).toString());
    fields.put("end", Instant.ofEpochMilli(endMs()).toString());
    fields.put("min", SensorReading.canonicalDecimal(minValue()));
    fields.put("max", SensorReading.canonicalDecimal(maxValue()));
    fields.put("unit", rule.unit());
    fields.put("limit", rule.describeRange());
    fields.put("readings", Integer.toString(readings.size()));
    fields.put("first-reading", HEX.formatHex(readings.get(0).leafHash()));
    fields.put("last-reading", HEX.formatHex(readings.get(readings.size() - 1).leafHash()));
    fields.put("peak-reading", HEX.formatHex(peak().leafHash()));
    fields.put("readings-root", HEX.formatHex(readingsRoot()));
    fields.put("status", isClosed() ? "closed" : "open");
    return new TrailEvent(rule.trail(), rule.event(), List.of(), fields, new TreeMap<>());
  }
}
