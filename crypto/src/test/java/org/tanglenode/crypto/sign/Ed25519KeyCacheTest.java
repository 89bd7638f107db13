package org.tanglenode.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tanglenode.crypto.TestVectors;

/**
 * The cached verify must reach the verdict of the plain one on every hostile input, on the first
 * (decoding) and on a later (cached) use of a key, with a cache large enough to keep every key and
 * with one so small that keys keep evicting each other.
 */
class Ed25519KeyCacheTest {

  private static final HexFormat HEX = HexFormat.of();

  /** A key, message and signature, and the verdict of the uncached verify. */
  private record Vector(String name, Ed25519PublicKey key, byte[] message, Ed25519Signature sig) {
    boolean plain() {
      return key.verify(message, sig);
    }
  }

  private static List<Vector> wycheproof() {
    List<Vector> vectors = new ArrayList<>();
    for (WycheproofEd25519Test.Case c : WycheproofEd25519Test.cases()) {
      byte[] sig = HEX.parseHex(c.signature());
      if (sig.length == Ed25519Signature.SIZE) {
        vectors.add(
            new Vector(
                c.toString(),
                Ed25519PublicKey.fromHex(c.publicKey()),
                HEX.parseHex(c.message()),
                new Ed25519Signature(sig)));
      }
    }
    return vectors;
  }

  private static List<Vector> speccheck() {
    List<Vector> vectors = new ArrayList<>();
    for (JsonNode c : TestVectors.json("ed25519-speccheck/cases.json")) {
      vectors.add(
          new Vector(
              "speccheck case " + c.get("case").asInt(),
              Ed25519PublicKey.fromHex(c.get("pub_key").asText()),
              HEX.parseHex(c.get("message").asText()),
              new Ed25519Signature(HEX.parseHex(c.get("signature").asText()))));
    }
    return vectors;
  }

