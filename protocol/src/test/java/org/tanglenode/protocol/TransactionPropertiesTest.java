package org.tanglenode.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tanglenode.protocol.ValidationResult.Invalid;
import org.tanglenode.protocol.ValidationResult.Valid;
import org.tanglenode.protocol.genesis.Network;

/** Properties over many random transactions; every failure names its seed. */
class TransactionPropertiesTest {

  private static final long SEED = 20261124L;
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochMilli(TestNetwork.GENESIS_TIME_MS + 10_000_000), ZoneOffset.UTC);

  private final Network network = TestNetwork.network();
  private final TransactionValidator validator = new TransactionValidator(network, CLOCK);

  @Test
  void encodingThenDecodingGivesTheSameTransaction() {
    TestTransactions transactions = new TestTransactions(network, SEED);
    for (int i = 0; i < 500; i++) {
      Transaction tx = transactions.data(network.genesis().limits().maxDataBytes());

      ValidationResult result = validator.validate(tx.bytes());

      assertThat(result).as("transaction %d of seed %d", i, SEED).isInstanceOf(Valid.class);
      Transaction decoded = ((Valid) result).transaction();
      assertThat(decoded.bytes()).isEqualTo(tx.bytes());
      assertThat(decoded.id()).isEqualTo(tx.id());
      assertThat(decoded.parents()).isEqualTo(tx.parents());
      assertThat(decoded.issuer()).isEqualTo(tx.issuer());
      assertThat(decoded.timestampMs()).isEqualTo(tx.timestampMs());
      assertThat(decoded.payload()).isEqualTo(tx.payload());
      assertThat(decoded.nonce()).isEqualTo(tx.nonce());
      assertThat(decoded.signature()).isEqualTo(tx.signature());
      assertThat(decoded.essenceDigest()).isEqualTo(tx.essenceDigest());
    }
  }

  /**
   * Flipping any one bit is either rejected or, when it lands in the nonce (which no signature
   * covers), yields a transaction with the same essence and another id.
   */
  @Test
  void everySingleBitFlipIsRejectedOrYieldsAnotherId() {
    TestTransactions transactions = new TestTransactions(network, SEED + 1);
    int accepted = 0;
    int flips = 0;
    for (int t = 0; t < 20; t++) {
      Transaction tx = transactions.data(64);
      byte[] original = tx.bytes();
      for (int bit = 0; bit < original.length * 8; bit++) {
        byte[] flipped = original.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        flips++;

        ValidationResult result = validator.validate(flipped);

        if (result instanceof Valid valid) {
          accepted++;
          assertThat(valid.transaction().id())
              .as("bit %d of %s", bit, tx.id())
              .isNotEqualTo(tx.id());
          assertThat(valid.transaction().essenceDigest()).isEqualTo(tx.essenceDigest());
          assertThat(valid.transaction().nonce()).isNotEqualTo(tx.nonce());
        }
      }
    }
    // Only the 64 nonce bits of each transaction can pass (the network asks no proof of work).
    assertThat(accepted).isLessThanOrEqualTo(20 * 64);
    assertThat(flips).isGreaterThan(20_000);
  }

  @Test
  void aChangedMessageOrSignatureNeverVerifies() {
    Random random = new Random(SEED + 2);
    var key = TestNetwork.key(3);
    for (int i = 0; i < 300; i++) {
      byte[] message = new byte[1 + random.nextInt(100)];
      random.nextBytes(message);
      var signature = key.sign(message);
      assertThat(key.publicKey().verify(message, signature)).isTrue();

      byte[] otherMessage = message.clone();
      otherMessage[random.nextInt(otherMessage.length)] ^= (byte) (1 << random.nextInt(8));
      byte[] otherSignature = signature.bytes();
      otherSignature[random.nextInt(otherSignature.length)] ^= (byte) (1 << random.nextInt(8));

      assertThat(key.publicKey().verify(otherMessage, signature))
          .as("seed %d, case %d", SEED + 2, i)
          .isFalse();
      assertThat(
              key.publicKey()
                  .verify(message, new org.tanglenode.crypto.sign.Ed25519Signature(otherSignature)))
          .as("seed %d, case %d", SEED + 2, i)
          .isFalse();
    }
  }

  /**
   * 100,000 random and mutated byte strings: each ends in a typed verdict, never an exception, and
   * the whole run ends (the timeout is a guard against a hang, not a performance claim).
   */
  @Test
  @Timeout(300)
  void randomAndMutatedBytesAlwaysEndInATypedVerdict() {
    Random random = new Random(SEED + 3);
    TestTransactions transactions = new TestTransactions(network, SEED + 4);
    byte[][] seeds = new byte[50][];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = transactions.data(300).bytes();
    }
    int[] byReason = new int[RejectReason.values().length];
    for (int i = 0; i < 100_000; i++) {
      byte[] input =
          i % 4 == 0 ? randomBytes(random) : mutated(seeds[random.nextInt(seeds.length)], random);
      ValidationResult[] result = new ValidationResult[1];

      assertThatCode(() -> result[0] = validator.validate(input))
          .as("input %d of seed %d: %s", i, SEED + 3, java.util.HexFormat.of().formatHex(input))
          .doesNotThrowAnyException();

      assertThat(result[0]).isNotNull();
      if (result[0] instanceof Invalid invalid) {
        byReason[invalid.reason().ordinal()]++;
      }
    }
    // The mutations reach deep into the rules, not only the decoder.
    assertThat(byReason[RejectReason.UNDECODABLE.ordinal()]).isPositive();
    assertThat(byReason[RejectReason.NON_CANONICAL.ordinal()]).isPositive();
    assertThat(byReason[RejectReason.BAD_SIGNATURE.ordinal()]).isPositive();
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(600)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] mutated(byte[] seed, Random random) {
    byte[] bytes = seed.clone();
    switch (random.nextInt(5)) {
      case 0 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
      case 2 -> {
        byte[] extra = new byte[1 + random.nextInt(16)];
        random.nextBytes(extra);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + extra.length);
        System.arraycopy(extra, 0, longer, bytes.length, extra.length);
        bytes = longer;
      }
      case 3 -> {
        // A length prefix or tag byte pushed to an extreme.
        int at = random.nextInt(Math.min(bytes.length, 12));
        bytes[at] = random.nextBoolean() ? (byte) 0xff : 0;
      }
      default -> {
        for (int k = 0; k < 1 + random.nextInt(8); k++) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
    }
    return bytes;
  }
}
