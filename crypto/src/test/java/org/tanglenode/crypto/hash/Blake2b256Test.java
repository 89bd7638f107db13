package org.tanglenode.crypto.hash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tanglenode.crypto.TestVectors;

class Blake2b256Test {

  private static final HexFormat HEX = HexFormat.of();

  static Stream<Arguments> publicVectors() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode c : TestVectors.json("blake2b256.json").get("cases")) {
      cases.add(Arguments.of(c.get("msgHex").asText(), c.get("blake2b256Hex").asText()));
    }
    assertThat(cases).hasSizeGreaterThan(10);
    return cases.stream();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("publicVectors")
  void matchesTheIndependentImplementation(String messageHex, String expectedHex) {
    byte[] message = HEX.parseHex(messageHex);

    assertThat(HEX.formatHex(Blake2b256.digest(message))).isEqualTo(expectedHex);
    assertThat(HEX.formatHex(HashFunction.blake2b256().hash(message))).isEqualTo(expectedHex);
    // The same digest when the message arrives byte by byte and in uneven blocks.
    Blake2b256Hasher hasher = new Blake2b256Hasher();
    for (byte b : message) {
      hasher.update(b);
    }
    assertThat(HEX.formatHex(hasher.finish())).isEqualTo(expectedHex);
    for (int i = 0; i < message.length; i += 7) {
      hasher.update(message, i, Math.min(7, message.length - i));
    }
    assertThat(HEX.formatHex(hasher.finish()))
        .as("after finish it starts over")
        .isEqualTo(expectedHex);
  }

  @Test
  void hashingPartsEqualsHashingTheirConcatenation() {
    byte[] a = {1, 2, 3};
    byte[] b = {4, 5};
    HashFunction h = HashFunction.blake2b256();

    assertThat(h.hash(a, b)).isEqualTo(Blake2b256.digest(new byte[] {1, 2, 3, 4, 5}));
    assertThat(h.hash((byte) 1, new byte[] {2, 3}, b))
        .isEqualTo(Blake2b256.digest(new byte[] {1, 2, 3, 4, 5}));
  }

  @Test
  void digestOfASliceEqualsDigestOfTheCopiedSlice() {
    byte[] data = {9, 9, 1, 2, 3, 9};

    assertThat(Blake2b256.digest(data, 2, 3)).isEqualTo(Blake2b256.digest(new byte[] {1, 2, 3}));
  }

  @Test
  void sha256OfTheEmptyStringIsTheKnownValue() {
    // FIPS 180-4: SHA-256("") = e3b0c442...b855
    assertThat(HEX.formatHex(HashFunction.sha256().hash()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(HashFunction.sha256().digestSize()).isEqualTo(32);
    assertThat(HashFunction.blake2b256().digestSize()).isEqualTo(32);
  }
}
