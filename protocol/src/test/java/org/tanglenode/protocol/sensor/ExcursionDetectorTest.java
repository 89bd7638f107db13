package org.tanglenode.protocol.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.record.TrailEvent;
import org.tanglenode.protocol.sensor.ExcursionDetector.Observation;
import org.tanglenode.protocol.sensor.ExcursionDetector.Status;

class ExcursionDetectorTest {

  private static final long T0 = 1_767_225_600_000L;
  private static final ColdChainRule FRIDGE =
      ColdChainRule.between(
          "shipment-4711", Set.of("logger-1", "logger-2"), "2", "8", "Cel", Duration.ZERO);

  private static SensorReading at(String device, int second, String value) {
    return SensorReading.unsigned(device, T0 + 1_000L * second, value, "Cel");
  }

  private static List<Excursion> feed(ExcursionDetector detector, SensorReading... readings) {
    return java.util.Arrays.stream(readings)
        .flatMap(r -> detector.observe(r).closed().stream())
        .toList();
  }

  @Test
  void theBoundsAreInclusive() {
    ExcursionDetector detector = new ExcursionDetector(List.of(FRIDGE));
    assertThat(detector.observe(at("logger-1", 0, "2")).status()).isEqualTo(Status.IN_RANGE);
    assertThat(detector.observe(at("logger-1", 1, "8")).status()).isEqualTo(Status.IN_RANGE);
    assertThat(detector.observe(at("logger-1", 2, "8.01")).status()).isEqualTo(Status.OUT_OF_RANGE);
    assertThat(detector.observe(at("logger-1", 3, "1.99")).status()).isEqualTo(Status.OUT_OF_RANGE);
    Observation back = detector.observe(at("logger-1", 4, "2.0".replace(".0", "")));
    assertThat(back.status()).isEqualTo(Status.IN_RANGE);
    assertThat(back.closed()).hasSize(1);
    Excursion e = back.closed().get(0);
    assertThat(e.readings()).hasSize(2);
    assertThat(e.minValue()).isEqualByComparingTo("1.99");
    assertThat(e.maxValue()).isEqualByComparingTo("8.01");
    assertThat(e.peak().value()).isEqualTo("8.01"); // 0.01 above and 0.01 below: the first wins
    assertThat(e.closedBy()).contains(at("logger-1", 4, "2"));
  }

  @Test
  void anExcursionShorterThanTheMinimumDurationIsNotReported() {
    ColdChainRule tenSeconds =
        ColdChainRule.between(
            "shipment-4711", Set.of("logger-1"), "2", "8", "Cel", Duration.ofSeconds(10));
    ExcursionDetector detector = new ExcursionDetector(List.of(tenSeconds));

    assertThat(
            feed(
                detector,
                at("logger-1", 0, "9"),
                at("logger-1", 9, "9.5"),
                at("logger-1", 10, "5")))
        .isEmpty();
    List<Excursion> exactly =
        feed(detector, at("logger-1", 20, "9"), at("logger-1", 30, "9.5"), at("logger-1", 31, "5"));
    assertThat(exactly).hasSize(1);
    assertThat(exactly.get(0).startMs()).isEqualTo(T0 + 20_000);
    assertThat(exactly.get(0).endMs()).isEqualTo(T0 + 30_000);
  }

  @Test
  void outOfOrderAndDuplicateReadingsAreIgnoredAndSaidSo() {
    ExcursionDetector detector = new ExcursionDetector(List.of(FRIDGE));
    assertThat(detector.observe(at("logger-1", 10, "9")).status()).isEqualTo(Status.OUT_OF_RANGE);
    assertThat(detector.observe(at("logger-1", 5, "4")).status()).isEqualTo(Status.OUT_OF_ORDER);
    assertThat(detector.observe(at("logger-1", 10, "4")).status()).isEqualTo(Status.OUT_OF_ORDER);
    // the late in-range reading did not close the excursion; devices are ordered independently
    assertThat(detector.observe(at("logger-2", 1, "4")).status()).isEqualTo(Status.IN_RANGE);
    List<Excursion> closed = detector.observe(at("logger-1", 11, "4")).closed();
    assertThat(closed).hasSize(1);
    assertThat(closed.get(0).readings()).containsExactly(at("logger-1", 10, "9"));
  }

  @Test
  void aDeviceWithNoRuleOrAnotherUnitIsNotCompared() {
    ExcursionDetector detector = new ExcursionDetector(List.of(FRIDGE));
    assertThat(detector.observe(at("logger-9", 0, "40")).status()).isEqualTo(Status.NO_RULE);
    assertThat(detector.ruleFor("logger-9")).isEmpty();
    assertThat(detector.ruleFor("logger-2")).contains(FRIDGE);
    assertThat(detector.observe(SensorReading.unsigned("logger-1", T0, "40", "[degF]")).status())
        .isEqualTo(Status.WRONG_UNIT);
    assertThat(detector.openExcursions()).isEmpty();
  }