  /** Every vector through the cache twice (cold, then warm), each verdict against the plain one. */
  private static void assertSameVerdicts(List<Vector> vectors, Ed25519KeyCache cache) {
    for (int round = 0; round < 2; round++) {
      for (Vector v : vectors) {
        assertThat(cache.verify(v.key(), v.message(), v.sig()))
            .as("%s, round %d", v.name(), round)
            .isEqualTo(v.plain());
      }
    }
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 2, 1024})
  void wycheproofVerdictsAreThoseOfThePlainVerify(int capacity) {
    List<Vector> vectors = wycheproof();
    assertThat(vectors).hasSizeGreaterThan(100);
    // The vectors hold both verdicts, so agreeing is not agreeing on "false" throughout.
    assertThat(vectors).anyMatch(Vector::plain).anyMatch(v -> !v.plain());

    assertSameVerdicts(vectors, new Ed25519KeyCache(capacity));
  }

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {0, 1, 2, 1024})
  void speccheckVerdictsAreThoseOfThePlainVerify(int capacity) {
    List<Vector> vectors = speccheck();
    assertThat(vectors).hasSize(12);

    assertSameVerdicts(vectors, new Ed25519KeyCache(capacity));
  }

  @Test
  void aCachedKeyIsDecodedOnceAndHitsAfterwards() {
    List<Vector> valid = wycheproof().stream().filter(Vector::plain).toList();
    Vector v = valid.get(0);
    Ed25519KeyCache cache = new Ed25519KeyCache(64);

    assertThat(cache.verify(v.key(), v.message(), v.sig())).isTrue();
    assertThat(cache.verify(v.key(), v.message(), v.sig())).isTrue();
    // An equal key in another object (as every decoded transaction carries) hits too.
    assertThat(cache.verify(new Ed25519PublicKey(v.key().bytes()), v.message(), v.sig())).isTrue();

    assertThat(cache.misses()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(2);
  }

  @Test
  void keysTheVerifyRefusesAreNeverCached() {
    // The speccheck keys BouncyCastle refuses as verification keys: 10 and 11 encode y >= p.
    List<Vector> refusedKeys =
        speccheck().stream()
            .filter(v -> !Ed25519.validatePublicKeyPartial(v.key().bytes(), 0))
            .toList();
    assertThat(refusedKeys)
        .extracting(Vector::name)
        .contains("speccheck case 10", "speccheck case 11");
    Ed25519KeyCache cache = new Ed25519KeyCache(1024);

    for (int round = 0; round < 3; round++) {
      for (Vector v : refusedKeys) {
        assertThat(cache.verify(v.key(), v.message(), v.sig())).as(v.name()).isFalse();
      }
    }

    assertThat(cache.hits()).isZero();
    assertThat(cache.misses()).isEqualTo(3L * refusedKeys.size());
  }

  @Test
  void aCachedKeyStillRefusesAForgedOrAlteredSignature() {
    Random random = new Random(0x6b65_7963L);
    byte[] seed = new byte[Ed25519PrivateKey.SIZE];
    random.nextBytes(seed);
    Ed25519PrivateKey signer = Ed25519PrivateKey.fromSeed(seed);
    byte[] message = new byte[32];
    random.nextBytes(message);
    Ed25519Signature good = signer.sign(message);
    byte[] altered = good.bytes();
    altered[5] ^= 1;
    byte[] otherMessage = message.clone();
    otherMessage[0] ^= 1;
    Ed25519KeyCache cache = new Ed25519KeyCache(16);

    assertThat(cache.verify(signer.publicKey(), message, good)).isTrue();
    assertThat(cache.verify(signer.publicKey(), message, new Ed25519Signature(altered))).isFalse();
    assertThat(cache.verify(signer.publicKey(), otherMessage, good)).isFalse();
    assertThat(cache.hits()).isEqualTo(2);
  }

  @Test
  void threadsSharingASmallCacheGetEveryVerdictRight() throws Exception {
    Random random = new Random(0x7468_7264L);
    List<Ed25519PrivateKey> signers = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      byte[] seed = new byte[Ed25519PrivateKey.SIZE];
      random.nextBytes(seed);
      signers.add(Ed25519PrivateKey.fromSeed(seed));
    }
    byte[] message = new byte[32];
    random.nextBytes(message);
    List<Ed25519Signature> signatures = signers.stream().map(k -> k.sign(message)).toList();
    // 4 slots for 16 keys: entries are replaced while other threads read them.
    Ed25519KeyCache cache = new Ed25519KeyCache(4);

    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> wrong = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        wrong.add(
            threads.submit(
                () -> {
                  int errors = 0;
                  for (int i = 0; i < 200; i++) {
                    int k = (i * 7 + offset) % signers.size();
                    // Key k with its own signature, then with the next key's: true, then false.
                    Ed25519PublicKey key = signers.get(k).publicKey();
                    if (!cache.verify(key, message, signatures.get(k))) {
                      errors++;
                    }
                    if (cache.verify(key, message, signatures.get((k + 1) % signers.size()))) {
                      errors++;
                    }
                  }
                  return errors;
                }));
      }
      for (Future<Integer> f : wrong) {
        assertThat(f.get()).isZero();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(cache.hits() + cache.misses()).isEqualTo(4L * 200 * 2);
  }

  @Test
  void capacityIsBoundedAndRoundedUpToAPowerOfTwo() {
    assertThat(new Ed25519KeyCache(0).capacity()).isZero();
    assertThat(new Ed25519KeyCache(1).capacity()).isEqualTo(1);
    assertThat(new Ed25519KeyCache(3).capacity()).isEqualTo(4);
    assertThat(new Ed25519KeyCache(1024).capacity()).isEqualTo(1024);
    assertThat(new Ed25519KeyCache(Ed25519KeyCache.MAX_CAPACITY).capacity())
        .isEqualTo(Ed25519KeyCache.MAX_CAPACITY);
    assertThatThrownBy(() -> new Ed25519KeyCache(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> new Ed25519KeyCache(Ed25519KeyCache.MAX_CAPACITY + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
