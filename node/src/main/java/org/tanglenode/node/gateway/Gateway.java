package org.tanglenode.node.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.storage.gateway.GatewayStore;

/**
 * The sensor gateway (docs/sensors.md, gateway section): its database, the batcher that anchors
 * batches through the node, the MQTT subscriber and the HTTP listener, with the cold-chain rules
 * fed by what is stored. Starts them in that order and closes them in reverse.
 *
 * <pre>
 *   NEW --start()--> RUNNING --close()--> CLOSED   (close() is idempotent)
 * </pre>
 */
public final class Gateway implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  private final GatewayConfig config;
  private final Ed25519PrivateKey key;
  private final Clock clock;
  private final MeterRegistry meters;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final List<AutoCloseable> started = new ArrayList<>();
  private GatewayStore store;
  private Batcher batcher;
  private GatewayHttpServer http;

  public Gateway(GatewayConfig config, Ed25519PrivateKey key, Clock clock, MeterRegistry meters) {
    this.config = config;
    this.key = key;
    this.clock = clock;
    this.meters = meters;
  }

  public void start() {
    if (!state.compareAndSet(State.NEW, State.RUNNING)) {
      throw new IllegalStateException("the gateway was started before or is closed");
    }
    try {
      store =
          new GatewayStore(
              config.dataDir(),
              config.store().queueCapacity(),
              config.store().maxGroupReadings(),
              meters);
      store.start();
      started.add(store);
      NodeApi node = new NodeApi(config.node().url(), config.node().token(), json);
      PowSolver solver = new PowSolver(Math.max(1, Runtime.getRuntime().availableProcessors()));
      solver.start();
      started.add(solver);
      batcher =
          new Batcher(
              config.id(),
              store,
              new RecordIssuer(node, key, clock, solver),
              node,
              config.batch(),
              config.node().reissueAfter(),
              clock,
              meters);
      ReadingListener listener = ReadingListener.NONE;
      if (!config.rules().isEmpty()) {
        ColdChain coldChain = ColdChain.of(config.rules(), batcher::append);
        replay(coldChain);
        listener = coldChain;
      }
      ReadingIntake intake = new ReadingIntake(store, listener, json, meters);
      batcher.start();
      started.add(batcher);
      ReceiptService receipts = new ReceiptService(config.id(), store, node);
      http = new GatewayHttpServer(config.http(), intake, receipts, this::health, json, meters);
      http.start();
      started.add(http);
      if (config.mqtt().isPresent()) {
        MqttSubscriber mqtt =
            new MqttSubscriber(config.mqtt().get(), intake, config.http().maxReadingsPerRequest());
        mqtt.start();
        started.add(mqtt);
      }
      LOG.info(
          "Gateway {} started: HTTP on {}, MQTT {}, node {}",
          config.id(),
          http.localAddress(),
          config.mqtt().map(GatewayConfig.Mqtt::broker).orElse("off"),
          config.node().url());
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Feeds the stored readings to the cold-chain rules again, so open excursions are known. */
  private void replay(ColdChain coldChain) {
    long from = 0;
    long end = store.nextSequence();
    while (from < end) {
      List<org.tanglenode.storage.gateway.StoredReading> rows = store.readings(from, 4096);
      if (rows.isEmpty()) {
        break;
      }
      for (org.tanglenode.storage.gateway.StoredReading row : rows) {
        try {
          coldChain.replay(org.tanglenode.protocol.sensor.SensorReading.parse(row.canonical()));
        } catch (org.tanglenode.protocol.sensor.SensorFormatException e) {
          throw new IllegalStateException("stored reading " + row.sequence() + " is damaged", e);
        }
      }
      from = rows.get(rows.size() - 1).sequence() + 1;
    }
    LOG.info("Cold-chain rules: replayed {} stored readings", end);
  }

  /** Where the HTTP listener is (the real port when configured with 0). */
  public InetSocketAddress httpAddress() {
    return http.localAddress();
  }

  /** What {@code GET /health} answers. */
  Map<String, Object> health() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", "ok");
    out.put("gateway", config.id());
    out.put("stored", store.nextSequence());
    out.put("unbatched", batcher.unbatched());
    out.put("confirmedUpTo", batcher.confirmedUpTo());
    return out;
  }

  /** Readings stored so far. */
  public long stored() {
    return store.nextSequence();
  }

  /** Every reading below this sequence number is in a confirmed batch. */
  public long confirmedUpTo() {
    return batcher.confirmedUpTo();
  }

  public Optional<GatewayConfig.Mqtt> mqtt() {
    return config.mqtt();
  }

  @Override
  public void close() {
    if (state.getAndSet(State.CLOSED) == State.CLOSED) {
      return;
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        LOG.warn("closing {}", started.get(i).getClass().getSimpleName(), e);
      }
    }
    started.clear();
  }
}
