package org.tanglenode.protocol.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.crypto.sign.Ed25519Signature;
import org.tanglenode.protocol.sensor.SensorFormatException.Reason;

class SensorReadingTest {

  private static final String UNSIGNED =
      "{\"type\":\"sensor-reading\",\"v\":1,\"device\":\"logger-17\",\"time\":1767225661500,"
          + "\"value\":\"4.25\",\"unit\":\"Cel\"}";

  private static final SensorReading READING =
      SensorReading.unsigned("logger-17", 1_767_225_661_500L, "4.25", "Cel");

  @Test
  void anUnsignedReadingHasOneCanonicalForm() throws Exception {
    assertThat(new String(READING.encode(), StandardCharsets.US_ASCII)).isEqualTo(UNSIGNED);
    assertThat(SensorReading.parse(UNSIGNED.getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(READING);
    assertThat(READING.signingBytes()).isEqualTo(READING.encode());
  }

  @Test
  void theLeafIsTheRfc9162LeafHashOfTheCanonicalBytes() {
    assertThat(READING.leafHash())
        .isEqualTo(
            MerkleHasher.blake2b256().leafHash(UNSIGNED.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aSignedReadingSignsItsBytesWithTheKeyAndWithoutTheSignature() throws Exception {
    SensorReading signed = READING.signedBy(SensorFixture.registeredDevice());
    String key = SensorFixture.registeredDevice().publicKey().toHex();
    String signing = UNSIGNED.substring(0, UNSIGNED.length() - 1) + ",\"key\":\"" + key + "\"}";

    assertThat(new String(signed.signingBytes(), StandardCharsets.US_ASCII)).isEqualTo(signing);
    assertThat(new String(signed.encode(), StandardCharsets.US_ASCII))
        .isEqualTo(
            signing.substring(0, signing.length() - 1)
                + ",\"sig\":\""
                + signed.signature().orElseThrow().signature().toHex()
                + "\"}");
    assertThat(signed.hasValidSignature()).isTrue();
    assertThat(READING.hasValidSignature()).isFalse();
    assertThat(SensorReading.parse(signed.encode())).isEqualTo(signed);
    assertThat(signed.leafHash()).isNotEqualTo(READING.leafHash());
  }

  @Test
  void aSignatureOverOtherBytesOrUnderAnotherKeyDoesNotVerify() {
    SensorReading signed = READING.signedBy(SensorFixture.registeredDevice());
    DeviceSignature s = signed.signature().orElseThrow();
    SensorReading otherValue =
        new SensorReading("logger-17", READING.timeMs(), "4.26", "Cel", Optional.of(s));
    SensorReading otherKey =
        new SensorReading(
            "logger-17",
            READING.timeMs(),
            "4.25",
            "Cel",
            Optional.of(
                new DeviceSignature(SensorFixture.unknownDevice().publicKey(), s.signature())));
    byte[] sig = s.signature().bytes();
    sig[0] ^= 1;
    SensorReading flipped =
        new SensorReading(
            "logger-17",
            READING.timeMs(),
            "4.25",
            "Cel",
            Optional.of(new DeviceSignature(s.key(), new Ed25519Signature(sig))));

    assertThat(otherValue.hasValidSignature()).isFalse();
    assertThat(otherKey.hasValidSignature()).isFalse();
    assertThat(flipped.hasValidSignature()).isFalse();
  }

  @Test
  void decimalsHaveOneSpelling() {
    for (String ok :
        List.of("0", "4.25", "-0.5", "-12", "100", "0.001", "12345678901234567890.12")) {
      assertThat(SensorReading.isCanonicalDecimal(ok)).as(ok).isTrue();
    }
    for (String bad :
        List.of(
            "",
            "-0",
            "+4",
            "04.25",
            "4.250",
            "4.",
            ".5",
            "4.0",
            "1e3",
            "4,25",
            " 4",
            "NaN",
            "-",
            "--1",
            "0.0",
            "1234567890123456789012345")) {
      assertThat(SensorReading.isCanonicalDecimal(bad)).as(bad).isFalse();
    }
    assertThat(SensorReading.canonicalDecimal(new BigDecimal("4.250"))).isEqualTo("4.25");
    assertThat(SensorReading.canonicalDecimal(new BigDecimal("-0.00"))).isEqualTo("0");
    assertThat(SensorReading.canonicalDecimal(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(READING.decimalValue()).isEqualByComparingTo("4.25");
  }

  @Test
  void membersAreBounded() {
    assertThatThrownBy(() -> SensorReading.unsigned("-x", 0, "1", "Cel"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SensorReading.unsigned("a".repeat(59), 0, "1", "Cel"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SensorReading.unsigned("ok", -1, "1", "Cel"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> SensorReading.unsigned("ok", SensorReading.MAX_TIME_MS + 1, "1", "Cel"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SensorReading.unsigned("ok", 0, "1", "deg C"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SensorReading.unsigned("ok", 0, "1", "a\"b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SensorReading.unsigned("ok", 0, "1", "x".repeat(17)))
        .isInstanceOf(IllegalArgumentException.class);
    SensorReading longest =
        SensorReading.unsigned(
                "a".repeat(58),
                SensorReading.MAX_TIME_MS,
                "-" + "9".repeat(23),
                "[degF]".repeat(2) + "abcd")
            .signedBy(SensorFixture.unknownDevice());
    assertThat(longest.encode().length).isLessThanOrEqualTo(SensorReading.MAX_BYTES);
  }

  @Test
  void theReaderRefusesEveryOtherSpelling() {
    String key = "\"key\":\"" + "00".repeat(32) + "\"";
    for (String bad :
        List.of(
            UNSIGNED.replace("\"v\":1,", "\"v\":1, "),
            UNSIGNED.replace(
                "{\"type\":\"sensor-reading\",\"v\":1,", "{\"v\":1,\"type\":\"sensor-reading\","),
            UNSIGNED + "\n",
            UNSIGNED.replace("Cel", "C\\u0065l"),
            UNSIGNED.replace("1767225661500", "1767225661500.0"),
            UNSIGNED.replace("1767225661500", "1.7672256615E12"))) {
      assertThatThrownBy(() -> SensorReading.parse(bad.getBytes(StandardCharsets.UTF_8)))
          .as(bad)
          .isInstanceOfSatisfying(
              SensorFormatException.class,
              e -> assertThat(e.reason()).isIn((Object[]) Reason.values()));
    }
    for (String bad :
        List.of(
            UNSIGNED.replace("4.25", "4.250"),
            UNSIGNED.replace("\"v\":1", "\"v\":2"),
            UNSIGNED.replace("sensor-reading", "anchor"),
            UNSIGNED.replace("}", ",\"extra\":1}"),
            UNSIGNED.replace("}", "," + key + "}"),
            UNSIGNED.replace("}", ",\"sig\":\"" + "00".repeat(64) + "\"}"),
            UNSIGNED.replace(
                "}", "," + key.toUpperCase() + ",\"sig\":\"" + "00".repeat(64) + "\"}"),
            UNSIGNED.replace("\"device\":\"logger-17\",", ""),
            UNSIGNED.replace("\"time\":1767225661500", "\"time\":\"1767225661500\""),
            UNSIGNED.replace("\"v\":1,", "\"v\":1,\"v\":1,"),
            "[1]",
            "",
            "{")) {
      assertThatThrownBy(() -> SensorReading.parse(bad.getBytes(StandardCharsets.UTF_8)))
          .as(bad)
          .isInstanceOfSatisfying(
              SensorFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
    assertThatThrownBy(() -> SensorReading.parse(new byte[SensorReading.MAX_BYTES + 1]))
        .isInstanceOf(SensorFormatException.class);
  }

  @Test
  void reorderedOrSpacedReadingsAreNotCanonical() {
    String spaced = UNSIGNED.replace(",", ", ");
    assertThatThrownBy(() -> SensorReading.parse(spaced.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            SensorFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CANONICAL));
    assertThat(HexFormat.of().formatHex(READING.leafHash())).hasSize(64);
  }
}
