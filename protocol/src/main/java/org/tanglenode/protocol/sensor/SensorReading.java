package org.tanglenode.protocol.sensor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.crypto.sign.Ed25519Signature;
import org.tanglenode.protocol.sensor.SensorFormatException.Reason;

/**
 * One sensor reading (docs/sensors.md): which device measured what, when, in which unit, optionally
 * signed by the device's key. Its canonical bytes ({@link #encode}) are one JSON object of ASCII
 * characters only, written in one way; they are what a device signs (without the signature) and
 * what a batch tree hashes as a leaf. The value is a decimal string, not a binary float, so Java,
 * JavaScript and a device's C code all write and compare the same digits.
 *
 * @param deviceId the device, 1 to {@value #MAX_DEVICE_CHARS} characters of the trail id alphabet;
 *     an equipment id, never a person's name or anything else that identifies a person
 * @param timeMs when the device measured, milliseconds since 1970-01-01T00:00:00Z, from 0 to
 *     {@value #MAX_TIME_MS} (the end of year 9999, below 2^53 so JavaScript numbers hold it)
 * @param value the measured value as a canonical decimal ({@link #canonicalDecimal})
 * @param unit the unit, a UCUM case-sensitive code such as {@code Cel}: 1 to {@value
 *     #MAX_UNIT_CHARS} printable ASCII characters other than space, {@code "} and {@code \}
 * @param signature the device's signature, for a signed reading
 */
