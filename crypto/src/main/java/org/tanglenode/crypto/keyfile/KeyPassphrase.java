package org.tanglenode.crypto.keyfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the passphrase of an encrypted key file comes from. Never from the command line, where
 * other users of the machine can read it in the process list.
 */
@FunctionalInterface
public interface KeyPassphrase {

  /** The passphrase itself. */
  String ENV_PASSPHRASE = "TANGLE_KEY_PASSPHRASE";

  /** A file whose first line is the passphrase (a mounted secret, a systemd credential). */
  String ENV_PASSPHRASE_FILE = "TANGLE_KEY_PASSPHRASE_FILE";

  /**
   * The passphrase for {@code keyFile}, or empty if none was given. The caller wipes the array.
   *
   * @throws KeyFileException with {@link KeyFileException.Reason#PASSPHRASE_UNREADABLE} if the
   *     source names a file that cannot be read
   */
  Optional<char[]> passphraseFor(Path keyFile);

  static KeyPassphrase none() {
    return keyFile -> Optional.empty();
  }

  static KeyPassphrase of(char[] passphrase) {
    char[] copy = passphrase.clone();
    return keyFile -> Optional.of(copy.clone());
  }

  /** {@value #ENV_PASSPHRASE} or {@value #ENV_PASSPHRASE_FILE} of {@code environment}. */
  static KeyPassphrase fromEnvironment(Map<String, String> environment) {
    String value = environment.get(ENV_PASSPHRASE);
    String file = environment.get(ENV_PASSPHRASE_FILE);
    return keyFile -> {
      if (value != null && file != null) {
        throw new KeyFileException(
            keyFile,
            KeyFileException.Reason.PASSPHRASE_UNREADABLE,
            "both " + ENV_PASSPHRASE + " and " + ENV_PASSPHRASE_FILE + " are set; set one");
      }
      if (value != null) {
        return Optional.of(value.toCharArray());
      }
      if (file == null) {
        return Optional.empty();
      }
      try {
        String content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        return Optional.of(content.lines().findFirst().orElse("").toCharArray());
      } catch (IOException | RuntimeException e) {
        throw new KeyFileException(
            keyFile,
            KeyFileException.Reason.PASSPHRASE_UNREADABLE,
            "cannot read the passphrase file " + file + " named by " + ENV_PASSPHRASE_FILE,
            e);
      }
    };
  }
}
