package org.tanglenode.node.devnet;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.node.gateway.Gateway;
import org.tanglenode.node.gateway.GatewayConfig;
import org.tanglenode.protocol.sensor.SensorReading;

/**
 * The devnet's cold-chain shipment: a sensor gateway in the devnet's process (HTTP intake only, no
 * broker needed) with a 2 to 8 °C rule for the demo shipment's trail, and two temperature loggers
 * that report every {@code intervalMs}. Now and then the loggers warm up past 8 °C for a while, so
 * the gateway records an excursion on the shipment's trail, next to the demo traffic's events.
 */
public final class ColdChainDemo implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ColdChainDemo.class);
  static final String TRAIL = "shipment-4711";
  static final List<String> LOGGERS = List.of("logger-4711-a", "logger-4711-b");

  private final Gateway gateway;
  private final Clock clock;
  private final RandomGenerator random;
  private final long intervalMs;
  private final int excursionEvery;
  private final HttpClient http = HttpClient.newHttpClient();
  private ScheduledExecutorService scheduler;
  private long tick; // the scheduler thread's only

  /**
   * @param excursionEvery one excursion per this many ticks, lasting a fifth of them
   * @param batchInterval how often the gateway closes a batch
   */
  public ColdChainDemo(
      DevnetFiles files,
      URI nodeApi,
      String token,
      Path dataDir,
      Clock clock,
      RandomGenerator random,
      long intervalMs,
      int excursionEvery,
      Duration batchInterval) {
    this.clock = clock;
    this.random = random;
    this.intervalMs = intervalMs;
    this.excursionEvery = excursionEvery;
    GatewayConfig config =
        new GatewayConfig(
            "devnet-gateway",
            dataDir,
            files.dir().resolve("demo-1.key"),
            new GatewayConfig.BatchLimits(
                batchInterval, GatewayConfig.BatchLimits.DEFAULT_MAX_READINGS),
            new GatewayConfig.NodeLink(nodeApi, Optional.of(token), Duration.ofSeconds(30)),
            Optional.empty(),
            new GatewayConfig.Http("127.0.0.1", 0, 1 << 20, 1_000, 0, Optional.empty()),
            new GatewayConfig.Store(4096, 4096),
            List.of(
                new GatewayConfig.ColdChainRuleConfig(
                    TRAIL, LOGGERS, "2", "8", "Cel", Duration.ZERO)));
    // The gateway signs with demo-1's key, an issuer the devnet genesis names.
    this.gateway = new Gateway(config, files.demoKeys().get(0), clock, new SimpleMeterRegistry());
  }

  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    gateway.start();
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "devnet-cold-chain");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(this::tick, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
  }

  /** Where the gateway's HTTP listener is (readings, receipts). */
  public InetSocketAddress gatewayAddress() {
    return gateway.httpAddress();
  }

  /** Readings below this sequence number are in confirmed batches. */
  public long confirmedUpTo() {
    return gateway.confirmedUpTo();
  }

  private void tick() {
    long n = tick++;
    boolean warm = n % excursionEvery >= excursionEvery - Math.max(1, excursionEvery / 5);
    StringJoiner body = new StringJoiner(",", "[", "]");
    for (String logger : LOGGERS) {
      double celsius = (warm ? 9.5 : 5.0) + random.nextDouble(-1.0, 1.0);
      String value =
          SensorReading.canonicalDecimal(
              BigDecimal.valueOf(celsius).setScale(2, RoundingMode.HALF_EVEN));
      body.add(
          new String(
              SensorReading.unsigned(logger, clock.millis(), value, "Cel").encode(),
              StandardCharsets.US_ASCII));
    }
    InetSocketAddress address = gateway.httpAddress();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://" + address.getHostString() + ":" + address.getPort() + "/readings"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 202) {
        LOG.warn(
            "Cold-chain demo: the gateway answered {}: {}", answer.statusCode(), answer.body());
      }
    } catch (IOException e) {
      LOG.warn("Cold-chain demo: readings not sent: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    gateway.close();
  }
}
