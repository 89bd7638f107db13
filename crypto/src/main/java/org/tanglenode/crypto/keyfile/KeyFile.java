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
    byte[] seed = key.seed();
    byte[] der = new byte[DER_LENGTH];
    byte[] pem = null;
    try {
      System.arraycopy(DER_PREFIX, 0, der, 0, DER_PREFIX.length);
      System.arraycopy(seed, 0, der, DER_PREFIX.length, seed.length);
      pem = pem(der);
      writeNew(file, pem);
    } finally {
      Arrays.fill(seed, (byte) 0);
      Arrays.fill(der, (byte) 0);
      if (pem != null) {
        Arrays.fill(pem, (byte) 0);
      }
    }
  }

  /**
   * The key in {@code file}.
   *
   * @throws KeyFileException if the file is missing, cannot be read or is not a key file in this
   *     format; {@link KeyFileException#reason()} says which
   */
  public static Ed25519PrivateKey read(Path file) {
    byte[] content = readContent(file);
    byte[] der = null;
    try {
      der = decodePem(file, content);
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

  private static byte[] pem(byte[] der) {
    String base64 = Base64.getEncoder().encodeToString(der);
    StringBuilder out = new StringBuilder(BEGIN.length() + END.length() + base64.length() + 8);
    out.append(BEGIN).append('\n');
    for (int i = 0; i < base64.length(); i += 64) {
      out.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
    }
    out.append(END).append('\n');
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

  /** The DER inside the one {@code PRIVATE KEY} block of {@code content}. */
  private static byte[] decodePem(Path file, byte[] content) {
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
    if (lines.isEmpty() || !lines.get(0).equals(BEGIN)) {
      throw new KeyFileException(file, Reason.BAD_PEM, "does not start with " + BEGIN);
    }
    if (lines.size() < 2 || !lines.get(lines.size() - 1).equals(END)) {
      throw new KeyFileException(file, Reason.BAD_PEM, "does not end with " + END);
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
