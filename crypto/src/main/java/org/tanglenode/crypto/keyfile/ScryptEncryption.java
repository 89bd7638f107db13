package org.tanglenode.crypto.keyfile;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * PKCS#8 {@code EncryptedPrivateKeyInfo} (RFC 5958) with PBES2 (RFC 8018): scrypt (RFC 7914,
 * section 7) derives an AES-256 key from the passphrase, AES-256-CBC encrypts the key's
 * PrivateKeyInfo. The choice is what {@code openssl pkcs8 -topk8 -scrypt -v2 aes-256-cbc} writes,
 * so OpenSSL reads these files with the passphrase and we read its.
 */
final class ScryptEncryption {

  /** RFC 7914 section 7: id-scrypt. */
  static final ASN1ObjectIdentifier ID_SCRYPT = new ASN1ObjectIdentifier("1.3.6.1.4.1.11591.4.11");

  /**
   * Parameters written: N = 2^14, r = 8, p = 1 (16 MiB per guess), OpenSSL's own choice; OpenSSL
   * refuses to open files that need more than its 32 MiB default, so N = 2^15 would lock it out.
   */
  static final int COST = 1 << 14;

  static final int BLOCK_SIZE = 8;
  static final int PARALLELISM = 1;

  /** Refused when reading: a file asking for more would let it exhaust the reader's memory. */
  static final int MAX_COST = 1 << 20;

  private static final int SALT_BYTES = 16;
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 16;

  private ScryptEncryption() {}

  static byte[] encrypt(byte[] privateKeyInfo, char[] passphrase, SecureRandom random) {
    return encrypt(privateKeyInfo, passphrase, random, COST);
  }

  /** With scrypt cost {@code cost}: tests use a small one to try many passphrases quickly. */
  static byte[] encrypt(byte[] privateKeyInfo, char[] passphrase, SecureRandom random, int cost) {
    byte[] salt = new byte[SALT_BYTES];
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(salt);
    random.nextBytes(iv);
    byte[] key = derive(passphrase, salt, cost, BLOCK_SIZE, PARALLELISM);
    try {
      byte[] encrypted = cipher(true, key, iv, privateKeyInfo);
      ASN1Encodable scrypt =
          new DERSequence(
              new ASN1Encodable[] {
                new DEROctetString(salt),
                new ASN1Integer(cost),
                new ASN1Integer(BLOCK_SIZE),
                new ASN1Integer(PARALLELISM),
                new ASN1Integer(KEY_BYTES)
              });
      PBES2Parameters pbes2 =
          new PBES2Parameters(
              new KeyDerivationFunc(ID_SCRYPT, scrypt),
              new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv)));
      return new EncryptedPrivateKeyInfo(
              new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, pbes2), encrypted)
          .getEncoded(ASN1Encoding.DER);
    } catch (java.io.IOException | InvalidCipherTextException e) {
      throw new IllegalStateException("encrypting a key file failed", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * The PrivateKeyInfo inside {@code encryptedDer}.
   *
   * @throws UnsupportedEncryption if the file uses another scheme than the one this class writes
   * @throws WrongPassphrase if the padding does not check out (the caller checks the content too)
   */
  static byte[] decrypt(byte[] encryptedDer, char[] passphrase) {
    EncryptedPrivateKeyInfo info;
    PBES2Parameters pbes2;
    ASN1Sequence scrypt;
    try {
      info = EncryptedPrivateKeyInfo.getInstance(encryptedDer);
      if (!PKCSObjectIdentifiers.id_PBES2.equals(info.getEncryptionAlgorithm().getAlgorithm())) {
        throw new UnsupportedEncryption(
            "encrypted with " + info.getEncryptionAlgorithm().getAlgorithm() + ", not PBES2");
      }
      pbes2 = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
      if (!ID_SCRYPT.equals(pbes2.getKeyDerivationFunc().getAlgorithm())) {
        throw new UnsupportedEncryption(
            "key derived with " + pbes2.getKeyDerivationFunc().getAlgorithm() + ", not scrypt");
      }
      if (!NISTObjectIdentifiers.id_aes256_CBC.equals(pbes2.getEncryptionScheme().getAlgorithm())) {
        throw new UnsupportedEncryption(
            "encrypted with " + pbes2.getEncryptionScheme().getAlgorithm() + ", not AES-256-CBC");
      }
      scrypt = ASN1Sequence.getInstance(pbes2.getKeyDerivationFunc().getParameters());
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new UnsupportedEncryption("not a PKCS#8 EncryptedPrivateKeyInfo: " + e.getMessage());
    }
    if (scrypt.size() < 4 || scrypt.size() > 5) {
      throw new UnsupportedEncryption("scrypt parameters have " + scrypt.size() + " fields");
    }
    byte[] salt = ASN1OctetString.getInstance(scrypt.getObjectAt(0)).getOctets();
    long cost = ASN1Integer.getInstance(scrypt.getObjectAt(1)).longValueExact();
    long blockSize = ASN1Integer.getInstance(scrypt.getObjectAt(2)).longValueExact();
    long parallelism = ASN1Integer.getInstance(scrypt.getObjectAt(3)).longValueExact();
    if (scrypt.size() == 5
        && ASN1Integer.getInstance(scrypt.getObjectAt(4)).longValueExact() != KEY_BYTES) {
      throw new UnsupportedEncryption("scrypt key length is not " + KEY_BYTES);
    }
    if (cost < 2
        || cost > MAX_COST
        || Long.bitCount(cost) != 1
        || blockSize < 1
        || blockSize > 32
        || parallelism < 1
        || parallelism > 16) {
      throw new UnsupportedEncryption(
          "scrypt N="
              + cost
              + " r="
              + blockSize
              + " p="
              + parallelism
              + " outside what this reader accepts (N a power of two up to 2^20, r up to 32, p up"
              + " to 16)");
    }
    byte[] iv =
        ASN1OctetString.getInstance(pbes2.getEncryptionScheme().getParameters()).getOctets();
    if (iv.length != IV_BYTES) {
      throw new UnsupportedEncryption("the AES-256-CBC IV has " + iv.length + " bytes");
    }
    byte[] key = derive(passphrase, salt, (int) cost, (int) blockSize, (int) parallelism);
    try {
      return cipher(false, key, iv, info.getEncryptedData());
    } catch (InvalidCipherTextException e) {
      throw new WrongPassphrase();
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] derive(char[] passphrase, byte[] salt, int n, int r, int p) {
    ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] bytes = new byte[utf8.remaining()];
    utf8.get(bytes);
    Arrays.fill(utf8.array(), (byte) 0);
    try {
      return SCrypt.generate(bytes, salt, n, r, p, KEY_BYTES);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static byte[] cipher(boolean encrypt, byte[] key, byte[] iv, byte[] input)
      throws InvalidCipherTextException {
    BufferedBlockCipher aes =
        new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(AESEngine.newInstance()));
    aes.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
    byte[] out = new byte[aes.getOutputSize(input.length)];
    int length = aes.processBytes(input, 0, input.length, out, 0);
    length += aes.doFinal(out, length);
    byte[] result = Arrays.copyOf(out, length);
    Arrays.fill(out, (byte) 0);
    return result;
  }

  /** The file is encrypted some other way than this class writes. */
  static final class UnsupportedEncryption extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedEncryption(String message) {
      super(message);
    }
  }

  /** The passphrase does not open the file. */
  static final class WrongPassphrase extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrongPassphrase() {
      super("the passphrase does not open this key file");
    }
  }
}
