package org.tanglenode.crypto.keyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.keyfile.KeyFileException.Reason;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;

class KeyFileTest {

  private static final HexFormat HEX = HexFormat.of();

  @TempDir Path dir;

  private static Ed25519PrivateKey key(long seed) {
    byte[] bytes = new byte[32];
    new Random(seed).nextBytes(bytes);
    return Ed25519PrivateKey.fromSeed(bytes);
  }

  private Path pem(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.US_ASCII);
    return file;
  }

  private static String pemOf(byte[] der) {
    return KeyFile.BEGIN
        + "\n"
        + Base64.getEncoder().encodeToString(der)
        + "\n"
        + KeyFile.END
        + "\n";
  }

  /** Asserts that {@code read} fails for {@code reason} naming {@code file}, never the seed. */
  private static void assertFails(ThrowingCallable read, Path file, Reason reason, byte[] seed) {
    assertThatThrownBy(read)
        .isInstanceOf(KeyFileException.class)
        .hasMessageContaining(file.toString())
        .satisfies(
            e -> {
              KeyFileException failure = (KeyFileException) e;
              assertThat(failure.reason()).isEqualTo(reason);
              assertThat(failure.file()).isEqualTo(file);
              if (seed != null) {
                assertThat(failure.getMessage())
                    .doesNotContain(HEX.formatHex(seed))
                    .doesNotContain(Base64.getEncoder().encodeToString(seed));
              }
            });
  }

  @Test
  void roundTrips() {
    Ed25519PrivateKey key = key(1);
    Path file = dir.resolve("node.key");

    KeyFile.write(file, key);

    assertThat(KeyFile.read(file)).isEqualTo(key);
  }

  @Test
  void theFileIsTheRfc8410DerInPemByteForByte() throws IOException {
    Ed25519PrivateKey key = key(2);
    Path file = dir.resolve("node.key");
    KeyFile.write(file, key);

    String[] lines = Files.readString(file, StandardCharsets.US_ASCII).split("\n", -1);
    assertThat(lines)
        .containsExactly("-----BEGIN PRIVATE KEY-----", lines[1], "-----END PRIVATE KEY-----", "");
    assertThat(lines[1]).hasSize(64);
    byte[] der = Base64.getDecoder().decode(lines[1]);

    // PrivateKeyInfo ::= SEQUENCE { version INTEGER (0),
    //   privateKeyAlgorithm SEQUENCE { OID 1.3.101.112 }, privateKey OCTET STRING }
    // where privateKey holds CurvePrivateKey ::= OCTET STRING (the 32-byte seed).
    assertThat(der).hasSize(48);
    assertThat(Arrays.copyOfRange(der, 0, 2)).containsExactly(0x30, 0x2e); // SEQUENCE, 46 bytes
    assertThat(Arrays.copyOfRange(der, 2, 5)).containsExactly(0x02, 0x01, 0x00); // INTEGER 0
    assertThat(Arrays.copyOfRange(der, 5, 7)).containsExactly(0x30, 0x05); // SEQUENCE, 5 bytes
    assertThat(Arrays.copyOfRange(der, 7, 12)) // OID 1.3.101.112 = 43.101.112
        .containsExactly(0x06, 0x03, 0x2b, 0x65, 0x70);
    assertThat(Arrays.copyOfRange(der, 12, 14)).containsExactly(0x04, 0x22); // OCTET STRING, 34
    assertThat(Arrays.copyOfRange(der, 14, 16)).containsExactly(0x04, 0x20); // OCTET STRING, 32
    assertThat(Arrays.copyOfRange(der, 16, 48)).isEqualTo(key.seed());
    assertThat(HEX.formatHex(der, 0, 16)).isEqualTo("302e020100300506032b657004220420");
  }

  @Test
  void readsTheExampleOfRfc8410() throws IOException {
    // RFC 8410 section 10.3; its public key is the one of section 10.1.
    Path file =
        pem(
            "rfc8410.pem",
            "-----BEGIN PRIVATE KEY-----\n"
                + "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n"
                + "-----END PRIVATE KEY-----\n");

    Ed25519PrivateKey key = KeyFile.read(file);

    assertThat(HEX.formatHex(key.seed()))
        .isEqualTo("d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842");
    assertThat(key.publicKey().toHex())
        .isEqualTo("19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1");
  }

  @Test
  void acceptsCrlfLineEndsAndTheBase64SplitOverLines() throws IOException {
    Ed25519PrivateKey key = key(3);
    byte[] der = new byte[48];
    System.arraycopy(KeyFile.DER_PREFIX, 0, der, 0, 16);
    System.arraycopy(key.seed(), 0, der, 16, 32);
    String base64 = Base64.getEncoder().encodeToString(der);
    Path file =
        pem(
            "crlf.pem",
            KeyFile.BEGIN
                + "\r\n"
                + base64.substring(0, 20)
                + "\r\n"
                + base64.substring(20)
                + "\r\n"
                + KeyFile.END
                + "\r\n");

    assertThat(KeyFile.read(file)).isEqualTo(key);
  }

  @Test
  void theFileIsCreatedWithMode0600() throws IOException {
    Path file = dir.resolve("node.key");

    KeyFile.write(file, key(4));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(KeyFile.excessPermissions(file)).isEmpty();
  }

  @Test
  void reportsAKeyFileOthersCanRead() throws IOException {
    Path file = dir.resolve("node.key");
    KeyFile.write(file, key(5));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThat(KeyFile.excessPermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    assertThat(KeyFile.read(file)).isEqualTo(key(5));
  }

  @Test
  void refusesToOverwriteAFile() throws IOException {
    Path file = pem("node.key", "something precious\n");

    assertFails(() -> KeyFile.write(file, key(6)), file, Reason.ALREADY_EXISTS, key(6).seed());
    assertThat(Files.readString(file)).isEqualTo("something precious\n");
  }

  @Test
  void writingIntoAMissingFolderFails() {
    Path file = dir.resolve("no-such-folder").resolve("node.key");

    assertFails(() -> KeyFile.write(file, key(7)), file, Reason.WRITE_FAILED, key(7).seed());
  }

  @Test
  void aMissingFileIsReported() {
    Path file = dir.resolve("absent.key");

    assertFails(() -> KeyFile.read(file), file, Reason.MISSING, null);
    assertFails(() -> KeyFile.excessPermissions(file), file, Reason.MISSING, null);
  }

  @Test
  void aDirectoryIsUnreadable() {
    assertFails(() -> KeyFile.read(dir), dir, Reason.UNREADABLE, null);
  }

  @Test
  void aFileThatIsNotPemIsRejected() throws IOException {
    Path file = pem("random.key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA comment\n");

    assertFails(() -> KeyFile.read(file), file, Reason.BAD_PEM, null);
  }

  @Test
  void anotherPemTypeIsRejected() throws IOException {
    Path file =
        pem(
            "public.pem",
            "-----BEGIN PUBLIC KEY-----\n"
                + "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
                + "-----END PUBLIC KEY-----\n");

    assertFails(() -> KeyFile.read(file), file, Reason.BAD_PEM, null);
  }

  @Test
  void aMissingEndLineIsRejected() throws IOException {
    Ed25519PrivateKey key = key(9);
    byte[] der = new byte[48];
    System.arraycopy(KeyFile.DER_PREFIX, 0, der, 0, 16);
    System.arraycopy(key.seed(), 0, der, 16, 32);
    Path file =
        pem("truncated.key", KeyFile.BEGIN + "\n" + Base64.getEncoder().encodeToString(der) + "\n");

    assertFails(() -> KeyFile.read(file), file, Reason.BAD_PEM, key.seed());
  }

  @Test
  void aBinaryFileIsRejected() throws IOException {
    Path file = dir.resolve("binary.key");
    Files.write(file, new byte[] {0x30, 0x2e, 0x02, 0x01, 0x00, (byte) 0xff});

    assertFails(() -> KeyFile.read(file), file, Reason.BAD_PEM, null);
  }

  @Test
  void aBodyThatIsNotBase64IsRejected() throws IOException {
    Path file =
        pem("bad64.key", KeyFile.BEGIN + "\nMC4CAQAwBQYDK2Vw*CIEI!!\n" + KeyFile.END + "\n");

    assertFails(() -> KeyFile.read(file), file, Reason.NOT_BASE64, null);
  }

  @Test
  void aWrongDerPrefixIsRejected() throws IOException {
    // PKCS#8 of an X25519 key (OID 1.3.101.110): same shape, another algorithm.
    byte[] der = HEX.parseHex("302e020100300506032b656e04220420" + "11".repeat(32));
    Path file = pem("x25519.key", pemOf(der));

    assertFails(() -> KeyFile.read(file), file, Reason.WRONG_DER_PREFIX, null);
  }

  @Test
  void aTooShortDerIsRejected() throws IOException {
    Path file = pem("short.key", pemOf(HEX.parseHex("302e0201")));

    assertFails(() -> KeyFile.read(file), file, Reason.WRONG_DER_PREFIX, null);
  }

  @Test
  void theRightPrefixWithTheWrongLengthIsRejected() throws IOException {
    byte[] seed = key(10).seed();
    byte[] longer = new byte[49];
    System.arraycopy(KeyFile.DER_PREFIX, 0, longer, 0, 16);
    System.arraycopy(seed, 0, longer, 16, 32);
    byte[] shorter = Arrays.copyOf(longer, 47);
    Path tooLong = pem("long.key", pemOf(longer));
    Path tooShort = pem("short.key", pemOf(shorter));

    assertFails(() -> KeyFile.read(tooLong), tooLong, Reason.WRONG_LENGTH, seed);
    assertFails(() -> KeyFile.read(tooShort), tooShort, Reason.WRONG_LENGTH, seed);
  }

  @Test
  void aHugeFileIsRejectedUnread() throws IOException {
    Path file = dir.resolve("huge.key");
    Files.write(file, new byte[(int) KeyFile.MAX_FILE_SIZE + 1]);

    assertFails(() -> KeyFile.read(file), file, Reason.TOO_LARGE, null);
  }

  @Test
  void theKeyNeverAppearsInToString() {
    Ed25519PrivateKey key = key(11);
    String seedHex = HEX.formatHex(key.seed());

    assertThat(key.toString()).doesNotContain(seedHex);
    assertThat(new KeyFileException(dir, Reason.BAD_PEM, "is not a PEM text file").toString())
        .doesNotContain(seedHex);
  }

  @Nested
  class Encrypted {

    private final char[] passphrase = "clinic 3 signs for lot 12".toCharArray();

    private Path encrypted(Ed25519PrivateKey key) {
      Path file = dir.resolve("encrypted.key");
      KeyFile.writeEncrypted(file, key, passphrase, new SecureRandom());
      return file;
    }

    @Test
    void roundTripsWithThePassphraseAndHoldsNeitherSeedNorPlainDer() throws IOException {
      Ed25519PrivateKey key = key(7);
      Path file = encrypted(key);

      assertThat(KeyFile.read(file, KeyPassphrase.of(passphrase))).isEqualTo(key);
      assertThat(KeyFile.isEncrypted(file)).isTrue();
      String content = Files.readString(file);
      assertThat(content).startsWith(KeyFile.BEGIN_ENCRYPTED).doesNotContain(KeyFile.BEGIN + "\n");
      byte[] der =
          Base64.getMimeDecoder()
              .decode(
                  content
                      .lines()
                      .skip(1)
                      .filter(l -> !l.startsWith("-----"))
                      .reduce("", String::concat));
      assertThat(HEX.formatHex(der)).doesNotContain(HEX.formatHex(key.seed()));
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aWrongOrMissingPassphraseIsATypedRefusal() {
      Ed25519PrivateKey key = key(8);
      Path file = encrypted(key);

      assertFails(
          () -> KeyFile.read(file, KeyPassphrase.of("clinic 4".toCharArray())),
          file,
          Reason.WRONG_PASSPHRASE,
          key.seed());
      assertFails(
          () -> KeyFile.read(file, KeyPassphrase.none()),
          file,
          Reason.PASSPHRASE_REQUIRED,
          key.seed());
    }

    @Test
    void everyWrongPassphraseOfManyIsRefusedNeverAnotherKey() {
      // CBC padding alone accepts about one wrong passphrase in 256; the content check must not.
      Ed25519PrivateKey key = key(9);
      Path file = dir.resolve("cheap.key");
      KeyFile.writeEncrypted(file, key, passphrase, new SecureRandom(), 16);
      for (int i = 0; i < 2_000; i++) {
        char[] wrong = ("wrong " + i).toCharArray();
        assertThatThrownBy(() -> KeyFile.read(file, KeyPassphrase.of(wrong)))
            .isInstanceOf(KeyFileException.class)
            .extracting(e -> ((KeyFileException) e).reason())
            .isEqualTo(Reason.WRONG_PASSPHRASE);
      }
    }

    @Test
    void thePassphraseComesFromTheEnvironmentOrAFileItNames() throws IOException {
      Ed25519PrivateKey key = key(10);
      Path file = encrypted(key);
      Path secret = dir.resolve("passphrase.txt");
      Files.writeString(secret, new String(passphrase) + "\n");

      assertThat(
              KeyFile.read(
                  file,
                  KeyPassphrase.fromEnvironment(
                      Map.of(KeyPassphrase.ENV_PASSPHRASE, new String(passphrase)))))
          .isEqualTo(key);
      assertThat(
              KeyFile.read(
                  file,
                  KeyPassphrase.fromEnvironment(
                      Map.of(KeyPassphrase.ENV_PASSPHRASE_FILE, secret.toString()))))
          .isEqualTo(key);
      assertFails(
          () ->
              KeyFile.read(
                  file,
                  KeyPassphrase.fromEnvironment(
                      Map.of(KeyPassphrase.ENV_PASSPHRASE_FILE, dir.resolve("none").toString()))),
          file,
          Reason.PASSPHRASE_UNREADABLE,
          key.seed());
      // A plain key file needs no passphrase, whatever the environment says.
      Path plain = dir.resolve("plain.key");
      KeyFile.write(plain, key);
      assertThat(KeyFile.read(plain, KeyPassphrase.none())).isEqualTo(key);
    }
  }
}
