package org.tanglenode.node.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.tanglenode.crypto.address.Address;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.crypto.keyfile.KeyFileException;
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

  @Override
  public void run() {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
    try {
      KeyFile.write(out, key);
    } catch (KeyFileException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
    var stdout = spec.commandLine().getOut();
    stdout.println("key file:   " + out.toAbsolutePath());
    stdout.println("public key: " + key.publicKey().toHex());
    stdout.println("address:    " + Address.of(key.publicKey()).encode(addressPrefix));
  }
}
