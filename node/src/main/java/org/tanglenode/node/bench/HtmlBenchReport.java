package org.tanglenode.node.bench;

import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page of one result: no script, no external file; charts are inline SVG.
 * Throughput over time per node, latency percentiles, CPU by thread group, and the machine, JVM
 * flags and commit it ran on.
 */
final class HtmlBenchReport {

  private static final int WIDTH = 720;
  private static final int HEIGHT = 220;

  private HtmlBenchReport() {}

  static String render(BenchResult r, String resultJson) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    h.append("<title>tangle bench ").append(esc(r.workload())).append("</title>");
    h.append("<style>body{font-family:sans-serif;max-width:60em;margin:1em auto;color:#222}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;")
        .append("text-align:right}th{background:#eee}td:first-child{text-align:left}")
        .append("pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:12px}</style>");
    h.append("</head><body>");
    h.append("<h1>tangle bench ").append(esc(r.workload())).append("</h1>");
    h.append("<p>Started ").append(esc(r.startedAt())).append(". Parameters: ");
    h.append(esc(r.parameters().toString())).append("</p>");
    BenchResult.Machine m = r.machine();
    h.append("<table><tr><th>machine</th><td>")
        .append(esc(m.cpu()))
        .append(", ")
        .append(m.cores())
        .append(" cores, ")
        .append(esc(m.os()))
        .append("</td></tr><tr><th>harness JVM</th><td>")
        .append(esc(m.java()))
        .append("</td></tr><tr><th>node JVM flags</th><td>")
        .append(esc(String.join(" ", m.nodeJvmFlags())))
        .append("</td></tr><tr><th>git commit</th><td>")
        .append(esc(m.gitCommit()))
        .append("</td></tr><tr><th>load average (1, 5, 15 min)</th><td>at start ")
        .append(esc(m.loadAverageAtStart()))
        .append("; at end ")
        .append(esc(m.loadAverageAtEnd()))
        .append("</td></tr><tr><th>one Ed25519 verify / one validate (harness)</th><td>")
        .append(fmt(r.calibration().verifyMicros()))
        .append(" µs / ")
        .append(fmt(r.calibration().validateMicros()))
        .append(" µs</td></tr></table>");
    BenchResult.Send s = r.send();
    h.append("<p>Sent over ").append(esc(s.via())).append(": ").append(s.offered());
    h.append(" offered, ").append(s.accepted()).append(" accepted, ").append(s.refused());
    h.append(" refused, ").append(s.late()).append(" sent over 1 s late, in ");
    h.append(fmt(s.seconds())).append(" s.</p>");
    for (String note : r.notes()) {
      h.append("<p><b>Note:</b> ").append(esc(note)).append("</p>");
    }
    h.append("<h2>Per node</h2><table><tr><th>node</th><th>stored</th><th>confirmed</th>")
        .append("<th>stored/s</th><th>confirmed/s</th><th>CPU µs/tx</th><th>× verify</th>")
        .append("<th>× validate</th></tr>");
    for (BenchResult.NodeResult n : r.nodes()) {
      h.append("<tr><td>").append(esc(n.name())).append("</td><td>").append(n.stored());
      h.append("</td><td>").append(n.confirmed()).append("</td><td>");
      h.append(fmt(n.storedPerSecond())).append("</td><td>").append(fmt(n.confirmedPerSecond()));
      h.append("</td><td>").append(fmt(n.cpu().microsPerTransaction())).append("</td><td>");
      h.append(fmt(n.cpu().verifiesPerTransaction())).append("</td><td>");
      h.append(fmt(n.cpu().validatesPerTransaction())).append("</td></tr>");
    }
    h.append("</table>");
    h.append("<h2>Latency (ms)</h2><table><tr><th>node</th><th>what</th><th>count</th>")
        .append("<th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr>");
    for (BenchResult.NodeResult n : r.nodes()) {
      latencyRow(h, n.name(), "submit to confirmed", n.latencyMs());
      if (n.propagationMs().count() > 0) {
        latencyRow(h, n.name(), "propagation", n.propagationMs());
      }
    }
    h.append("</table>");
    for (BenchResult.NodeResult n : r.nodes()) {
      h.append("<h2>").append(esc(n.name())).append(": throughput per second</h2>");
      h.append(throughputChart(n.timeline()));
      h.append("<h2>").append(esc(n.name())).append(": CPU by thread group</h2>");
      h.append(cpuChart(n.cpu()));
    }
    h.append("<h2>Result (JSON)</h2><pre>").append(esc(resultJson)).append("</pre>");
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void latencyRow(StringBuilder h, String node, String what, BenchResult.Latency l) {
    h.append("<tr><td>").append(esc(node)).append("</td><td>").append(what).append("</td><td>");
    h.append(l.count()).append("</td><td>").append(l.p50()).append("</td><td>").append(l.p90());
    h.append("</td><td>").append(l.p99()).append("</td><td>").append(l.p999()).append("</td><td>");
    h.append(l.max()).append("</td></tr>");
  }

