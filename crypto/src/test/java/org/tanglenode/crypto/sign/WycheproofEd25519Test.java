package org.tanglenode.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tanglenode.crypto.TestVectors;

/** Every case of Wycheproof's {@code eddsa_verify} vectors for Ed25519. */
class WycheproofEd25519Test {

  private static final HexFormat HEX = HexFormat.of();
  private static final String FILE = "wycheproof_ed25519_test.json";

  /** One test case with the key of its group. */
  record Case(
      int id, String comment, String publicKey, String message, String signature, String result) {
    @Override
    public String toString() {
      return "tcId " + id + " (" + result + ") " + comment;
    }
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (JsonNode group : TestVectors.json(FILE).get("testGroups")) {
      String publicKey = group.get("publicKey").get("pk").asText();
      for (JsonNode test : group.get("tests")) {
        cases.add(
            new Case(
                test.get("tcId").asInt(),
                test.get("comment").asText(),
                publicKey,
                test.get("msg").asText(),
                test.get("sig").asText(),
                test.get("result").asText()));
      }
    }
    return cases;
  }

  @Test
  void everyCaseIsRead() {
    List<Case> cases = cases();

    assertThat(cases).hasSize(TestVectors.json(FILE).get("numberOfTests").asInt());
    assertThat(cases).extracting(Case::result).containsOnly("valid", "invalid");
    assertThat(cases).filteredOn(c -> c.result().equals("valid")).isNotEmpty();
    assertThat(cases).filteredOn(c -> c.result().equals("invalid")).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verifiesExactlyTheValidSignatures(Case c) {
    assertThat(verifies(c)).as(c.toString()).isEqualTo(c.result().equals("valid"));
  }

  /** Whether the case verifies; a signature that is not 64 bytes cannot even be represented. */
  private static boolean verifies(Case c) {
    byte[] signature = HEX.parseHex(c.signature());
    if (signature.length != Ed25519Signature.SIZE) {
      return false;
    }
    return Ed25519PublicKey.fromHex(c.publicKey())
        .verify(HEX.parseHex(c.message()), new Ed25519Signature(signature));
  }
}
