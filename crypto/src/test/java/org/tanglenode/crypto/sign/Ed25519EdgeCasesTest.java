package org.tanglenode.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.TestVectors;

/**
 * The 12 edge cases of "Taming the many EdDSAs": which this node accepts is part of the protocol (a
 * second verifier must agree), so the verdicts are written in docs/crypto.md and checked here.
 */
class Ed25519EdgeCasesTest {

  private static final HexFormat HEX = HexFormat.of();

  private static TreeSet<Integer> acceptedCases() {
    TreeSet<Integer> accepted = new TreeSet<>();
    for (JsonNode c : TestVectors.json("ed25519-speccheck/cases.json")) {
      Ed25519PublicKey key = Ed25519PublicKey.fromHex(c.get("pub_key").asText());
      Ed25519Signature signature = new Ed25519Signature(HEX.parseHex(c.get("signature").asText()));
      if (key.verify(HEX.parseHex(c.get("message").asText()), signature)) {
        accepted.add(c.get("case").asInt());
      }
    }
    return accepted;
  }

  @Test
  void scalarsAboveTheOrderAndNonCanonicalKeysAreRefusedAsProtocolMdRequires() {
    TreeSet<Integer> accepted = acceptedCases();

    // Cases 8 and 9: S >= L. Cases 10 and 11: a public key encoding y >= p.
    assertThat(accepted).doesNotContain(8, 9, 10, 11);
    // Case 3 is an ordinary signature every verifier accepts.
    assertThat(accepted).contains(3);
  }

  @Test
  void theVerdictsAreThoseDocsCryptoMdStates() throws Exception {
    TreeSet<Integer> accepted = acceptedCases();
    List<Integer> refused =
        java.util.stream.IntStream.range(0, 12).boxed().filter(i -> !accepted.contains(i)).toList();

    String line =
        "Accepted: "
            + accepted.stream().map(String::valueOf).collect(Collectors.joining(", "))
            + ". Refused: "
            + refused.stream().map(String::valueOf).collect(Collectors.joining(", "))
            + ".";
    assertThat(Files.readString(Path.of("..", "docs", "crypto.md"))).contains(line);
  }
}
