package org.tanglenode.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of signatures over random keys and messages, from fixed seeds so runs repeat. */
class Ed25519PropertiesTest {

  static Stream<Long> seeds() {
    return IntStream.range(0, 6).mapToObj(i -> 0x7a6e_1e00L + i);
  }

  private static Ed25519PrivateKey key(Random random) {
    byte[] seed = new byte[Ed25519PrivateKey.SIZE];
    random.nextBytes(seed);
    return Ed25519PrivateKey.fromSeed(seed);
  }

  private static byte[] message(Random random) {
    byte[] message = new byte[1 + random.nextInt(48)];
    random.nextBytes(message);
    return message;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aSignatureVerifiesForItsKeyAndMessage(long seed) {
    Random random = new Random(seed);
    Ed25519PrivateKey key = key(random);
    byte[] message = message(random);

    assertThat(key.publicKey().verify(message, key.sign(message))).isTrue();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void noSingleBitChangeOfTheMessageVerifies(long seed) {
    Random random = new Random(seed);
    Ed25519PrivateKey key = key(random);
    byte[] message = message(random);
    Ed25519Signature signature = key.sign(message);

    for (int bit = 0; bit < message.length * 8; bit++) {
      byte[] changed = message.clone();
      changed[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(key.publicKey().verify(changed, signature)).as("message bit %d", bit).isFalse();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void noSingleBitChangeOfTheSignatureVerifies(long seed) {
    Random random = new Random(seed);
    Ed25519PrivateKey key = key(random);
    byte[] message = message(random);
    byte[] signature = key.sign(message).bytes();

    for (int bit = 0; bit < Ed25519Signature.SIZE * 8; bit++) {
      byte[] changed = signature.clone();
      changed[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(key.publicKey().verify(message, new Ed25519Signature(changed)))
          .as("signature bit %d", bit)
          .isFalse();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aSignatureByAnotherKeyDoesNotVerify(long seed) {
    Random random = new Random(seed);
    Ed25519PrivateKey signer = key(random);
    Ed25519PrivateKey other = key(random);
    byte[] message = message(random);

    assertThat(other.publicKey().verify(message, signer.sign(message))).isFalse();
    assertThat(signer.publicKey().verify(message, other.sign(message))).isFalse();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void signingIsDeterministic(long seed) {
    Random random = new Random(seed);
    Ed25519PrivateKey key = key(random);
    byte[] message = message(random);

    assertThat(key.sign(message)).isEqualTo(key.sign(message));
  }
}
