package org.tanglenode.node.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.tanglenode.protocol.sensor.SensorFormatException;
import org.tanglenode.protocol.sensor.SensorReading;
import org.tanglenode.storage.gateway.Appended;
import org.tanglenode.storage.gateway.GatewayStore;
import org.tanglenode.storage.gateway.IncomingReading;
import org.tanglenode.storage.gateway.Leaf;

/**
 * Where readings enter, from MQTT and HTTP alike: decodes them (JSON reading objects,
 * docs/sensors.md), checks a device signature when there is one, and hands them to the store; the
 * future completes once they are durable, and only then are they passed on to the {@link
 * ReadingListener} (the cold-chain rules), in arrival order.
 */
final class ReadingIntake {

  /** A reading as stored: its sequence number and whether it was a redelivery. */
  record Taken(SensorReading reading, Leaf leaf, Appended appended) {}

  private final GatewayStore store;
  private final ReadingListener listener;
  private final ObjectMapper json;
  private final Counter accepted;
  private final Counter duplicates;
  private final Counter refused;

  ReadingIntake(
      GatewayStore store, ReadingListener listener, ObjectMapper json, MeterRegistry meters) {
    this.store = store;
    this.listener = listener;
    this.json = json;
    this.accepted =
        Counter.builder("tangle.gateway.readings.stored")
            .description("Readings stored durably")
            .register(meters);
    this.duplicates =
        Counter.builder("tangle.gateway.readings.duplicate")
            .description("Readings received again after they were stored (QoS 1 redeliveries)")
            .register(meters);
    this.refused =
        Counter.builder("tangle.gateway.readings.refused")
            .description("Messages or requests refused as not readings")
            .register(meters);
  }

  /**
   * One reading (an MQTT message): a JSON reading object, members in any order.
   *
   * @throws ReadingRefused if it is not one
   */
  SensorReading decodeOne(byte[] bytes) {
    if (bytes.length > SensorReading.MAX_BYTES) {
      refused.increment();
      throw new ReadingRefused(
          ReadingRefused.Code.MALFORMED_READING,
          -1,
          bytes.length + " bytes; a reading has at most " + SensorReading.MAX_BYTES);
    }
    JsonNode root;
    try {
      root = json.readTree(bytes);
    } catch (IOException e) {
      refused.increment();
      throw new ReadingRefused(ReadingRefused.Code.NOT_JSON, -1, "the message is not JSON");
    }
    return reading(root, -1);
  }

  /**
   * A JSON body: one reading object or a list of them, at most {@code max}.
   *
   * @throws ReadingRefused for anything else; nothing of a refused body is stored
   */
  List<SensorReading> decodeBody(byte[] body, int max) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      refused.increment();
      throw new ReadingRefused(ReadingRefused.Code.NOT_JSON, -1, "the body is not JSON");
    }
    if (root == null || !(root.isObject() || root.isArray())) {
      refused.increment();
      throw new ReadingRefused(
          ReadingRefused.Code.NOT_JSON, -1, "a reading object or a list of reading objects");
    }
    List<JsonNode> elements = new ArrayList<>();
    if (root.isObject()) {
      elements.add(root);
    } else {
      root.forEach(elements::add);
    }
    if (elements.isEmpty()) {
      refused.increment();
      throw new ReadingRefused(ReadingRefused.Code.NO_READINGS, -1, "the list is empty");
    }
    if (elements.size() > max) {
      refused.increment();
      throw new ReadingRefused(
          ReadingRefused.Code.TOO_MANY_READINGS,
          -1,
          elements.size() + " readings; at most " + max + " in one request");
    }
    List<SensorReading> readings = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      readings.add(reading(elements.get(i), i));
    }
    return readings;
  }

  /**
   * A reading from its JSON object: members in any order and spacing (SensorReading.fromJson); the
   * values are checked as strictly as in the canonical form, which is rebuilt from them, so a
   * device signature over the canonical form still verifies.
   */
  private SensorReading reading(JsonNode node, int index) {
    try {
      return checked(SensorReading.fromJson(node), index);
    } catch (SensorFormatException e) {
      refused.increment();
      throw new ReadingRefused(ReadingRefused.Code.MALFORMED_READING, index, e.getMessage());
    }
  }

  private SensorReading checked(SensorReading reading, int index) {
    if (reading.isSigned() && !reading.hasValidSignature()) {
      refused.increment();
      throw new ReadingRefused(
          ReadingRefused.Code.DEVICE_SIGNATURE_INVALID,
          index,
          "the signature of device " + reading.deviceId() + " does not verify");
    }
    return reading;
  }

  /**
   * Stores readings; {@code wait}: wait for room in the writer's queue (MQTT) rather than fail with
   * {@link org.tanglenode.storage.gateway.StoreFullException} (HTTP).
   */
  CompletableFuture<List<Taken>> store(List<SensorReading> readings, boolean wait)
      throws InterruptedException {
    List<IncomingReading> incoming = new ArrayList<>(readings.size());
    List<Leaf> leaves = new ArrayList<>(readings.size());
    for (SensorReading r : readings) {
      Leaf leaf = new Leaf(r.leafHash());
      leaves.add(leaf);
      incoming.add(new IncomingReading(leaf, r.encode()));
    }
    CompletableFuture<List<Appended>> stored =
        wait ? store.append(incoming) : store.tryAppend(incoming);
    // Runs on the store's writer thread, group after group: arrival order.
    return stored.thenApply(
        appended -> {
          List<Taken> taken = new ArrayList<>(appended.size());
          for (int i = 0; i < appended.size(); i++) {
            Taken t = new Taken(readings.get(i), leaves.get(i), appended.get(i));
            taken.add(t);
            if (t.appended().duplicate()) {
              duplicates.increment();
            } else {
              accepted.increment();
              listener.stored(t);
            }
          }
          return taken;
        });
  }
}
