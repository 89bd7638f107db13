package org.tanglenode.node.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How reports write times: UTC, to the millisecond, so rows from any office compare. */
final class ReportTimes {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

  private ReportTimes() {}

  /** {@code 2026-01-31T08:15:00.250Z}. */
  static String iso(long epochMs) {
    return ISO.format(Instant.ofEpochMilli(epochMs));
  }

  /**
   * An axis label precise enough for ticks {@code spanMs} apart in all: minutes with the date over
   * days, seconds within a day, milliseconds within a minute (the day is then given once, by {@link
   * #day}).
   */
  static String axisLabel(long epochMs, long spanMs) {
    DateTimeFormatter format =
        spanMs >= 86_400_000L ? MINUTES : spanMs >= 60_000L ? SECONDS : MILLIS;
    return format.format(Instant.ofEpochMilli(epochMs));
  }

  /** {@code 2026-01-31}. */
  static String day(long epochMs) {
    return DAY.format(Instant.ofEpochMilli(epochMs));
  }
}
