package org.tanglenode.protocol.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.trust.GenesisTrust;

/**
 * The shared vectors of web-verifier/vectors/compact-receipts.json: compact receipts with the
 * verdict this (Java) verifier gives, which the JavaScript verifier must give too. Each vector
 * names the compact receipt (or, as {@code changeOfFirst: [offset, mask]}, the first vector with
 * one byte XORed), the milestone held (if any) and the verdict (VERIFIED or a reason code); the
 * genesis file is the file's {@code genesis}. The file must be what this code computes; run with
 * {@code -Dtangle.writeVectors=true} to write it after a deliberate change.
 */
class CompactReceiptVectorsTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void theSharedVectorsAreTheVerdictsOfThisVerifier() throws IOException {
    byte[] genesis = ReceiptFixture.genesisFile();
    ReceiptVerifier verifier = new ReceiptVerifier(new GenesisTrust(ReceiptFixture.network()));
    Receipt example = ReceiptFixture.receipt(ReceiptFixture.history(), ReceiptFixture.EXAMPLE_LEAF);
    byte[] milestone = example.milestone();
    byte[] full = CompactReceipt.encode(example);
    byte[] detached = CompactReceipt.encodeWithoutMilestone(example);
    HeldMilestones none = index -> Optional.empty();
    HeldMilestones held = index -> index == 1 ? Optional.of(milestone) : Optional.empty();

    List<Map<String, Object>> vectors = new ArrayList<>();
    vectors.add(vector("worked example", full, null, verifier.verifyCompact(full, none)));
    vectors.add(
        vector(
            "without milestone, held",
            detached,
            milestone,
            verifier.verifyCompact(detached, held)));
    vectors.add(
        vector(
            "without milestone, not held", detached, null, verifier.verifyCompact(detached, none)));
    for (int leaf = 0; leaf < 3; leaf++) {
      Receipt threeSigners =
          ReceiptFixture.receipt(
              ReceiptFixture.history(
                  ReceiptFixture.seedOf(1), ReceiptFixture.seedOf(5), ReceiptFixture.seedOf(6)),
              leaf);
      byte[] bytes = CompactReceipt.encode(threeSigners);
      vectors.add(
          vector(
              "three signatures (two outside the committee), leaf " + leaf,
              bytes,
              null,
              verifier.verifyCompact(bytes, none)));
    }
    byte[] outsider =
        CompactReceipt.encode(
            ReceiptFixture.receipt(ReceiptFixture.history(ReceiptFixture.seedOf(9)), 1));
    vectors.add(
        vector(
            "signed by a key outside the committee",
            outsider,
            null,
            verifier.verifyCompact(outsider, none)));
    // Each byte of the worked example changed in its lowest and highest bit: named by the change
    // (byte offset, XOR mask) to the first vector, so the file stays small.
    for (int mask : new int[] {0x01, 0x80}) {
      for (int i = 0; i < full.length; i++) {
        byte[] changed = full.clone();
        changed[i] ^= (byte) mask;
        ReceiptVerdict verdict = verifier.verifyCompact(changed, none);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", "byte " + i + " xor " + mask);
        out.put("changeOfFirst", List.of(i, mask));
        out.put("verdict", name(verdict));
        vectors.add(out);
      }
    }
    Map<String, Object> file = new LinkedHashMap<>();
    file.put(
        "about",
        "Compact receipts (docs/receipts.md section 8) and the verdict of the node's Java verifier;"
            + " made by CompactReceiptVectorsTest.");
    file.put("genesis", new String(genesis, StandardCharsets.UTF_8));
    file.put("vectors", vectors);
    byte[] json =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(file)
            .concat("\n")
            .getBytes(StandardCharsets.UTF_8);

    Path path =
        Path.of(System.getProperty("user.dir"))
            .resolveSibling("web-verifier")
            .resolve("vectors")
            .resolve("compact-receipts.json");
    if (Boolean.getBoolean("tangle.writeVectors")) {
      Files.write(path, json);
    }
    assertThat(new String(Files.readAllBytes(path), StandardCharsets.UTF_8))
        .isEqualTo(new String(json, StandardCharsets.UTF_8));
    assertThat(vectors).hasSize(3 + 3 + 1 + 2 * full.length);
  }

  private static Map<String, Object> vector(
      String name, byte[] compact, byte[] held, ReceiptVerdict verdict) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("compact", HEX.formatHex(compact));
    if (held != null) {
      out.put("heldMilestone", HEX.formatHex(held));
    }
    out.put("verdict", name(verdict));
    return out;
  }

  private static String name(ReceiptVerdict verdict) {
    return verdict instanceof ReceiptVerdict.Refused refused ? refused.reason().name() : "VERIFIED";
  }
}
