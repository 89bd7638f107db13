package org.tanglenode.consensus.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.tanglenode.consensus.tipselection.TipSelectorConfig;
import org.tanglenode.consensus.tipselection.TipSelectorConfig.Kind;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class AlphaPlotTest {

  private static SimulationReport run(double alpha, double tips, double leftBehind) {
    SimulationConfig config =
        SimulationConfig.of(50, 1, 2, TipSelectorConfig.of(Kind.WALK).withAlpha(alpha), 100);
    return new SimulationReport(config, 7000, 5000, tips, tips, leftBehind, 2, 1, 15, 13, 0, 0);
  }

  @Test
  void drawsOneBarPerRunInEachPanelWithHeightsProportionalToTheValues() throws Exception {
    List<SimulationReport> runs = List.of(run(0, 100, 0), run(0.5, 40, 0.4), run(1, 30, 0.5));

    Document svg =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new ByteArrayInputStream(
                    new AlphaPlot(runs).svg().getBytes(StandardCharsets.UTF_8)));

    NodeList rects = svg.getElementsByTagName("rect");
    List<Double> heights = new ArrayList<>();
    for (int i = 1; i < rects.getLength(); i++) { // the first is the background
      heights.add(Double.parseDouble(((Element) rects.item(i)).getAttribute("height")));
    }
    assertThat(heights).hasSize(6);
    assertThat(heights.get(1) / heights.get(0)).isCloseTo(0.4, within(0.01));
    assertThat(heights.get(2) / heights.get(0)).isCloseTo(0.3, within(0.01));
    assertThat(heights.get(3)).isZero();
    assertThat(heights.get(4) / heights.get(5)).isCloseTo(0.8, within(0.01));
    assertThat(svg.getDocumentElement().getTextContent())
        .contains("left behind")
        .contains("k/(k-1) lambda h = 100");
  }
}
