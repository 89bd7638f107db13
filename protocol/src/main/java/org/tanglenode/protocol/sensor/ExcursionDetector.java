package org.tanglenode.protocol.sensor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds excursions in the readings of devices that cold-chain rules cover (docs/sensors.md). Fed
 * each device's readings in time order; a reading older than (or as old as) the last one seen of
 * its device is ignored and said so, because an excursion is a stretch of time. Pure logic, no
 * clock, no I/O: a gateway restarted replays its stored readings to rebuild the state. Not thread
 * safe: one caller feeds it.
 */
public final class ExcursionDetector {

  /** What became of one reading. */
  public enum Status {
    /** No rule covers the device. */
    NO_RULE,
    /** Not after the last reading seen of the device: ignored. */
    OUT_OF_ORDER,
    /** In another unit than the rule's: not compared, ignored. */
    WRONG_UNIT,
    /** Within the range; may have closed an excursion. */
    IN_RANGE,
    /** Outside the range; opened or extended an excursion. */
    OUT_OF_RANGE
  }

  /**
   * The outcome of one reading: its status and the excursions it closed that last at least their
   * rule's minimum duration (at most one).
   */
  public record Observation(Status status, List<Excursion> closed) {
    public Observation {
      Objects.requireNonNull(status, "status");
      closed = List.copyOf(closed);
    }
  }

  private final Map<String, ColdChainRule> ruleByDevice = new HashMap<>();
  private final Map<String, Long> lastTime = new HashMap<>();
  private final Map<String, List<SensorReading>> open = new HashMap<>();

  /**
   * @throws IllegalArgumentException if a device is named by two rules
   */
  public ExcursionDetector(List<ColdChainRule> rules) {
    for (ColdChainRule rule : rules) {
      for (String device : rule.devices()) {
        ColdChainRule before = ruleByDevice.putIfAbsent(device, rule);
        if (before != null) {
          throw new IllegalArgumentException(
              "device "
                  + device
                  + " is in the rules of trails "
                  + before.trail()
                  + " and "
                  + rule.trail());
        }
      }
    }
  }

  public Optional<ColdChainRule> ruleFor(String deviceId) {
    return Optional.ofNullable(ruleByDevice.get(deviceId));
  }

  /** Takes the next reading of a device. */
  public Observation observe(SensorReading reading) {
    ColdChainRule rule = ruleByDevice.get(reading.deviceId());
    if (rule == null) {
      return new Observation(Status.NO_RULE, List.of());
    }
    if (!rule.unit().equals(reading.unit())) {
      return new Observation(Status.WRONG_UNIT, List.of());
    }
    Long last = lastTime.get(reading.deviceId());
    if (last != null && reading.timeMs() <= last) {
      return new Observation(Status.OUT_OF_ORDER, List.of());
    }
    lastTime.put(reading.deviceId(), reading.timeMs());
    if (!rule.allows(reading.decimalValue())) {
      open.computeIfAbsent(reading.deviceId(), d -> new ArrayList<>()).add(reading);
      return new Observation(Status.OUT_OF_RANGE, List.of());
    }
    List<SensorReading> outside = open.remove(reading.deviceId());
    if (outside == null) {
      return new Observation(Status.IN_RANGE, List.of());
    }
    Excursion excursion = new Excursion(rule, reading.deviceId(), outside, Optional.of(reading));
    return new Observation(Status.IN_RANGE, longEnough(excursion) ? List.of(excursion) : List.of());
  }

  /**
   * The excursions still open (no reading back in range yet) that already last their rule's minimum
   * duration, e.g. when a shipment ends or a device falls silent. They stay open: a later reading
   * still closes them.
   */
  public List<Excursion> openExcursions() {
    List<Excursion> out = new ArrayList<>();
    open.forEach(
        (device, readings) -> {
          Excursion e = new Excursion(ruleByDevice.get(device), device, readings, Optional.empty());
          if (longEnough(e)) {
            out.add(e);
          }
        });
    out.sort(
        (a, b) ->
            a.startMs() != b.startMs()
                ? Long.compare(a.startMs(), b.startMs())
                : a.deviceId().compareTo(b.deviceId()));
    return out;
  }

  private static boolean longEnough(Excursion e) {
    return e.endMs() - e.startMs() >= e.rule().minDuration().toMillis();
  }
}
