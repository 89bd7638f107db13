package org.tanglenode.node.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How reports write times: UTC, to the millisecond, so rows from any office compare. */
final class ReportTimes {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private ReportTimes() {}

  /** {@code 2026-01-31T08:15:00.250Z}. */
  static String iso(long epochMs) {
    return ISO.format(Instant.ofEpochMilli(epochMs));
  }

  /** {@code 2026-01-31 08:15:00}, for axis labels. */
  static String shortForm(long epochMs) {
    return SHORT.format(Instant.ofEpochMilli(epochMs));
  }
}
