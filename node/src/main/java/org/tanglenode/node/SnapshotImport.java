package org.tanglenode.node;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.tanglenode.node.config.NodeConfig;
import org.tanglenode.protocol.genesis.GenesisFileException;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.storage.SnapshotInfo;
import org.tanglenode.storage.Storage;

/**
 * Fills a node's empty data folder from a snapshot file before its first start ({@code tangle
 * snapshot import}). The node must not be running: this opens its database itself. The file is
 * checked against the genesis the node is configured with (its network) and against itself (digest,
 * totals, history frontier) before anything is written; see docs/storage.md.
 */
public final class SnapshotImport {

  private final NodeConfig config;
  private final Clock clock;

  public SnapshotImport(NodeConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * Imports {@code file}.
   *
   * @throws NodeStartException the genesis cannot be read or the database cannot be opened (in use
   *     by a running node, damaged)
   * @throws org.tanglenode.storage.InvalidSnapshotException the file is damaged or of another
   *     network; nothing was written
   * @throws org.tanglenode.storage.StorageException the database is not empty
   */
  public SnapshotInfo importFrom(Path file) {
    long network = network().shortId();
    try {
      Files.createDirectories(config.dataPath());
    } catch (IOException e) {
      throw new NodeStartException("cannot create the data folder " + config.dataPath(), e);
    }
    try (Storage storage =
        Storage.open(
            config.storage().toStorageConfig(config.databasePath()),
            new SimpleMeterRegistry(),
            clock)) {
      return storage.snapshots().importFrom(file, network);
    }
  }

  private org.tanglenode.protocol.genesis.Network network() {
    try {
      return TrustChain.ofGenesisFile(Files.readAllBytes(config.genesisPath())).network();
    } catch (IOException | IllegalArgumentException e) {
      GenesisFileException error =
          new GenesisFileException(config.genesisPath(), "cannot be read (" + e + ")", e);
      throw new NodeStartException(error.getMessage(), error);
    }
  }
}
