package org.tanglenode.node.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's chart as inline SVG: time runs left to right (issuer timestamps, UTC), each signer's
 * organisation has a lane (each unknown signer a lane of its own, marked), and each record is one
 * mark: a filled green circle when confirmed, a hollow amber circle while pending, a red square
 * when conflicting, so the states differ in shape as well as colour. Hovering a mark shows its
 * record.
 */
final class TimelineChart {

  static final int WIDTH = 1000;
  private static final int LABEL_WIDTH = 230;
  private static final int RIGHT_MARGIN = 20;
  private static final int TOP = 40;
  private static final int LANE_HEIGHT = 30;
  private static final int AXIS_HEIGHT = 40;
  private static final int TICKS = 5;

  private TimelineChart() {}

  static String svg(List<ReportRow> rows) {
    Map<String, Integer> lanes = lanes(rows);
    int height = TOP + Math.max(1, lanes.size()) * LANE_HEIGHT + AXIS_HEIGHT;
    long first = rows.stream().mapToLong(ReportRow::timeMs).min().orElse(0);
    long last = rows.stream().mapToLong(ReportRow::timeMs).max().orElse(0);
    StringBuilder out = new StringBuilder();
    out.append("<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
        .append(" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" width=\"100%\" data-marks=\"")
        .append(rows.size())
        .append("\"><title>Records over time, one lane per organisation</title>\n");
    legend(out);
    int plotBottom = TOP + lanes.size() * LANE_HEIGHT;
    for (Map.Entry<String, Integer> lane : lanes.entrySet()) {
      int y = TOP + lane.getValue() * LANE_HEIGHT;
      out.append("<rect class=\"lane\" x=\"0\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(WIDTH)
          .append("\" height=\"")
          .append(LANE_HEIGHT)
          .append("\"/>")
          .append("<text class=\"lane-label\" x=\"8\" y=\"")
          .append(y + LANE_HEIGHT / 2 + 4)
          .append("\">")
          .append(Html.escape(shorten(lane.getKey(), 32)))
          .append("</text>\n");
    }
    axis(out, first, last, plotBottom);
    int n = 0;
    for (ReportRow row : rows) {
      double x = x(row.timeMs(), first, last);
      // a small vertical spread so records at the same moment stay apart
      double y = TOP + lanes.get(lane(row)) * LANE_HEIGHT + LANE_HEIGHT / 2.0 + (n++ % 3 - 1) * 6;
      mark(out, row, x, y);
    }
    out.append("</svg>");
    return out.toString();
  }

  /** The lane of each row's signer: known organisations by name first, then unknown keys. */
  private static Map<String, Integer> lanes(List<ReportRow> rows) {
    TreeMap<String, Boolean> known = new TreeMap<>();
    TreeMap<String, Boolean> unknown = new TreeMap<>();
    for (ReportRow row : rows) {
      (row.organisation().isPresent() ? known : unknown).put(lane(row), true);
    }
    Map<String, Integer> lanes = new LinkedHashMap<>();
    List<String> order = new ArrayList<>(known.keySet());
    order.addAll(unknown.keySet());
    for (String name : order) {
      lanes.put(name, lanes.size());
    }
    return lanes;
  }

  private static String lane(ReportRow row) {
    return row.organisation()
        .orElseGet(
            () ->
                "unknown signer "
                    + row.issuer().substring(0, Math.min(12, row.issuer().length()))
                    + "…");
  }

  private static double x(long timeMs, long first, long last) {
    double left = LABEL_WIDTH;
    double right = WIDTH - RIGHT_MARGIN;
    if (last == first) {
      return (left + right) / 2;
    }
    return left + (right - left) * (timeMs - first) / (double) (last - first);
  }

  private static void axis(StringBuilder out, long first, long last, int y) {
    out.append("<line class=\"axis\" x1=\"")
        .append(LABEL_WIDTH)
        .append("\" y1=\"")
        .append(y)
        .append("\" x2=\"")
        .append(WIDTH - RIGHT_MARGIN)
        .append("\" y2=\"")
        .append(y)
        .append("\"/>\n");
    int ticks = last == first ? 1 : TICKS;
    for (int i = 0; i < ticks; i++) {
      long t = ticks == 1 ? first : first + (last - first) * i / (ticks - 1);
      double x = x(t, first, last);
      String anchor = ticks == 1 ? "middle" : i == 0 ? "start" : i == ticks - 1 ? "end" : "middle";
      out.append("<line class=\"tick\" x1=\"")
          .append(number(x))
          .append("\" y1=\"")
          .append(y)
          .append("\" x2=\"")
          .append(number(x))
          .append("\" y2=\"")
          .append(y + 5)
          .append("\"/><text class=\"tick-label\" text-anchor=\"")
          .append(anchor)
          .append("\" x=\"")
          .append(number(x))
          .append("\" y=\"")
          .append(y + 20)
          .append("\">")
          .append(ReportTimes.axisLabel(t, last - first))
          .append("</text>\n");
    }
    out.append("<text class=\"tick-label\" x=\"")
        .append(WIDTH - RIGHT_MARGIN)
        .append("\" y=\"")
        .append(y + 36)
        .append("\" text-anchor=\"end\">issuer time (UTC")
        .append(last - first >= 86_400_000L ? "" : ", " + ReportTimes.day(first))
        .append(")</text>\n");
  }

  private static void legend(StringBuilder out) {
    int x = LABEL_WIDTH;
    for (RecordStatus status : RecordStatus.values()) {
      shape(out, status, x + 6, 18, "legend " + status.word());
      out.append("<text class=\"legend-label\" x=\"")
          .append(x + 16)
          .append("\" y=\"22\">")
          .append(status.word())
          .append("</text>");
      x += 120;
    }
    out.append('\n');
  }

  private static void mark(StringBuilder out, ReportRow row, double x, double y) {
    String title =
        ReportTimes.iso(row.timeMs())
            + " · "
            + row.type()
            + (row.text().isEmpty() ? "" : ": " + row.text())
            + " · "
            + row.status().word()
            + " · "
            + row.organisationOrUnknown()
            + " · "
            + row.id();
    out.append("<g class=\"mark ")
        .append(row.status().word())
        .append("\" data-id=\"")
        .append(Html.escape(row.id()))
        .append("\"><title>")
        .append(Html.escape(title))
        .append("</title>");
    shape(out, row.status(), x, y, "shape");
    out.append("</g>\n");
  }

  private static void shape(
      StringBuilder out, RecordStatus status, double x, double y, String cls) {
    switch (status) {
      case CONFIRMED ->
          out.append("<circle class=\"")
              .append(cls)
              .append("\" cx=\"")
              .append(number(x))
              .append("\" cy=\"")
              .append(number(y))
              .append("\" r=\"5\" fill=\"#2e7d32\"/>");
      case PENDING ->
          out.append("<circle class=\"")
              .append(cls)
              .append("\" cx=\"")
              .append(number(x))
              .append("\" cy=\"")
              .append(number(y))
              .append("\" r=\"4.5\" fill=\"#ffffff\" stroke=\"#e69500\" stroke-width=\"2\"/>");
      case CONFLICTING ->
          out.append("<rect class=\"")
              .append(cls)
              .append("\" x=\"")
              .append(number(x - 5))
              .append("\" y=\"")
              .append(number(y - 5))
              .append("\" width=\"10\" height=\"10\" fill=\"#c62828\"/>");
    }
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
