package org.tanglenode.node.cli;

import java.nio.file.Path;
import org.tanglenode.protocol.trust.GenesisTrust;
import org.tanglenode.protocol.trust.TrustRoot;
import picocli.CommandLine.Option;

/**
 * Whom an offline check trusts: the network's genesis file, or, after a committee change, the trust
 * file that holds the genesis and the committee-signed updates since. Exactly one is given.
 */
final class TrustOptions {

  @Option(
      names = "--genesis",
      description = "The network's genesis file (its hash is the network id).")
  Path genesisFile;

  @Option(
      names = "--trust",
      description =
          "A trust file (the genesis plus committee updates), for receipts made under a"
              + " committee other than the genesis one.")
  Path trustFile;

  TrustRoot load() {
    if (genesisFile != null) {
      return new GenesisTrust(TransactionCommand.readGenesis(genesisFile));
    }
    return readTrustFile(trustFile);
  }

  /**
   * The trust root a trust file states. Reading trust files belongs to the trust chain, which this
   * build does not have, so the option is refused with that reason rather than guessed at.
   */
  static TrustRoot readTrustFile(Path file) {
    throw new CommandFailedException(
        "cannot read trust file "
            + file
            + ": this build has no trust-file reader; verify with --genesis");
  }
}
