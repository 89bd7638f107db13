package org.tanglenode.crypto.keyfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.tanglenode.crypto.keyfile.KeyFileException.Reason;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;

/**
 * The node's one private-key file format: PEM {@code PRIVATE KEY} around the PKCS#8 DER of an
 * Ed25519 key as RFC 8410 defines it, that is the fixed 16 bytes {@code
 * 302e020100300506032b657004220420} followed by the 32-byte seed. It is what {@code openssl genpkey
 * -algorithm ed25519} writes, so {@code openssl pkey} reads our files and we read its.
 *
 * <pre>
 * -----BEGIN PRIVATE KEY-----
 * MC4CAQAwBQYDK2VwBCIEI...(64 base64 characters in all)
 * -----END PRIVATE KEY-----
 * </pre>
 *
 * <p>A key file may be encrypted with a passphrase: PEM {@code ENCRYPTED PRIVATE KEY} around a
 * PKCS#8 {@code EncryptedPrivateKeyInfo} of the same 48 bytes, PBES2 with scrypt and AES-256-CBC
 * ({@link ScryptEncryption}; {@code openssl pkey} reads it given the passphrase). Readers find the
 * passphrase through {@link KeyPassphrase}; {@link #read(Path)} uses the environment.
 *
 * <p>Files are created with mode 0600 set atomically at creation (never a moment readable by
 * others) and never overwritten. Reading is strict: one PEM block, no text around it, standard
 * base64 broken into lines of any length, exactly 48 DER bytes. PKCS#8 v2 files that also carry the
 * public key are refused rather than half-understood. Messages name the file and the problem, never
 * the seed. This class does not log: callers use {@link #excessPermissions(Path)} to warn about a
 * key file others can read.
 */
public final class KeyFile {

  /** PKCS#8 PrivateKeyInfo, version 0, algorithm id-Ed25519 (1.3.101.112), CurvePrivateKey. */
  static final byte[] DER_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

  static final int DER_LENGTH = DER_PREFIX.length + Ed25519PrivateKey.SIZE;
  static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  static final String END = "-----END PRIVATE KEY-----";
  static final String BEGIN_ENCRYPTED = "-----BEGIN ENCRYPTED PRIVATE KEY-----";
  static final String END_ENCRYPTED = "-----END ENCRYPTED PRIVATE KEY-----";

  /** Far above the 120-odd bytes of a key file; anything larger is not one of ours. */
  static final long MAX_FILE_SIZE = 4096;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private KeyFile() {}

  /**
   * Writes {@code key} to a new file at {@code file}, with POSIX mode 0600 from its creation on
   * file systems that have POSIX permissions. The data is forced to the device before returning.
   *
   * @throws KeyFileException with {@link Reason#ALREADY_EXISTS} if there is a file at {@code file}
   *     already, or {@link Reason#WRITE_FAILED} on an I/O error (a partly written file is removed)
   */
  public static void write(Path file, Ed25519PrivateKey key) {
    byte[] der = privateKeyInfo(key);
    byte[] pem = null;
    try {
      pem = pem(der, BEGIN, END);
      writeNew(file, pem);
    } finally {
      Arrays.fill(der, (byte) 0);
      if (pem != null) {
        Arrays.fill(pem, (byte) 0);
      }
    }
  }

  /**
   * As {@link #write}, with the key encrypted under {@code passphrase} (scrypt, AES-256-CBC).
   *
   * @throws IllegalArgumentException if the passphrase is empty
   */
  public static void writeEncrypted(
      Path file, Ed25519PrivateKey key, char[] passphrase, SecureRandom random) {
    writeEncrypted(file, key, passphrase, random, ScryptEncryption.COST);
  }

  static void writeEncrypted(
      Path file, Ed25519PrivateKey key, char[] passphrase, SecureRandom random, int cost) {
    if (passphrase.length == 0) {
      throw new IllegalArgumentException("an empty passphrase encrypts nothing");
    }
    byte[] der = privateKeyInfo(key);
    byte[] pem = null;
    try {
      pem =
          pem(
              ScryptEncryption.encrypt(der, passphrase, random, cost),
              BEGIN_ENCRYPTED,
              END_ENCRYPTED);
      writeNew(file, pem);
    } finally {
      Arrays.fill(der, (byte) 0);
      if (pem != null) {
        Arrays.fill(pem, (byte) 0);
      }
    }
  }

