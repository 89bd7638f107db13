package org.tanglenode.protocol.sensor;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tanglenode.protocol.record.TrailEvent;

/**
 * The allowed range of one shipment's readings (docs/sensors.md, "Cold-chain rules"): the devices
 * travelling with the shipment, the inclusive bounds (either may be left open), their unit, and how
 * long readings must stay outside before it counts as an excursion.
 *
 * @param trail the shipment's trail id; excursions are appended to it as trail events
 * @param devices the ids of the devices whose readings the rule covers (at least one)
 * @param min the lowest allowed value, inclusive (e.g. 2 for 2-8 Cel), or none
 * @param max the highest allowed value, inclusive, or none
 * @param unit the unit the bounds are in; readings in another unit are not compared
 * @param minDuration the shortest excursion reported, measured from the first to the last reading
 *     outside the range ({@link Duration#ZERO}: a single reading outside counts)
 * @param event the trail event's name, e.g. {@value #DEFAULT_EVENT}
 */
public record ColdChainRule(
    String trail,
    Set<String> devices,
    Optional<BigDecimal> min,
    Optional<BigDecimal> max,
    String unit,
    Duration minDuration,
    String event) {

  public static final String DEFAULT_EVENT = "temperature-excursion";

  public ColdChainRule {
    TrailEvent.tagOf(trail); // checks the trail id
    Objects.requireNonNull(devices, "devices");
    if (devices.isEmpty()) {
      throw new IllegalArgumentException("devices: at least one device id");
    }
    devices = Collections.unmodifiableSet(new TreeSet<>(devices));
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (min.isEmpty() && max.isEmpty()) {
      throw new IllegalArgumentException("min, max: at least one bound");
    }
    if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
      throw new IllegalArgumentException("min: not above max");
    }
    // the unit follows the reading's rules, so a rule can match a reading's unit at all
    SensorReading.unsigned("rule", 0, "0", unit);
    Objects.requireNonNull(minDuration, "minDuration");
    if (minDuration.isNegative()) {
      throw new IllegalArgumentException("minDuration: not negative");
    }
    Objects.requireNonNull(event, "event");
    if (event.isBlank()
        || event.length() > TrailEvent.MAX_EVENT_CHARS
        || !event.strip().equals(event)) {
      throw new IllegalArgumentException(
          "event: 1 to " + TrailEvent.MAX_EVENT_CHARS + " characters");
    }
  }

  /**
   * A rule {@code min..max unit} for the devices of {@code trail}, event {@value #DEFAULT_EVENT}.
   */
  public static ColdChainRule between(
      String trail,
      Set<String> devices,
      String min,
      String max,
      String unit,
      Duration minDuration) {
    return new ColdChainRule(
        trail,
        devices,
        Optional.of(new BigDecimal(min)),
        Optional.of(new BigDecimal(max)),
        unit,
        minDuration,
        DEFAULT_EVENT);
  }

  /** Whether {@code value} lies within the bounds (inclusive). */
  public boolean allows(BigDecimal value) {
    return min.map(m -> value.compareTo(m) >= 0).orElse(true)
        && max.map(m -> value.compareTo(m) <= 0).orElse(true);
  }

  /** The range for people and for the event's {@code limit} field, e.g. {@code 2..8 Cel}. */
  public String describeRange() {
    return min.map(SensorReading::canonicalDecimal).orElse("")
        + ".."
        + max.map(SensorReading::canonicalDecimal).orElse("")
        + " "
        + unit;
  }
}
