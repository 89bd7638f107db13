package org.tanglenode.node.gateway;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.tanglenode.crypto.hash.Blake2b256;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.sensor.SensorReading;

/**
 * Simulated temperature loggers publishing readings to an MQTT broker at QoS 1 (for {@code tangle
 * gateway simulate}, tests, the benchmark and the devnet): {@code sensors} devices named {@code
 * <prefix><n>}, each one reading per {@code interval}, spread evenly over it; values wander between
 * 3 and 7 Cel; every {@code excursionEvery}-th round device 0 reads 11.5 Cel (an excursion of a
 * 2..8 rule). It stops after {@code rounds} rounds or {@code duration}, whichever comes first
 * (neither: until {@link #stop}). Signed readings use a key per device derived from the device id
 * (a simulation, not a key scheme). A reading counts as published when the broker's PUBACK arrives;
 * {@code onAcked} is told of each.
 */
public final class SensorSimulator {

  /** What to simulate. */
  public record Plan(
      int sensors,
      Duration interval,
      Optional<Duration> duration,
      long rounds,
      int excursionEvery,
      boolean signed,
      String devicePrefix,
      String topicPrefix) {
    public Plan {
      if (sensors < 1 || sensors > 1_000_000) {
        throw new IllegalArgumentException("sensors: 1 to 1000000");
      }
      if (interval.isNegative()) {
        throw new IllegalArgumentException("interval: not negative");
      }
      Objects.requireNonNull(duration, "duration");
      if (rounds < 0) {
        throw new IllegalArgumentException("rounds: 0 (no limit) or more");
      }
      if (excursionEvery < 0) {
        throw new IllegalArgumentException("excursion-every: 0 (never) or more");
      }
    }
  }

  private static final int MAX_IN_FLIGHT = 1000;

  private final String broker;
  private final String clientId;
  private final Plan plan;
  private final Clock clock;
  private final Consumer<SensorReading> onAcked;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final SplittableRandom random;
  private volatile boolean stopped;

  public SensorSimulator(
      String broker,
      String clientId,
      Plan plan,
      Clock clock,
      long seed,
      Consumer<SensorReading> onAcked) {
    this.broker = broker;
    this.clientId = clientId;
    this.plan = plan;
    this.clock = clock;
    this.onAcked = onAcked;
    this.random = new SplittableRandom(seed);
  }

  /** The reading of device {@code n} at {@code timeMs} in round {@code round}. */
  SensorReading reading(int n, long timeMs, long round) {
    String device = plan.devicePrefix() + n;
    String value;
    if (n == 0
        && plan.excursionEvery() > 0
        && round % plan.excursionEvery() == plan.excursionEvery() - 1) {
      value = "11.5";
    } else {
      value =
          SensorReading.canonicalDecimal(
              BigDecimal.valueOf(3 + 4 * random.nextDouble()).setScale(2, RoundingMode.HALF_UP));
    }
    SensorReading reading = SensorReading.unsigned(device, timeMs, value, "Cel");
    return plan.signed() ? reading.signedBy(deviceKey(device)) : reading;
  }

  /** The simulated key of a device: the BLAKE2b-256 of its id as the seed. */
  public static Ed25519PrivateKey deviceKey(String device) {
    return Ed25519PrivateKey.fromSeed(
        Blake2b256.digest(
            ("tangle-simulated-device:" + device)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }

  /**
   * Publishes until the duration is over (or for ever without one, until {@link #stop}), then waits
   * up to a minute for the outstanding PUBACKs. Returns the readings acknowledged.
   */
  public long run() throws MqttException, InterruptedException {
    MqttAsyncClient client = new MqttAsyncClient(broker, clientId, new MemoryPersistence());
    Semaphore window = new Semaphore(MAX_IN_FLIGHT);
    try {
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      options.setMaxInflight(MAX_IN_FLIGHT);
      options.setAutomaticReconnect(false);
      client.connect(options).waitForCompletion(30_000);
      long start = System.nanoTime();
      long end = plan.duration().map(d -> start + d.toNanos()).orElse(Long.MAX_VALUE);
      long intervalNanos = plan.interval().toNanos();
      for (long round = 0; !stopped; round++) {
        long roundStart = start + round * intervalNanos;
        for (int n = 0; n < plan.sensors() && !stopped; n++) {
          if (intervalNanos > 0) {
            long due = roundStart + intervalNanos * n / plan.sensors();
            long wait = due - System.nanoTime();
            if (wait > 0) {
              TimeUnit.NANOSECONDS.sleep(wait);
            }
          }
          SensorReading reading = reading(n, clock.millis(), round);
          publish(client, window, reading);
        }
        if (System.nanoTime() >= end || (plan.rounds() > 0 && round + 1 >= plan.rounds())) {
          break;
        }
      }
      window.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS);
      return acked.get();
    } finally {
      try {
        if (client.isConnected()) {
          client.disconnect(5_000).waitForCompletion(10_000);
        }
      } finally {
        client.close(true);
      }
    }
  }

  private void publish(MqttAsyncClient client, Semaphore window, SensorReading reading)
      throws InterruptedException, MqttException {
    window.acquire();
    MqttMessage message = new MqttMessage(reading.encode());
    message.setQos(1);
    published.incrementAndGet();
    client.publish(
        plan.topicPrefix() + "/" + reading.deviceId(),
        message,
        null,
        new IMqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            acked.incrementAndGet();
            window.release();
            onAcked.accept(reading);
          }

          @Override
          public void onFailure(IMqttToken token, Throwable e) {
            failed.incrementAndGet();
            window.release();
          }
        });
  }

  /** Ends {@link #run} after the reading being sent. */
  public void stop() {
    stopped = true;
  }

  public long published() {
    return published.get();
  }

  public long acked() {
    return acked.get();
  }

  public long failed() {
    return failed.get();
  }
}
