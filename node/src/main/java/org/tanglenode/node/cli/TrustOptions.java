package org.tanglenode.node.cli;

import java.nio.file.Path;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.GenesisFileException;
import org.tanglenode.protocol.trust.GenesisTrust;
import org.tanglenode.protocol.trust.TrustFile;
import org.tanglenode.protocol.trust.TrustFileException;
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
      try {
        return new GenesisTrust(GenesisFile.read(genesisFile));
      } catch (GenesisFileException e) {
        // The codes of docs/protocol.md section 3, as the web verifier names them too.
        throw new CommandFailedException("genesis refused: " + e.code() + ": " + e.getMessage(), e);
      }
    }
    return readTrustFile(trustFile);
  }

  /** The trust root a trust file states, its chain of updates verified from the genesis on. */
  static TrustRoot readTrustFile(Path file) {
    try {
      return TrustFile.read(file);
    } catch (TrustFileException e) {
      throw new CommandFailedException(
          "trust file refused: " + e.reason() + ": " + file + ": " + e.detail(), e);
    }
  }
}
