package org.tanglenode.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.hash.Blake2b256;
import org.tanglenode.crypto.pow.ProofOfWork;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.protocol.genesis.Network;

/**
 * The worked example of docs/protocol.md, byte for byte. If this test fails, the encoding has
 * changed: that breaks every independent verifier, so fix the code, not the expected values.
 */
class WorkedExampleTest {

  static final HexFormat HEX = HexFormat.of();

  /** Committee and issuer seeds of the example: 32 bytes of 0x01 and of 0x02. */
  static Ed25519PrivateKey seedOf(int b) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) b);
    return Ed25519PrivateKey.fromSeed(seed);
  }

  static Network exampleNetwork() {
    Genesis genesis =
        new Genesis(
            "example",
            "tgl",
            8,
            1_000,
            1_767_225_600_000L, // 2026-01-01T00:00:00Z
            new Committee(List.of(seedOf(1).publicKey()), 1),
            Limits.DEFAULT,
            List.of());
    return GenesisFile.parse(GenesisFile.encode(genesis));
  }

  static Transaction exampleTransaction(Network network, long nonce) {
    Ed25519PrivateKey issuer = seedOf(2);
    byte[] anchor = new byte[32];
    Arrays.fill(anchor, (byte) 0xab);
    return new TransactionBuilder(network.shortId())
        .parent(network.rootId())
        .issuer(issuer.publicKey())
        .timestampMs(1_767_225_660_000L) // one minute after genesis
        .payload(new Payload.Data(Optional.of(Tag.of("shipment-4711")), anchor))
        .build()
        .sign(issuer)
        .complete(nonce);
  }

  static final String NETWORK_ID =
      "7888f0b2162b9deed68dbbd8a24b9b910667da096f3f64ecd9bfc51e8afa72dd";
  static final String ESSENCE_DIGEST =
      "9105647e38408fb7bcb208abaf057f0671cc97d07e4789263e854108fd221703";
  static final long NONCE = 18;
  static final String ENCODING =
      "0a890109ee9d2b16b2f0887810011a207888f0b2162b9deed68dbbd8a24b9b910667da096f3f64ec"
          + "d9bfc51e8afa72dd22208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9"
          + "b39428e0a4eeb6b73332310a0d736869706d656e742d343731311220abababababababababababab"
          + "abababababababababababababababababababab1112000000000000001a40e98fef6d49e6378155"
          + "0186500af1b51dbbe44992bed727447b541a05650f31e4769d3a4c9c30a8c0a7d6ba356d9674f5fe"
          + "894a66efb4444d52e7a69034546402";
  static final String ID = "4e4aff5ec7ce07169e76aa64e26a4c234dce2c3ec69f565add5cd3cef0f0f712";

  @Test
  void theDocumentedExampleEncodesAsDocumented() {
    Network network = exampleNetwork();
    Transaction tx = exampleTransaction(network, NONCE);

    assertThat(network.id().toHex()).isEqualTo(NETWORK_ID);
    assertThat(HEX.formatHex(tx.essenceDigest())).isEqualTo(ESSENCE_DIGEST);
    assertThat(HEX.formatHex(tx.bytes())).isEqualTo(ENCODING);
    assertThat(tx.id().toHex()).isEqualTo(ID);
  }

  @Test
  void theDocumentedExampleIsValidAndItsNonceIsTheFirstThatMeetsTheDifficulty() {
    Network network = exampleNetwork();
    Clock clock = Clock.fixed(Instant.ofEpochMilli(1_767_225_660_000L), ZoneOffset.UTC);
    byte[] digest = HEX.parseHex(ESSENCE_DIGEST);

    assertThat(new TransactionValidator(network, clock).validate(HEX.parseHex(ENCODING)))
        .isInstanceOf(ValidationResult.Valid.class);
    assertThat(ProofOfWork.meets(digest, NONCE, 8)).isTrue();
    for (long nonce = 0; nonce < NONCE; nonce++) {
      assertThat(ProofOfWork.meets(digest, nonce, 8)).isFalse();
    }
  }

  @Test
  void theBlocksOfProtocolMdAreTheseBytes() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "protocol.md"));
    String example = page.substring(page.indexOf("## 9. Worked example"));

    String genesisJson = fencedBlockAfter(example, "```json\n");
    assertThat(Blake2b256.digest((genesisJson + "\n").getBytes(StandardCharsets.UTF_8)))
        .asHexString()
        .isEqualToIgnoringCase(NETWORK_ID);
    String fullHex = fencedBlockAfter(example, "In full (hex):\n\n```\n").replace("\n", "");
    assertThat(fullHex).isEqualTo(ENCODING);
    assertThat(example).contains("The " + HEX.parseHex(ENCODING).length + "-byte transaction");
    String issuerKey = HEX.formatHex(seedOf(2).publicKey().bytes());
    assertThat(example)
        .contains("22 20 " + issuerKey.substring(0, 8) + "..." + issuerKey.substring(56) + "   ");
  }

  private static String fencedBlockAfter(String text, String opening) {
    int start = text.indexOf(opening) + opening.length();
    return text.substring(start, text.indexOf("```", start)).strip();
  }
}
