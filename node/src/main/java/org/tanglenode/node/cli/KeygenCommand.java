package org.tanglenode.node.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.tanglenode.crypto.address.Address;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.crypto.keyfile.KeyFileException;
import org.tanglenode.crypto.keyfile.KeyPassphrase;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Generates an Ed25519 key and writes it to a PEM file readable only by you (mode 0600).",
      "Prints the public key and the address; the private key is never printed."
    })
final class KeygenCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--out"},
      defaultValue = "tangle.key",
      description =
          "Key file to write; an existing file is never overwritten (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--address-prefix",
      defaultValue = "tgl",
      description = "Human-readable prefix of the network's addresses (default: ${DEFAULT-VALUE}).")
  String addressPrefix;

  @Option(
      names = "--encrypt",
      description = {
        "Encrypt the key file with a passphrase (scrypt, AES-256-CBC; openssl pkey reads it), taken",
        "from TANGLE_KEY_PASSPHRASE or the file named by TANGLE_KEY_PASSPHRASE_FILE, never from the",
        "command line. Nodes and commands reading the key take it from the same place."
      })
  boolean encrypt;

  /** Where the passphrase is looked up; tests give their own. */
  java.util.Map<String, String> environment = System.getenv();

  @Override
  public void run() {
    SecureRandom random = new SecureRandom();
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(random);
    try {
      if (encrypt) {
        char[] passphrase =
            KeyPassphrase.fromEnvironment(environment)
                .passphraseFor(out)
                .filter(p -> p.length > 0)
                .orElseThrow(
                    () ->
                        new CommandFailedException(
                            "--encrypt needs a passphrase in "
                                + KeyPassphrase.ENV_PASSPHRASE
                                + " or a file named by "
                                + KeyPassphrase.ENV_PASSPHRASE_FILE));
        try {
          KeyFile.writeEncrypted(out, key, passphrase, random);
        } finally {
          java.util.Arrays.fill(passphrase, '\0');
        }
      } else {
        KeyFile.write(out, key);
      }
    } catch (KeyFileException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
    var stdout = spec.commandLine().getOut();
    stdout.println("key file:   " + out.toAbsolutePath());
    stdout.println("public key: " + key.publicKey().toHex());
    stdout.println("address:    " + Address.of(key.publicKey()).encode(addressPrefix));
  }
}
