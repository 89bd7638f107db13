package org.tanglenode.consensus.simulation;

import java.util.List;
import java.util.Locale;

/**
 * Draws the effect of alpha as a small hand-written SVG: two bar charts side by side, the mean tip
 * count (left-behind tips not counted, with the uniform-selection prediction as a dashed line) and
 * the share of transactions left behind, one bar per run.
 */
public final class AlphaPlot {

  private static final int PANEL_WIDTH = 340;
  private static final int PANEL_HEIGHT = 220;
  private static final int TOP = 60;
  private static final int LEFT = 50;
  private static final int GAP = 70;

  private final List<SimulationReport> runs;

  /** A plot of walk runs that differ in alpha only, in the order given. */
  public AlphaPlot(List<SimulationReport> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("nothing to plot");
    }
    this.runs = List.copyOf(runs);
  }

  /** The SVG document. */
  public String svg() {
    SimulationConfig config = runs.get(0).config();
    int width = LEFT + 2 * PANEL_WIDTH + GAP + 20;
    int height = TOP + PANEL_HEIGHT + 75;
    StringBuilder svg = new StringBuilder();
    svg.append(
        format(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d"
                + " %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
            width, height, width, height));
    svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width, height));
    svg.append(
        format(
            "<text x=\"%d\" y=\"20\" font-size=\"14\">Weighted random walk: effect of alpha"
                + " (lambda %s/s, h %s s, k %d, walk start %d milestones deep)</text>\n",
            LEFT,
            number(config.lambda()),
            number(config.delay()),
            config.parents(),
            config.selector().walkStartDepth()));
    svg.append(
        format(
            "<text x=\"%d\" y=\"38\" fill=\"#555\">%s s measured, milestone every %s s, seed %d;"
                + " from tangle simulate --alphas</text>\n",
            LEFT, number(config.measure()), number(config.milestoneInterval()), config.seed()));

    double[] tips = new double[runs.size()];
    double[] behind = new double[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      tips[i] = runs.get(i).meanTipsWithoutLeftBehind();
      behind[i] = 100 * runs.get(i).leftBehindFraction();
    }
    double predicted = config.predictedTips();
    panel(svg, LEFT, "mean tips (left-behind not counted)", tips, predicted, "%.1f");
    panel(svg, LEFT + PANEL_WIDTH + GAP, "left behind (% of transactions)", behind, -1, "%.1f");
    svg.append("</svg>\n");
    return svg.toString();
  }

  private void panel(
      StringBuilder svg, int x0, String title, double[] values, double reference, String label) {
    double max = reference;
    for (double value : values) {
      max = Math.max(max, value);
    }
    max = max <= 0 ? 1 : niceCeiling(max * 1.1);
    int bottom = TOP + PANEL_HEIGHT;
    svg.append(
        format("<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>\n", x0, TOP - 8, title));
    svg.append(
        format(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n",
            x0, bottom, x0 + PANEL_WIDTH, bottom));
    svg.append(
        format(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n",
            x0, TOP, x0, bottom));
    for (int tick = 0; tick <= 4; tick++) {
      double value = max * tick / 4;
      double y = bottom - PANEL_HEIGHT * tick / 4.0;
      svg.append(
          format(
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
              x0 + 1, y, x0 + PANEL_WIDTH, y));
      svg.append(
          format(
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
              x0 - 4, y + 4, number(value)));
    }
    double slot = (double) PANEL_WIDTH / values.length;
    for (int i = 0; i < values.length; i++) {
      double h = PANEL_HEIGHT * values[i] / max;
      double x = x0 + slot * i + slot * 0.2;
      svg.append(
          format(
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a78b5\"/>\n",
              x, bottom - h, slot * 0.6, h));
      svg.append(
          format(
              "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
              x + slot * 0.3, bottom - h - 4, format(label, values[i])));
      svg.append(
          format(
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
              x + slot * 0.3, bottom + 16, number(runs.get(i).config().selector().alpha())));
    }
    svg.append(
        format(
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">alpha</text>\n",
            x0 + PANEL_WIDTH / 2, bottom + 34));
    if (reference > 0) {
      double y = bottom - PANEL_HEIGHT * reference / max;
      svg.append(
          format(
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c0392b\""
                  + " stroke-dasharray=\"6 4\"/>\n",
              x0, y, x0 + PANEL_WIDTH, y));
      svg.append(
          format(
              "<text x=\"%d\" y=\"%d\" fill=\"#c0392b\">dashed: uniform random selection,"
                  + " k/(k-1) lambda h = %s</text>\n",
              x0, bottom + 54, number(reference)));
    }
  }

  private static double niceCeiling(double value) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e9) {
      return Long.toString((long) value);
    }
    return format("%s", Double.toString(value));
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
