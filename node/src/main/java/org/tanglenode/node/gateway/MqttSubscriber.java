package org.tanglenode.node.gateway;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.protocol.sensor.SensorReading;

/**
 * Subscribes to the readings topic at QoS 1 with a persistent session ({@code cleanSession} false,
 * a fixed client id) and acknowledges a message only once its reading is durable: Paho's manual
 * acknowledgements send the PUBACK when the store's future completes, not when {@code
 * messageArrived} returns, so many messages share one fsync. A message the gateway did not
 * acknowledge before a crash is delivered again by the broker when the gateway reconnects; the
 * store recognises it by its leaf hash. A message that is not a reading is logged, counted and
 * acknowledged (sending it again would not make it one).
 */
final class MqttSubscriber implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MqttSubscriber.class);

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  private final GatewayConfig.Mqtt config;
  private final ReadingIntake intake;
  private final int maxReadingsPerMessage;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private MqttAsyncClient client;

  MqttSubscriber(GatewayConfig.Mqtt config, ReadingIntake intake, int maxReadingsPerMessage) {
    this.config = config;
    this.intake = intake;
    this.maxReadingsPerMessage = maxReadingsPerMessage;
  }

  /** Connects and subscribes; waits up to 30 s for the broker. */
  void start() {
    if (!state.compareAndSet(State.NEW, State.RUNNING)) {
      throw new IllegalStateException("the MQTT subscriber was started before or is closed");
    }
    try {
      client = new MqttAsyncClient(config.broker(), config.clientId(), new MemoryPersistence());
      client.setManualAcks(true);
      client.setCallback(new Callback());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(false);
      options.setAutomaticReconnect(true);
      options.setMaxReconnectDelay(5_000);
      options.setKeepAliveInterval(30);
      options.setConnectionTimeout(30);
      client.connect(options).waitForCompletion(TimeUnit.SECONDS.toMillis(30));
      // Subscribed before start returns, so that a publisher started after the gateway loses
      // nothing; the session keeps the subscription across reconnects and restarts.
      client.subscribe(config.topic(), 1).waitForCompletion(TimeUnit.SECONDS.toMillis(30));
      LOG.info("Subscribed to {} at {} (QoS 1)", config.topic(), config.broker());
    } catch (MqttException e) {
      throw new GatewayStartException(
          "cannot connect to the MQTT broker at " + config.broker() + ": " + e.getMessage(), e);
    }
  }

  private final class Callback implements MqttCallbackExtended {

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      if (!reconnect) {
        return; // start() subscribes
      }
      try {
        // The session keeps the subscription; subscribing again on every connect also covers a
        // broker that lost its sessions (persistence off and restarted).
        client.subscribe(config.topic(), 1);
        LOG.info(
            "Reconnected to MQTT broker {}, subscribed to {} at QoS 1", serverUri, config.topic());
      } catch (MqttException e) {
        LOG.error("cannot subscribe to {}", config.topic(), e);
      }
    }

    @Override
    public void connectionLost(Throwable cause) {
      LOG.warn("Lost the MQTT broker ({}); reconnecting", String.valueOf(cause));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      try {
        List<SensorReading> readings;
        byte[] payload = message.getPayload();
        try {
          readings =
              payload.length > 0 && payload[0] == '['
                  ? intake.decodeBody(payload, maxReadingsPerMessage)
                  : List.of(intake.decodeOne(payload));
        } catch (ReadingRefused e) {
          LOG.warn("Refused a message on {}: {} {}", topic, e.code(), e.getMessage());
          acknowledge(message);
          return;
        }
        intake
            .store(readings, true)
            .whenComplete(
                (taken, failure) -> {
                  if (failure == null) {
                    acknowledge(message);
                  } else {
                    // Not acknowledged: the broker sends it again after a reconnect.
                    LOG.error(
                        "Could not store a reading from {}; not acknowledged", topic, failure);
                  }
                });
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.error("Could not take a message from {}; not acknowledged", topic, e);
      }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // the gateway publishes nothing
    }
  }

  private void acknowledge(MqttMessage message) {
    if (message.getQos() == 0) {
      return;
    }
    try {
      client.messageArrivedComplete(message.getId(), message.getQos());
    } catch (MqttException e) {
      LOG.warn("Could not acknowledge message {}: {}", message.getId(), e.getMessage());
    }
  }

  @Override
  public void close() {
    if (state.getAndSet(State.CLOSED) != State.RUNNING || client == null) {
      return;
    }
    try {
      if (client.isConnected()) {
        client.disconnect(2_000).waitForCompletion(5_000);
      }
    } catch (MqttException e) {
      LOG.debug("disconnecting from the broker", e);
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("closing the MQTT client", e);
    }
  }
}
