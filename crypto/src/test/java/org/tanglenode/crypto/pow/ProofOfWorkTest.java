package org.tanglenode.crypto.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.hash.Blake2b256;

class ProofOfWorkTest {

  private static byte[] digest(long seed) {
    byte[] digest = new byte[32];
    new Random(seed).nextBytes(digest);
    return digest;
  }

  /** The hash computed the plain way: BLAKE2b-256 of digest || nonce (big-endian). */
  private static byte[] reference(byte[] digest, long nonce) {
    return Blake2b256.digest(ByteBuffer.allocate(40).put(digest).putLong(nonce).array());
  }

  @Test
  void countsLeadingZeroBitsFromTheMostSignificantBitOfByteZero() {
    HexFormat hex = HexFormat.of();

    assertThat(ProofOfWork.leadingZeroBits(hex.parseHex("80" + "00".repeat(31)))).isZero();
    assertThat(ProofOfWork.leadingZeroBits(hex.parseHex("01" + "ff".repeat(31)))).isEqualTo(7);
    assertThat(ProofOfWork.leadingZeroBits(hex.parseHex("000f" + "ff".repeat(30)))).isEqualTo(12);
    assertThat(ProofOfWork.leadingZeroBits(hex.parseHex("0000" + "80" + "00".repeat(29))))
        .isEqualTo(16);
    assertThat(ProofOfWork.leadingZeroBits(new byte[32])).isEqualTo(256);
  }

  @Test
  void hashesTheDigestFollowedByTheBigEndianNonce() {
    Random random = new Random(40);
    for (int i = 0; i < 500; i++) {
      byte[] digest = digest(i);
      long nonce = random.nextLong();

      assertThat(ProofOfWork.leadingZeroBits(digest, nonce))
          .as("digest %d nonce %d", i, nonce)
          .isEqualTo(ProofOfWork.leadingZeroBits(reference(digest, nonce)));
    }
  }

  @Test
  void aNonceMeetsEveryDifficultyUpToItsZeroBitsAndNoneAbove() {
    byte[] digest = digest(7);
    int found = 0;
    for (long nonce = 0; found < 20; nonce++) {
      int zeros = ProofOfWork.leadingZeroBits(reference(digest, nonce));
      if (zeros < 3) {
        continue;
      }
      found++;
      assertThat(ProofOfWork.meets(digest, nonce, zeros)).isTrue();
      assertThat(ProofOfWork.meets(digest, nonce, zeros - 1)).isTrue();
      assertThat(ProofOfWork.meets(digest, nonce, zeros + 1)).as("nonce %d", nonce).isFalse();
    }
  }

  @Test
  void matchesTheDocumentedVectorsForTheZeroDigest() {
    // docs/crypto.md; computed independently with Python's hashlib.blake2b.
    byte[] zero = new byte[32];

    assertThat(ProofOfWork.leadingZeroBits(zero, 130)).isEqualTo(8);
    for (long nonce = 0; nonce < 130; nonce++) {
      assertThat(ProofOfWork.meets(zero, nonce, 8)).as("nonce %d", nonce).isFalse();
    }
    assertThat(ProofOfWork.leadingZeroBits(zero, 99_391)).isEqualTo(16);
    assertThat(HexFormat.of().formatHex(reference(zero, 99_391), 0, 4)).isEqualTo("0000a45b");
  }

  @Test
  void difficultyZeroAcceptsAnyNonce() {
    Random random = new Random(0);
    for (int i = 0; i < 1000; i++) {
      assertThat(ProofOfWork.meets(digest(i), random.nextLong(), 0)).isTrue();
    }
  }

  @Test
  void aNonceBelowTheDifficultyIsRejected() {
    byte[] digest = digest(8);
    long nonce = 0;
    while (ProofOfWork.leadingZeroBits(reference(digest, nonce)) != 0) {
      nonce++;
    }

    assertThat(ProofOfWork.meets(digest, nonce, 1)).isFalse();
    assertThat(ProofOfWork.meets(digest, nonce, 255)).isFalse();
  }

  @Test
  void rejectsABadDigestOrDifficulty() {
    assertThatThrownBy(() -> ProofOfWork.meets(new byte[31], 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32");
    assertThatThrownBy(() -> ProofOfWork.leadingZeroBits(null, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProofOfWork.meets(new byte[32], 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProofOfWork.meets(new byte[32], 0, 256))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
