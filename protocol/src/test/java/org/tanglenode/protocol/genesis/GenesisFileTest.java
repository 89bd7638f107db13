package org.tanglenode.protocol.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.hash.Blake2b256;
import org.tanglenode.protocol.TestNetwork;

class GenesisFileTest {

  private final Genesis genesis =
      new Genesis(
          TestNetwork.genesis(0).name(),
          "tst",
          8,
          2_000,
          TestNetwork.GENESIS_TIME_MS,
          TestNetwork.genesis(0).committee(),
          new Limits(2048, 512, 30_000),
          List.of(new Allocation(new byte[32], 1_000_000)));

  @Test
  void encodedGenesisReadsBackEqualWithTheIdOfItsBytes(@TempDir Path dir) throws Exception {
    byte[] bytes = GenesisFile.encode(genesis);
    Path file = dir.resolve("genesis.json");
    Files.write(file, bytes);

    Network network = GenesisFile.read(file);

    assertThat(network.genesis()).isEqualTo(genesis);
    assertThat(network.id().bytes()).isEqualTo(Blake2b256.digest(bytes));
    assertThat(GenesisFile.encode(network.genesis())).isEqualTo(bytes);
  }

  @Test
  void anyChangeToTheFileMakesAnotherNetwork() {
    byte[] bytes = GenesisFile.encode(genesis);
    byte[] spaced =
        (new String(bytes, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);

    Network original = GenesisFile.parse(bytes);
    Network other = GenesisFile.parse(spaced);

    assertThat(other.genesis()).isEqualTo(original.genesis());
    assertThat(other.id()).isNotEqualTo(original.id());
    assertThat(other.shortId()).isNotEqualTo(original.shortId());
  }

  @Test
  void anUnknownKeyIsRefusedByName() {
    String json = new String(GenesisFile.encode(genesis), StandardCharsets.UTF_8);
    String typo = json.replace("\"powDifficulty\"", "\"powDificulty\"");

    assertThatThrownBy(() -> GenesisFile.parse(typo.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("powDificulty: unknown key");
  }

  @Test
  void aWrongTypeOrImpossibleValueIsRefusedByName() {
    String json = new String(GenesisFile.encode(genesis), StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                GenesisFile.parse(
                    json.replace("\"threshold\" : 2", "\"threshold\" : \"two\"")
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("committee.threshold");
    assertThatThrownBy(
            () ->
                GenesisFile.parse(
                    json.replace("\"threshold\" : 2", "\"threshold\" : 4")
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("committee.threshold: must be between 1 and 3");
    assertThatThrownBy(
            () ->
                GenesisFile.parse(
                    json.replace("\"powDifficulty\" : 8", "\"powDifficulty\" : 65")
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("powDifficulty");
    assertThatThrownBy(
            () ->
                GenesisFile.parse(
                    json.replace("\"maxFutureDriftMs\" : 30000", "\"maxFutureDriftMs\" : 86400001")
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("limits.maxFutureDriftMs: must be between 0 and 86400000");
    assertThatThrownBy(() -> GenesisFile.parse("[]".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> GenesisFile.parse("{".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void numbersAreJsonIntegersAndAKeyAppearsOnce() {
    String json = new String(GenesisFile.encode(genesis), StandardCharsets.UTF_8);

    for (String number : List.of("8.0", "8e0", "0.8e1")) {
      assertThatThrownBy(
              () ->
                  GenesisFile.parse(
                      json.replace("\"powDifficulty\" : 8", "\"powDifficulty\" : " + number)
                          .getBytes(StandardCharsets.UTF_8)))
          .as(number)
          .hasMessageContaining("powDifficulty: missing or not a whole number");
    }
    // Two parsers that kept different copies of a key would read two networks from one file.
    assertThatThrownBy(
            () ->
                GenesisFile.parse(
                    json.replace(
                            "\"powDifficulty\" : 8", "\"powDifficulty\" : 8, \"powDifficulty\" : 0")
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("powDifficulty");
  }

  @Test
  void hexDigitsMayBeEitherCaseAndNameTheSameKey() {
    String json = new String(GenesisFile.encode(genesis), StandardCharsets.UTF_8);
    String key = genesis.committee().keys().get(0).toHex();

    Network upper =
        GenesisFile.parse(
            json.replace(key, key.toUpperCase(java.util.Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));

    assertThat(upper.genesis().committee().keys()).isEqualTo(genesis.committee().keys());
  }

  @Test
  void issuersReadBackInOrderAndAreLeftOutOfFilesThatNameNone() {
    Genesis named =
        withIssuers(
            List.of(
                new Issuer(TestNetwork.key(7).publicKey(), "Regional Office North"),
                new Issuer(TestNetwork.key(8).publicKey(), "Clinic Partners e.V.")));

    byte[] bytes = GenesisFile.encode(named);

    assertThat(GenesisFile.parse(bytes).genesis().issuers()).isEqualTo(named.issuers());
    assertThat(new String(GenesisFile.encode(genesis), StandardCharsets.UTF_8))
        .doesNotContain("issuers");
  }

  @Test
  void anIssuerListedTwiceOrWithoutAUsableNameIsRefused() {
    var key = TestNetwork.key(7).publicKey();

    assertThatThrownBy(
            () -> withIssuers(List.of(new Issuer(key, "North"), new Issuer(key, "South"))))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(() -> new Issuer(key, " North")).hasMessageContaining("organisation");
    assertThatThrownBy(() -> new Issuer(key, "North\nSouth")).hasMessageContaining("organisation");
    assertThatThrownBy(() -> new Issuer(key, "x".repeat(129))).hasMessageContaining("organisation");
    String json =
        new String(
            GenesisFile.encode(withIssuers(List.of(new Issuer(key, "North")))),
            StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                GenesisFile.parse(
                    json.replace("\"organisation\"", "\"org\"").getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("issuers[].org: unknown key");
  }

  private Genesis withIssuers(List<Issuer> issuers) {
    return genesis.withIssuers(issuers);
  }

  @Test
  void aMissingFileIsReportedWithItsPath(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> GenesisFile.read(missing))
        .isInstanceOf(GenesisFileException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void theShortIdIsTheFirstEightBytesBigEndian() {
    byte[] id = new byte[32];
    id[0] = (byte) 0x80;
    id[7] = 0x01;

    assertThat(new NetworkId(id).shortId()).isEqualTo(0x8000000000000001L);
  }
}
