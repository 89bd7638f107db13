package org.tanglenode.node.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.tanglenode.node.gateway.SensorSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulated temperature loggers: publishes readings to an MQTT broker at QoS 1, for tests"
          + " and demos. Each of N sensors sends one reading every S seconds, spread evenly;"
          + " values wander between 3 and 7 Cel, and with --excursion-every K sensor 0 reads"
          + " 11.5 Cel every K-th round. Prints how many readings the broker acknowledged."
    })
final class GatewaySimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--broker",
      defaultValue = "tcp://127.0.0.1:1883",
      description = "The MQTT broker (default: ${DEFAULT-VALUE}).")
  String broker;

  @Option(
      names = "--sensors",
      defaultValue = "10",
      description = "How many sensors (default: ${DEFAULT-VALUE}).")
  int sensors;

  @Option(
      names = "--interval",
      paramLabel = "S",
      defaultValue = "60",
      description =
          "Seconds between two readings of a sensor (default: ${DEFAULT-VALUE}; 0: as fast as the broker takes them).")
  double intervalSeconds;

  @Option(
      names = "--duration",
      paramLabel = "D",
      description = "Stop after D seconds (default: run until stopped, or --rounds).")
  Double durationSeconds;

  @Option(
      names = "--rounds",
      defaultValue = "0",
      description = "Stop after this many readings per sensor (default: no limit).")
  long rounds;

  @Option(
      names = "--excursion-every",
      paramLabel = "K",
      defaultValue = "0",
      description = "Every K-th round sensor 0 reads out of 2..8 Cel (default: never).")
  int excursionEvery;

  @Option(names = "--signed", description = "Sign each reading with the sensor's simulated key.")
  boolean signed;

  @Option(
      names = "--device-prefix",
      defaultValue = "sim-logger-",
      description = "Device ids are this and a number (default: ${DEFAULT-VALUE}).")
  String devicePrefix;

  @Option(
      names = "--topic-prefix",
      defaultValue = "tangle/readings",
      description = "Readings go to PREFIX/DEVICE (default: ${DEFAULT-VALUE}).")
  String topicPrefix;

  @Override
  public Integer call() {
    SensorSimulator.Plan plan;
    try {
      plan =
          new SensorSimulator.Plan(
              sensors,
              Duration.ofNanos((long) (intervalSeconds * 1e9)),
              Optional.ofNullable(durationSeconds).map(d -> Duration.ofNanos((long) (d * 1e9))),
              rounds,
              excursionEvery,
              signed,
              devicePrefix,
              topicPrefix);
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
    SensorSimulator simulator =
        new SensorSimulator(
            broker,
            "tangle-simulator-" + ProcessHandle.current().pid(),
            plan,
            Clock.systemUTC(),
            System.nanoTime(),
            reading -> {});
    Thread hook = new Thread(simulator::stop, "tangle-simulator-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    long start = System.nanoTime();
    long acked;
    try {
      acked = simulator.run();
    } catch (MqttException e) {
      throw new CommandFailedException("MQTT broker " + broker + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException("interrupted", e);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "published %d readings, %d acknowledged by the broker (QoS 1), %d failed, in %.1f s%n",
        simulator.published(), acked, simulator.failed(), seconds);
    out.flush();
    return simulator.failed() == 0 ? TangleCommand.EXIT_OK : TangleCommand.EXIT_FAILURE;
  }
}