  private static String throughputChart(List<BenchResult.TimelinePoint> points) {
    long max = 1;
    for (BenchResult.TimelinePoint p : points) {
      max = Math.max(max, Math.max(p.stored(), p.confirmed()));
    }
    int left = 60;
    int bottom = HEIGHT - 30;
    double dx = (WIDTH - left - 10) / (double) Math.max(1, points.size());
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" role=\"img\">");
    svg.append("<line x1=\"").append(left).append("\" y1=\"10\" x2=\"").append(left);
    svg.append("\" y2=\"").append(bottom).append("\" stroke=\"#888\"/>");
    svg.append("<line x1=\"").append(left).append("\" y1=\"").append(bottom).append("\" x2=\"");
    svg.append(WIDTH - 10).append("\" y2=\"").append(bottom).append("\" stroke=\"#888\"/>");
    svg.append("<text x=\"2\" y=\"16\" font-size=\"11\">").append(max).append("/s</text>");
    svg.append("<text x=\"").append(left).append("\" y=\"").append(HEIGHT - 8);
    svg.append("\" font-size=\"11\">seconds since the first send (0 to ").append(points.size());
    svg.append(")</text>");
    svg.append(polyline(points, true, max, left, bottom, dx, "#1f77b4"));
    svg.append(polyline(points, false, max, left, bottom, dx, "#2ca02c"));
    svg.append("<text x=\"").append(WIDTH - 200).append("\" y=\"20\" font-size=\"12\" fill=\"");
    svg.append("#1f77b4\">stored/s</text><text x=\"").append(WIDTH - 120);
    svg.append("\" y=\"20\" font-size=\"12\" fill=\"#2ca02c\">confirmed/s</text></svg>");
    return svg.toString();
  }

  private static String polyline(
      List<BenchResult.TimelinePoint> points,
      boolean stored,
      long max,
      int left,
      int bottom,
      double dx,
      String colour) {
    StringBuilder line = new StringBuilder("<polyline fill=\"none\" stroke=\"");
    line.append(colour).append("\" stroke-width=\"2\" points=\"");
    for (int i = 0; i < points.size(); i++) {
      long v = stored ? points.get(i).stored() : points.get(i).confirmed();
      double x = left + dx * (i + 0.5);
      double y = bottom - (bottom - 10) * (v / (double) max);
      line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    return line.append("\"/>").toString();
  }

  private static String cpuChart(BenchResult.Cpu cpu) {
    List<BenchResult.CpuGroup> groups = cpu.groups();
    double max = 1e-9;
    for (BenchResult.CpuGroup g : groups) {
      max = Math.max(max, g.microsPerTransaction());
    }
    int row = 18;
    int labels = 200;
    int height = row * groups.size() + 10;
    StringBuilder svg = new StringBuilder();
    svg.append("<p>In all ").append(fmt(cpu.seconds())).append(" s of CPU, ");
    svg.append(fmt(cpu.microsPerTransaction())).append(" µs per transaction; without the JIT");
    svg.append(" compiler threads (").append(fmt(cpu.jitSeconds())).append(" s) ");
    svg.append(fmt(cpu.microsPerTransactionWithoutJit())).append(" µs per transaction.</p>");
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH);
    svg.append("\" height=\"").append(height).append("\" role=\"img\">");
    for (int i = 0; i < groups.size(); i++) {
      BenchResult.CpuGroup g = groups.get(i);
      double w = (WIDTH - labels - 120) * g.microsPerTransaction() / max;
      int y = i * row + 4;
      svg.append("<text x=\"0\" y=\"").append(y + 12).append("\" font-size=\"12\">");
      svg.append(esc(g.group())).append("</text>");
      svg.append(
          String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" ", labels, y, w));
      svg.append("height=\"14\" fill=\"#ff7f0e\"/>");
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" ", labels + w + 4, y + 12));
      svg.append("font-size=\"12\">").append(fmt(g.microsPerTransaction()));
      svg.append(" µs/tx</text>");
    }
    return svg.append("</svg>").toString();
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String esc(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
