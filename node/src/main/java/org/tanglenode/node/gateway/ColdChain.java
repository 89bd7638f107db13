package org.tanglenode.node.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.protocol.record.TrailEvent;
import org.tanglenode.protocol.sensor.ColdChainRule;
import org.tanglenode.protocol.sensor.Excursion;
import org.tanglenode.protocol.sensor.ExcursionDetector;
import org.tanglenode.protocol.sensor.SensorReading;

/**
 * The cold-chain rules of the configuration (docs/sensors.md section 8): every newly stored reading
 * goes to the protocol's {@link ExcursionDetector}, in arrival order; an excursion it closes
 * becomes a trail event on the shipment's trail, signed by the gateway key and sent by the batcher.
 * On start the stored readings are replayed without reporting anything, so the detector knows the
 * excursions that were open when the gateway stopped.
 */
final class ColdChain implements ReadingListener {

  private static final Logger LOG = LoggerFactory.getLogger(ColdChain.class);

  private final ExcursionDetector detector;
  private final Consumer<TrailEvent> trail;

  private ColdChain(ExcursionDetector detector, Consumer<TrailEvent> trail) {
    this.detector = detector;
    this.trail = trail;
  }

  /** The rules' listener, or {@link ReadingListener#NONE} when there are none. */
  static ColdChain of(List<GatewayConfig.ColdChainRuleConfig> rules, Consumer<TrailEvent> trail) {
    List<ColdChainRule> converted = new ArrayList<>();
    for (GatewayConfig.ColdChainRuleConfig rule : rules) {
      converted.add(rule.toRule());
    }
    return new ColdChain(new ExcursionDetector(converted), trail);
  }

  /** A reading stored before this start: rebuilds the detector's state, reports nothing. */
  synchronized void replay(SensorReading reading) {
    detector.observe(reading);
  }

  @Override
  public synchronized void stored(ReadingIntake.Taken taken) {
    ExcursionDetector.Observation seen = detector.observe(taken.reading());
    for (Excursion excursion : seen.closed()) {
      TrailEvent event = excursion.toTrailEvent();
      LOG.info(
          "Excursion of {} on trail {}: {} readings out of {}",
          excursion.deviceId(),
          event.trail(),
          excursion.readings().size(),
          excursion.rule().describeRange());
      trail.accept(event);
    }
  }
}