  /** Whether {@code file} holds an encrypted key (so a passphrase will be needed). */
  public static boolean isEncrypted(Path file) {
    byte[] content = readContent(file);
    try {
      return new String(content, StandardCharsets.US_ASCII).strip().startsWith(BEGIN_ENCRYPTED);
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  private static byte[] privateKeyInfo(Ed25519PrivateKey key) {
    byte[] seed = key.seed();
    byte[] der = new byte[DER_LENGTH];
    System.arraycopy(DER_PREFIX, 0, der, 0, DER_PREFIX.length);
    System.arraycopy(seed, 0, der, DER_PREFIX.length, seed.length);
    Arrays.fill(seed, (byte) 0);
    return der;
  }

  /**
   * The key in {@code file}; for an encrypted file the passphrase comes from the environment
   * ({@link KeyPassphrase#fromEnvironment}).
   *
   * @throws KeyFileException if the file is missing, cannot be read or is not a key file in this
   *     format; {@link KeyFileException#reason()} says which
   */
  public static Ed25519PrivateKey read(Path file) {
    return read(file, KeyPassphrase.fromEnvironment(System.getenv()));
  }

  /**
   * The key in {@code file}, asking {@code passphrase} only if the file is encrypted.
   *
   * @throws KeyFileException as {@link #read(Path)}, and with {@link Reason#PASSPHRASE_REQUIRED},
   *     {@link Reason#WRONG_PASSPHRASE} or {@link Reason#UNSUPPORTED_ENCRYPTION} for encrypted
   *     files
   */
  public static Ed25519PrivateKey read(Path file, KeyPassphrase passphrase) {
    byte[] content = readContent(file);
    byte[] der = null;
    try {
      boolean encrypted =
          new String(content, StandardCharsets.US_ASCII).strip().startsWith(BEGIN_ENCRYPTED);
      der =
          encrypted
              ? decrypt(file, decodePem(file, content, BEGIN_ENCRYPTED, END_ENCRYPTED), passphrase)
              : decodePem(file, content, BEGIN, END);
      if (der.length < DER_PREFIX.length
          || !Arrays.equals(der, 0, DER_PREFIX.length, DER_PREFIX, 0, DER_PREFIX.length)) {
        throw new KeyFileException(
            file,
            Reason.WRONG_DER_PREFIX,
            "not an RFC 8410 Ed25519 PKCS#8 key (the DER does not start with "
                + HexFormat.of().formatHex(DER_PREFIX)
                + ")");
      }
      if (der.length != DER_LENGTH) {
        throw new KeyFileException(
            file,
            Reason.WRONG_LENGTH,
            "the DER has " + der.length + " bytes, an Ed25519 key has " + DER_LENGTH);
      }
      byte[] seed = Arrays.copyOfRange(der, DER_PREFIX.length, DER_LENGTH);
      try {
        return Ed25519PrivateKey.fromSeed(seed);
      } finally {
        Arrays.fill(seed, (byte) 0);
      }
    } finally {
      Arrays.fill(content, (byte) 0);
      if (der != null) {
        Arrays.fill(der, (byte) 0);
      }
    }
  }

  /**
   * The permissions of {@code file} beyond owner read and write: group and other permissions, and
   * owner execute. A node should warn when this is not empty, as a key file others can read is a
   * leaked key. Empty on file systems without POSIX permissions.
   *
   * @throws KeyFileException with {@link Reason#MISSING} if there is no file, or {@link
   *     Reason#UNREADABLE} if its attributes cannot be read
   */
  public static Set<PosixFilePermission> excessPermissions(Path file) {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return Set.of();
    }
    Set<PosixFilePermission> excess;
    try {
      excess = EnumSet.copyOf(Files.getPosixFilePermissions(file));
    } catch (NoSuchFileException e) {
      throw new KeyFileException(file, Reason.MISSING, "does not exist", e);
    } catch (IOException e) {
      throw new KeyFileException(
          file, Reason.UNREADABLE, "cannot read its permissions: " + e.getMessage(), e);
    }
    excess.removeAll(OWNER_ONLY);
    return excess;
  }

  private static byte[] decrypt(Path file, byte[] encryptedDer, KeyPassphrase passphrase) {
    char[] secret =
        passphrase
            .passphraseFor(file)
            .orElseThrow(
                () ->
                    new KeyFileException(
                        file,
                        Reason.PASSPHRASE_REQUIRED,
                        "is encrypted: give its passphrase in "
                            + KeyPassphrase.ENV_PASSPHRASE
                            + " or a file named by "
                            + KeyPassphrase.ENV_PASSPHRASE_FILE));
    try {
      byte[] der = ScryptEncryption.decrypt(encryptedDer, secret);
      // CBC padding passes for about one wrong passphrase in 256; the content check catches it.
      if (der.length != DER_LENGTH
          || !Arrays.equals(der, 0, DER_PREFIX.length, DER_PREFIX, 0, DER_PREFIX.length)) {
        Arrays.fill(der, (byte) 0);
        throw new ScryptEncryption.WrongPassphrase();
      }
      return der;
    } catch (ScryptEncryption.WrongPassphrase e) {
      throw new KeyFileException(file, Reason.WRONG_PASSPHRASE, e.getMessage(), e);
    } catch (ScryptEncryption.UnsupportedEncryption e) {
      throw new KeyFileException(file, Reason.UNSUPPORTED_ENCRYPTION, e.getMessage(), e);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private static byte[] pem(byte[] der, String begin, String end) {
    String base64 = Base64.getEncoder().encodeToString(der);
    StringBuilder out = new StringBuilder(begin.length() + end.length() + base64.length() + 8);
    out.append(begin).append('\n');
    for (int i = 0; i < base64.length(); i += 64) {
      out.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
    }
    out.append(end).append('\n');
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void writeNew(Path file, byte[] content) {
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    FileAttribute<?>[] attributes =
        file.getFileSystem().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];
    SeekableByteChannel channel;
    try {
      channel = Files.newByteChannel(file, options, attributes);
    } catch (FileAlreadyExistsException e) {
      throw new KeyFileException(
          file, Reason.ALREADY_EXISTS, "already exists; refusing to overwrite a key", e);
    } catch (IOException e) {
      throw new KeyFileException(file, Reason.WRITE_FAILED, "cannot create: " + describe(e), e);
    }
    try (channel) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      if (channel instanceof java.nio.channels.FileChannel fileChannel) {
        fileChannel.force(true);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new KeyFileException(file, Reason.WRITE_FAILED, "cannot write: " + describe(e), e);
    }
  }

  private static byte[] readContent(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new KeyFileException(file, Reason.MISSING, "does not exist", e);
    } catch (IOException e) {
      throw new KeyFileException(file, Reason.UNREADABLE, "cannot be read: " + describe(e), e);
    }
    if (attributes.isDirectory()) {
      throw new KeyFileException(file, Reason.UNREADABLE, "is a directory, not a key file");
    }
    if (!attributes.isRegularFile()) {
      throw new KeyFileException(file, Reason.UNREADABLE, "is not a regular file");
    }
    if (attributes.size() > MAX_FILE_SIZE) {
      throw new KeyFileException(
          file,
          Reason.TOO_LARGE,
          "has " + attributes.size() + " bytes, a key file has at most " + MAX_FILE_SIZE);
    }
    try (var in = Files.newInputStream(file)) {
      byte[] content = in.readNBytes((int) MAX_FILE_SIZE + 1);
      if (content.length > MAX_FILE_SIZE) {
        Arrays.fill(content, (byte) 0);
        throw new KeyFileException(
            file, Reason.TOO_LARGE, "has more than " + MAX_FILE_SIZE + " bytes");
      }
      return content;
    } catch (AccessDeniedException e) {
      throw new KeyFileException(file, Reason.UNREADABLE, "permission denied", e);
    } catch (NoSuchFileException e) {
      throw new KeyFileException(file, Reason.MISSING, "does not exist", e);
    } catch (IOException e) {
      throw new KeyFileException(file, Reason.UNREADABLE, "cannot be read: " + describe(e), e);
    }
  }

  /** The DER inside the one PEM block of {@code content} between {@code begin} and {@code end}. */
  private static byte[] decodePem(Path file, byte[] content, String begin, String end) {
    for (byte b : content) {
      if (b < 0 || (b < 0x20 && b != '\n' && b != '\r' && b != '\t')) {
        throw new KeyFileException(file, Reason.BAD_PEM, "is not a PEM text file");
      }
    }
    List<String> lines =
        new String(content, StandardCharsets.US_ASCII)
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty())
            .toList();
    if (lines.isEmpty() || !lines.get(0).equals(begin)) {
      throw new KeyFileException(file, Reason.BAD_PEM, "does not start with " + begin);
    }
    if (lines.size() < 2 || !lines.get(lines.size() - 1).equals(end)) {
      throw new KeyFileException(file, Reason.BAD_PEM, "does not end with " + end);
    }
    StringBuilder body = new StringBuilder();
    for (String line : lines.subList(1, lines.size() - 1)) {
      if (line.startsWith("-----")) {
        throw new KeyFileException(
            file, Reason.BAD_PEM, "has more than one PEM block or a PEM header");
      }
      body.append(line);
    }
    try {
      return Base64.getDecoder().decode(body.toString());
    } catch (IllegalArgumentException e) {
      throw new KeyFileException(file, Reason.NOT_BASE64, "the PEM body is not valid base64", e);
    }
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