  @Test
  void anOpenExcursionIsListedUntilAReadingClosesIt() {
    ExcursionDetector detector = new ExcursionDetector(List.of(FRIDGE));
    feed(detector, at("logger-2", 0, "9"), at("logger-1", 1, "1"), at("logger-1", 2, "0.5"));
    List<Excursion> open = detector.openExcursions();
    assertThat(open).extracting(Excursion::deviceId).containsExactly("logger-2", "logger-1");
    assertThat(open.get(1).isClosed()).isFalse();
    assertThat(open.get(1).peak().value()).isEqualTo("0.5");
    assertThat(open.get(1).toTrailEvent().fields()).containsEntry("status", "open");
    assertThat(feed(detector, at("logger-1", 3, "3"))).hasSize(1);
    assertThat(detector.openExcursions())
        .extracting(Excursion::deviceId)
        .containsExactly("logger-2");
  }

  @Test
  void oneSidedRulesAndRuleChecks() {
    ColdChainRule frozen =
        new ColdChainRule(
            "lot/7",
            Set.of("f-1"),
            Optional.empty(),
            Optional.of(new BigDecimal("-18")),
            "Cel",
            Duration.ZERO,
            "thaw");
    ExcursionDetector detector = new ExcursionDetector(List.of(frozen));
    assertThat(detector.observe(SensorReading.unsigned("f-1", T0, "-40", "Cel")).status())
        .isEqualTo(Status.IN_RANGE);
    assertThat(detector.observe(SensorReading.unsigned("f-1", T0 + 1, "-17.5", "Cel")).status())
        .isEqualTo(Status.OUT_OF_RANGE);
    assertThat(frozen.describeRange()).isEqualTo("..-18 Cel");
    assertThat(FRIDGE.describeRange()).isEqualTo("2..8 Cel");

    assertThatThrownBy(() -> new ExcursionDetector(List.of(FRIDGE, FRIDGE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ColdChainRule.between("t", Set.of("d"), "8", "2", "Cel", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ColdChainRule.between("t", Set.of(), "2", "8", "Cel", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ColdChainRule.between("-t", Set.of("d"), "2", "8", "Cel", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTrailEventNamesTheReadingsThatProveTheExcursionAndFitsTheDataLimit() throws Exception {
    ExcursionDetector detector = new ExcursionDetector(List.of(FRIDGE));
    SensorReading first = at("logger-1", 60, "8.5");
    SensorReading peak = at("logger-1", 120, "11.25");
    SensorReading last = at("logger-1", 180, "9");
    Excursion e =
        feed(detector, at("logger-1", 0, "5"), first, peak, last, at("logger-1", 240, "7")).get(0);
    TrailEvent event = e.toTrailEvent();
    HexFormat hex = HexFormat.of();

    assertThat(event.trail()).isEqualTo("shipment-4711");
    assertThat(event.event()).isEqualTo("temperature-excursion");
    assertThat(event.fields())
        .containsEntry("device", "logger-1")
        .containsEntry("start", "2026-01-01T00:01:00Z")
        .containsEntry("end", "2026-01-01T00:03:00Z")
        .containsEntry("min", "8.5")
        .containsEntry("max", "11.25")
        .containsEntry("unit", "Cel")
        .containsEntry("limit", "2..8 Cel")
        .containsEntry("readings", "3")
        .containsEntry("first-reading", hex.formatHex(first.leafHash()))
        .containsEntry("peak-reading", hex.formatHex(peak.leafHash()))
        .containsEntry("last-reading", hex.formatHex(last.leafHash()))
        .containsEntry(
            "readings-root", hex.formatHex(BatchTree.ofReadings(List.of(first, peak, last)).root()))
        .containsEntry("status", "closed");
    assertThat(Records.parse(Records.encode(event))).isEqualTo(event);

    // the longest ids and values still fit a network's default data limit
    String device = "d".repeat(58);
    ColdChainRule wide =
        ColdChainRule.between(
            "t".repeat(58),
            Set.of(device),
            "-" + "9".repeat(22),
            "9".repeat(23),
            "x".repeat(16),
            Duration.ZERO);
    ExcursionDetector big = new ExcursionDetector(List.of(wide));
    big.observe(
        SensorReading.unsigned(
            device, SensorReading.MAX_TIME_MS - 1, "-" + "9".repeat(23), "x".repeat(16)));
    Excursion longest = big.openExcursions().get(0);
    assertThat(Records.encode(longest.toTrailEvent()).length)
        .isLessThanOrEqualTo(Limits.DEFAULT.maxDataBytes());
  }
}