public record SensorReading(
    String deviceId, long timeMs, String value, String unit, Optional<DeviceSignature> signature) {

  /** The {@code type} member of a reading's canonical form. */
  public static final String TYPE = "sensor-reading";

  /** The only reading version so far. */
  public static final int VERSION = 1;

  public static final int MAX_DEVICE_CHARS = 58;
  public static final int MAX_VALUE_CHARS = 24;
  public static final int MAX_UNIT_CHARS = 16;

  /** 9999-12-31T23:59:59.999Z. */
  public static final long MAX_TIME_MS = 253_402_300_799_999L;

  /** The largest canonical reading; a reader refuses longer input before parsing it. */
  public static final int MAX_BYTES = 512;

  private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,57}");
  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?");
  private static final Pattern UNIT = Pattern.compile("[\\x21\\x23-\\x5b\\x5d-\\x7e]{1,16}");
  private static final List<String> KEYS =
      List.of("type", "v", "device", "time", "value", "unit", "key", "sig");
  private static final HexFormat HEX = HexFormat.of();
  private static final MerkleHasher HASHER = MerkleHasher.blake2b256();
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  public SensorReading {
    if (deviceId == null || !DEVICE.matcher(deviceId).matches()) {
      throw new IllegalArgumentException(
          "device: 1 to "
              + MAX_DEVICE_CHARS
              + " characters of A-Z, a-z, 0-9, '.', '_', ':', '/' or '-', starting with a"
              + " letter or digit");
    }
    if (timeMs < 0 || timeMs > MAX_TIME_MS) {
      throw new IllegalArgumentException(
          "time: milliseconds since 1970 from 0 to " + MAX_TIME_MS + ", not " + timeMs);
    }
    if (!isCanonicalDecimal(value)) {
      throw new IllegalArgumentException(
          "value: a canonical decimal of at most "
              + MAX_VALUE_CHARS
              + " characters (no '+', no leading zeros, no trailing zeros after the point, no"
              + " exponent, no \"-0\"), not "
              + value);
    }
    if (unit == null || !UNIT.matcher(unit).matches()) {
      throw new IllegalArgumentException(
          "unit: 1 to "
              + MAX_UNIT_CHARS
              + " printable ASCII characters other than space, '\"' and '\\' (a UCUM code such as"
              + " Cel)");
    }
    Objects.requireNonNull(signature, "signature");
  }

  /** An unsigned reading. */
  public static SensorReading unsigned(String deviceId, long timeMs, String value, String unit) {
    return new SensorReading(deviceId, timeMs, value, unit, Optional.empty());
  }

  /** This reading signed by {@code device}: its signing bytes name the device's public key. */
  public SensorReading signedBy(Ed25519PrivateKey device) {
    byte[] message = signingBytes(deviceId, timeMs, value, unit, device.publicKey());
    return new SensorReading(
        deviceId,
        timeMs,
        value,
        unit,
        Optional.of(new DeviceSignature(device.publicKey(), device.sign(message))));
  }

  public boolean isSigned() {
    return signature.isPresent();
  }

  /** Whether the reading is signed and its signature verifies under the key it names. */
  public boolean hasValidSignature() {
    return signature
        .map(
            s ->
                s.key().verify(signingBytes(deviceId, timeMs, value, unit, s.key()), s.signature()))
        .orElse(false);
  }

  /**
   * The bytes a device signs: the canonical form with the {@code key} member (when signed) and
   * without {@code sig}.
   */
  public byte[] signingBytes() {
    return signingBytes(
        deviceId, timeMs, value, unit, signature.map(DeviceSignature::key).orElse(null));
  }

  /** The one canonical byte form of this reading (docs/sensors.md), all of it ASCII. */
  public byte[] encode() {
    StringBuilder out =
        prefix(deviceId, timeMs, value, unit, signature.map(DeviceSignature::key).orElse(null));
    signature.ifPresent(
        s -> out.append(",\"sig\":\"").append(HEX.formatHex(s.signature().bytes())).append('"'));
    return out.append('}').toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** The RFC 9162 leaf hash of this reading: BLAKE2b-256 of {@code 0x00 || encode()}. */
  public byte[] leafHash() {
    return HASHER.leafHash(encode());
  }

  /** The value as a number, for comparisons (exact: no binary rounding). */
  public BigDecimal decimalValue() {
    return new BigDecimal(value);
  }

  /**
   * Whether {@code text} is a decimal in its one canonical spelling: an optional {@code -}, an
   * integer part without leading zeros, an optional fraction without trailing zeros, at most
   * {@value #MAX_VALUE_CHARS} characters, and not {@code -0}.
   */
  public static boolean isCanonicalDecimal(String text) {
    return text != null
        && !text.isEmpty()
        && text.length() <= MAX_VALUE_CHARS
        && DECIMAL.matcher(text).matches()
        && !text.equals("-0");
  }

  /** The canonical spelling of {@code number}: {@code 4.250} and {@code 4.25} give {@code 4.25}. */
  public static String canonicalDecimal(BigDecimal number) {
    if (number.signum() == 0) {
      return "0";
    }
    return number.stripTrailingZeros().toPlainString();
  }

  /**
   * Reads a reading from its canonical bytes.
   *
   * @throws SensorFormatException for anything but a valid reading in its one canonical form
   */
  public static SensorReading parse(byte[] bytes) throws SensorFormatException {
    if (bytes.length > MAX_BYTES) {
      throw malformed(bytes.length + " bytes, a reading has at most " + MAX_BYTES);
    }
    if (bytes.length == 0 || bytes[0] != '{') {
      throw malformed("a reading is a JSON object");
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw malformed("not valid JSON");
    }
    return fromJson(root, bytes);
  }

  /**
   * Reads a reading from a JSON tree and checks that {@code canonical} are its canonical bytes; for
   * readings embedded in other files, whose canonical check covers the reading.
   */
  static SensorReading fromJson(JsonNode root, byte[] canonical) throws SensorFormatException {
    SensorReading reading = fromJson(root);
    if (canonical != null && !Arrays.equals(reading.encode(), canonical)) {
      throw new SensorFormatException(
          Reason.NOT_CANONICAL,
          "not in canonical form (member order, white space, escapes or number form)");
    }
    return reading;
  }

  /**
   * Reads a reading from a JSON object with the members of the canonical form in any order and
   * spacing (as a gateway receives them over MQTT or HTTP); the canonical form is rebuilt from the
   * values, so a device signature over it still verifies. Every member is checked as {@link #parse}
   * checks it.
   *
   * @throws SensorFormatException with {@link Reason#MALFORMED}
   */
  public static SensorReading fromJson(JsonNode root) throws SensorFormatException {
    if (root == null || !root.isObject()) {
      throw malformed("a reading is a JSON object");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw malformed("unknown member '" + name + "'");
      }
    }
    if (!TYPE.equals(root.path("type").textValue())) {
      throw malformed("type: must be \"" + TYPE + "\"");
    }
    JsonNode v = root.get("v");
    if (v == null || !v.isInt() || v.intValue() != VERSION) {
      throw malformed("v: must be " + VERSION);
    }
    JsonNode time = root.get("time");
    if (time == null || !time.isIntegralNumber() || !time.canConvertToLong()) {
      throw malformed("time: missing or not a whole number");
    }
    JsonNode key = root.get("key");
    JsonNode sig = root.get("sig");
    if ((key == null) != (sig == null)) {
      throw malformed("key and sig: both or neither");
    }
    try {
      Optional<DeviceSignature> signature = Optional.empty();
      if (key != null) {
        signature =
            Optional.of(
                new DeviceSignature(
                    new Ed25519PublicKey(hex(key, "key", Ed25519PublicKey.SIZE)),
                    new Ed25519Signature(hex(sig, "sig", Ed25519Signature.SIZE))));
      }
      return new SensorReading(
          text(root, "device"),
          time.longValue(),
          text(root, "value"),
          text(root, "unit"),
          signature);
    } catch (IllegalArgumentException e) {
      throw malformed(e.getMessage());
    }
  }

  private static byte[] signingBytes(
      String deviceId, long timeMs, String value, String unit, Ed25519PublicKey key) {
    return prefix(deviceId, timeMs, value, unit, key)
        .append('}')
        .toString()
        .getBytes(StandardCharsets.US_ASCII);
  }

  // Every member's characters are restricted to ASCII that JSON writes unescaped, so the form is
  // built directly and any JSON library reads it back as the same values.
  private static StringBuilder prefix(
      String deviceId, long timeMs, String value, String unit, Ed25519PublicKey key) {
    StringBuilder out = new StringBuilder(300);
    out.append("{\"type\":\"").append(TYPE).append("\",\"v\":").append(VERSION);
    out.append(",\"device\":\"").append(deviceId).append('"');
    out.append(",\"time\":").append(timeMs);
    out.append(",\"value\":\"").append(value).append('"');
    out.append(",\"unit\":\"").append(unit).append('"');
    if (key != null) {
      out.append(",\"key\":\"").append(key.toHex()).append('"');
    }
    return out;
  }

  private static String text(JsonNode root, String name) throws SensorFormatException {
    JsonNode node = root.get(name);
    if (node == null || !node.isTextual()) {
      throw malformed(name + ": missing or not a string");
    }
    return node.textValue();
  }

  private static byte[] hex(JsonNode node, String name, int size) {
    String text = node.textValue();
    if (text == null
        || text.length() != 2 * size
        || !text.chars().allMatch(SensorReading::isLowerHex)) {
      throw new IllegalArgumentException(name + ": " + 2 * size + " lowercase hex digits");
    }
    return HEX.parseHex(text);
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  private static SensorFormatException malformed(String message) {
    return new SensorFormatException(Reason.MALFORMED, message);
  }

  @Override
  public String toString() {
    return "SensorReading["
        + deviceId
        + " "
        + timeMs
        + " "
        + value
        + " "
        + unit
        + signature.map(s -> " signed by " + s.key().toHex()).orElse(" unsigned")
        + "]";
  }
}
