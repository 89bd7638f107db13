package org.tanglenode.node.config;

import java.nio.file.Path;

/**
 * Everything a node is configured with, read from one YAML file by {@link ConfigLoader}: every key
 * has a default and an environment variable ({@link Settings}). Paths are kept as written and
 * resolved against {@link #baseDir()}, the folder of the configuration file.
 */
public record NodeConfig(
    Path baseDir,
    String dataDir,
    String genesisFile,
    String nodeKeyFile,
    StorageSection storage,
    GossipSection gossip,
    IngestConfig ingest,
    TipsConfig tips,
    ApiConfig api,
    MetricsConfig metrics,
    LoggingConfig logging,
    CoordinatorConfig coordinator) {

  public NodeConfig {
    ConfigException.check(!dataDir.isBlank(), "dataDir", "must not be empty");
    ConfigException.check(!genesisFile.isBlank(), "genesisFile", "must not be empty");
    ConfigException.check(!nodeKeyFile.isBlank(), "nodeKeyFile", "must not be empty");
  }

  /** {@code file} as written, resolved against the configuration file's folder when relative. */
  public Path resolve(String file) {
    return baseDir.resolve(file).normalize();
  }

  public Path dataPath() {
    return resolve(dataDir);
  }

  /** The RocksDB folder inside the data folder. */
  public Path databasePath() {
    return dataPath().resolve("db");
  }

  public Path genesisPath() {
    return resolve(genesisFile);
  }

  public Path nodeKeyPath() {
    return resolve(nodeKeyFile);
  }

  /** This configuration with another API section (tests and devnets). */
  public NodeConfig withApi(ApiConfig value) {
    return new NodeConfig(
        baseDir,
        dataDir,
        genesisFile,
        nodeKeyFile,
        storage,
        gossip,
        ingest,
        tips,
        value,
        metrics,
        logging,
        coordinator);
  }

  /** This configuration with another coordinator section (tests and devnets). */
  public NodeConfig withCoordinator(CoordinatorConfig value) {
    return new NodeConfig(
        baseDir,
        dataDir,
        genesisFile,
        nodeKeyFile,
        storage,
        gossip,
        ingest,
        tips,
        api,
        metrics,
        logging,
        value);
  }

  /** This configuration with another gossip section (tests and devnets). */
  public NodeConfig withGossip(GossipSection value) {
    return new NodeConfig(
        baseDir,
        dataDir,
        genesisFile,
        nodeKeyFile,
        storage,
        value,
        ingest,
        tips,
        api,
        metrics,
        logging,
        coordinator);
  }
}
