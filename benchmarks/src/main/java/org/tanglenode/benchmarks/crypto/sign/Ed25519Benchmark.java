package org.tanglenode.benchmarks.crypto.sign;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tanglenode.benchmarks.BenchmarkBase;
import org.tanglenode.crypto.hash.Blake2b256;
import org.tanglenode.crypto.sign.Ed25519KeyCache;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.crypto.sign.Ed25519Signature;

/**
 * Ed25519 signing and verification over what the protocol signs: a 32-byte essence digest. {@link
 * #verify} is the node's own path (BouncyCastle's RFC 8032 code); {@link #verifyJdk} checks the
 * same signature with the JDK's SunEC provider, for comparison only. {@link #verifyKeyCache} is the
 * ingest path's verify through {@link Ed25519KeyCache} with the key already decoded (a repeat
 * signer, the common case), to be read as a ratio to {@link #verify} from the same run.
 */
@State(Scope.Thread)
public class Ed25519Benchmark extends BenchmarkBase {

  /** The DER prefix of an X.509 SubjectPublicKeyInfo holding a raw Ed25519 key (RFC 8410). */
  private static final byte[] X509_ED25519_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Ed25519PrivateKey privateKey;
  private Ed25519PublicKey publicKey;
  private byte[] message;
  private Ed25519Signature signature;
  private byte[] signatureBytes;
  private Signature jdkVerifier;
  private Ed25519KeyCache keyCache;

  @Setup
  public void setUp() throws GeneralSecurityException {
    Random random = new Random(SEED);
    byte[] seed = new byte[Ed25519PrivateKey.SIZE];
    random.nextBytes(seed);
    privateKey = Ed25519PrivateKey.fromSeed(seed);
    publicKey = privateKey.publicKey();
    byte[] transaction = new byte[300];
    random.nextBytes(transaction);
    message = Blake2b256.digest(transaction);
    signature = privateKey.sign(message);
    signatureBytes = signature.bytes();

    byte[] encoded = new byte[X509_ED25519_PREFIX.length + Ed25519PublicKey.SIZE];
    System.arraycopy(X509_ED25519_PREFIX, 0, encoded, 0, X509_ED25519_PREFIX.length);
    System.arraycopy(
        publicKey.bytes(), 0, encoded, X509_ED25519_PREFIX.length, Ed25519PublicKey.SIZE);
    PublicKey jdkKey =
        KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    jdkVerifier = Signature.getInstance("Ed25519");
    jdkVerifier.initVerify(jdkKey);

    keyCache = new Ed25519KeyCache(1024, SEED);

    if (!verify() || !verifyJdk() || !verifyKeyCache() || keyCache.misses() != 1) {
      throw new IllegalStateException("the benchmark signature does not verify");
    }
  }

  @Benchmark
  public Ed25519Signature sign() {
    return privateKey.sign(message);
  }

  @Benchmark
  public boolean verify() {
    return publicKey.verify(message, signature);
  }

  /** The same verify, with the key's decoded point taken from the cache (a hit). */
  @Benchmark
  public boolean verifyKeyCache() {
    return keyCache.verify(publicKey, message, signature);
  }

  /**
   * The JDK's EdDSA (SunEC) over the same key, message and signature. The {@link Signature} is
   * initialised once in setup, as a worker thread would keep one; {@code verify} resets it.
   */
  @Benchmark
  public boolean verifyJdk() throws GeneralSecurityException {
    jdkVerifier.update(message);
    return jdkVerifier.verify(signatureBytes);
  }
}
