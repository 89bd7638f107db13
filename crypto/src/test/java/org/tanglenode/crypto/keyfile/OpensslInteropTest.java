package org.tanglenode.crypto.keyfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;

/**
 * Key files against the {@code openssl} command (Debian package {@code openssl}), which the build
 * machines have. The byte-for-byte check of the format in {@link KeyFileTest} is the main test;
 * this one proves that a standard tool agrees with it.
 */
class OpensslInteropTest {

  @TempDir Path dir;

  private Path openssl;

  @BeforeEach
  void findOpenssl() {
    Optional<Path> found = onPath("openssl");
    assertThat(found).as("openssl must be on the PATH (apt-get install openssl)").isPresent();
    openssl = found.get();
  }

  private static Optional<Path> onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(folder -> !folder.isEmpty())
        .map(folder -> Path.of(folder, command))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private record Result(int exitCode, byte[] stdout, String stderr) {}

  private Result run(String... arguments) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(openssl.toString());
    command.addAll(List.of(arguments));
    Path err = dir.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    byte[] stdout = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
    return new Result(process.exitValue(), stdout, Files.readString(err));
  }

  @Test
  void opensslAcceptsOurKeyFileAndDerivesTheSamePublicKey() throws Exception {
    byte[] seed = new byte[32];
    new Random(8410).nextBytes(seed);
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(seed);
    Path file = dir.resolve("node.key");
    KeyFile.write(file, key);

    Result check = run("pkey", "-in", file.toString(), "-noout");
    assertThat(check.exitCode()).as(check.stderr()).isZero();

    Result publicKey = run("pkey", "-in", file.toString(), "-pubout", "-outform", "DER");
    assertThat(publicKey.exitCode()).as(publicKey.stderr()).isZero();
    byte[] spki = publicKey.stdout();
    assertThat(Arrays.copyOfRange(spki, spki.length - 32, spki.length))
        .isEqualTo(key.publicKey().bytes());
  }

  @Test
  void weReadAKeyOpensslGenerated() throws Exception {
    Path file = dir.resolve("openssl.key");
    Result generate = run("genpkey", "-algorithm", "ed25519", "-out", file.toString());
    assertThat(generate.exitCode()).as(generate.stderr()).isZero();

    Ed25519PrivateKey key = KeyFile.read(file);

    Result publicKey = run("pkey", "-in", file.toString(), "-pubout", "-outform", "DER");
    assertThat(publicKey.exitCode()).as(publicKey.stderr()).isZero();
    byte[] spki = publicKey.stdout();
    assertThat(Arrays.copyOfRange(spki, spki.length - 32, spki.length))
        .isEqualTo(key.publicKey().bytes());
  }

  @Test
  void opensslOpensOurEncryptedKeyWithThePassphraseAndNotWithout() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(new java.security.SecureRandom());
    Path file = dir.resolve("encrypted.key");
    KeyFile.writeEncrypted(
        file, key, "correct horse".toCharArray(), new java.security.SecureRandom());

    Result publicKey =
        run(
            "pkey",
            "-in",
            file.toString(),
            "-passin",
            "pass:correct horse",
            "-pubout",
            "-outform",
            "DER");
    assertThat(publicKey.exitCode()).as(publicKey.stderr()).isZero();
    byte[] spki = publicKey.stdout();
    assertThat(Arrays.copyOfRange(spki, spki.length - 32, spki.length))
        .isEqualTo(key.publicKey().bytes());
    Result wrong = run("pkey", "-in", file.toString(), "-passin", "pass:wrong", "-noout");
    assertThat(wrong.exitCode()).isNotZero();
  }

  @Test
  void weOpenAKeyOpensslEncryptedWithScrypt() throws Exception {
    Path plain = dir.resolve("plain.key");
    Path encrypted = dir.resolve("scrypt.key");
    assertThat(run("genpkey", "-algorithm", "ed25519", "-out", plain.toString()).exitCode())
        .isZero();
    Result convert =
        run(
            "pkcs8",
            "-topk8",
            "-scrypt",
            "-v2",
            "aes-256-cbc",
            "-in",
            plain.toString(),
            "-out",
            encrypted.toString(),
            "-passout",
            "pass:field office 7");
    assertThat(convert.exitCode()).as(convert.stderr()).isZero();

    Ed25519PrivateKey key =
        KeyFile.read(encrypted, KeyPassphrase.of("field office 7".toCharArray()));

    assertThat(key.publicKey()).isEqualTo(KeyFile.read(plain).publicKey());
  }
}
