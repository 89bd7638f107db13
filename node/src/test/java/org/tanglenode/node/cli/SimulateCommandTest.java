package org.tanglenode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

  @TempDir Path dir;

  @Test
  void printsTheMeanTipCountNextToThePrediction() {
    CliRun run = CliRun.of("simulate", "--lambda", "20", "--duration", "200", "--seed", "3");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String tips = run.field("mean tips:");
    double mean = Double.parseDouble(tips.substring(0, tips.indexOf(' ')));
    assertThat(mean).isBetween(36.0, 44.0);
    assertThat(tips).contains("k/(k-1)*lambda*h = 40.00");
    assertThat(run.field("left behind:")).isEqualTo("0.000 %");
  }

  @Test
  void csvHasAHeaderAndOneRowPerRunAndIsDeterministic() {
    String[] args = {"simulate", "--lambda", "20", "--duration", "50", "--parents", "4", "--csv"};
    CliRun run = CliRun.of(args);

    assertThat(run.exitCode()).as(run.err()).isZero();
    String[] lines = run.out().strip().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("selector,alpha,").contains(",mean_tips,");
    assertThat(lines[1]).startsWith("uniform,");
    assertThat(lines[1].split(",")).hasSameSizeAs(lines[0].split(","));
    assertThat(CliRun.of(args).out()).isEqualTo(run.out());
  }

  @Test
  void alphasRunTheWalkOncePerValueAndPlotThem() throws Exception {
    Path svg = dir.resolve("alpha.svg");

    CliRun run =
        CliRun.of(
            "simulate",
            "--lambda",
            "10",
            "--duration",
            "30",
            "--alphas",
            "0,0.5",
            "--svg",
            svg.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("| 10 | 2 | 0 |").contains("| 10 | 2 | 0.5 |");
    String plot = Files.readString(svg);
    assertThat(plot).startsWith("<svg").contains("left behind").endsWith("</svg>\n");
  }

  @Test
  void refusesAnUnknownSelectorAndConflictingLengths() {
    CliRun selector = CliRun.of("simulate", "--selector", "greedy");
    CliRun both = CliRun.of("simulate", "--duration", "5", "--transactions", "5");
    CliRun parents = CliRun.of("simulate", "--parents", "9", "--duration", "1");

    assertThat(selector.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(selector.err()).contains("uniform or walk");
    assertThat(both.exitCode()).isEqualTo(TangleCommand.EXIT_USAGE);
    assertThat(parents.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(parents.err()).contains("parents");
  }
}
