package org.tanglenode.node.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tanglenode.consensus.tipselection.MilestoneParents;
import org.tanglenode.consensus.tipselection.TipPoolConfig;
import org.tanglenode.consensus.trust.DeferredMilestones;
import org.tanglenode.gossip.GossipConfig;
import org.tanglenode.node.config.Setting.Type;
import org.tanglenode.storage.RocksDbSettings;
import org.tanglenode.storage.StorageConfig;

/**
 * Every setting of the node in one place: key, environment variable (derived from the key),
 * default, unit and meaning. The YAML loader fills absent keys from here, and docs/configuration.md
 * lists the same rows. Where a module has a default of its own (gossip, storage, the tip pool, the
 * coordinator's cone, deferred milestones), the row takes it from that module.
 */
public final class Settings {

  private Settings() {}

  // Where a module has its own default, the row takes it from there, so the two cannot drift.

  /** Gossip's own defaults: the gossip rows below take theirs from here. */
  private static final GossipConfig GOSSIP = GossipConfig.defaults();

  /** Storage's own defaults (the folder plays no part in them). */
  private static final StorageConfig STORAGE = StorageConfig.defaults(Path.of("."));

  private static final RocksDbSettings ROCKSDB = STORAGE.rocksDb();

  public static final List<Setting> ALL =
      List.of(
          // ---- files ----
          path("dataDir", "data", "folder for the database (its db/ subfolder) and node state"),
          path("genesisFile", "genesis.json", "the network's genesis file"),
          path("nodeKeyFile", "node.key", "the node's Ed25519 key (PEM, see tangle keygen)"),
          // ---- storage ----
          choice(
              "storage.durability",
              "every-group",
              List.of("every-group", "periodic"),
              "every-group: fsync before acknowledging; periodic: fsync every syncIntervalMs"),
          number("storage.syncIntervalMs", "1000", "ms", "fsync interval when durability=periodic"),
          number(
              "storage.writeQueueCapacity",
              String.valueOf(STORAGE.writeQueueCapacity()),
              "writes",
              "writes waiting for the writer"),
          number(
              "storage.maxGroupSize",
              String.valueOf(STORAGE.maxGroupSize()),
              "writes",
              "writes committed in one batch at most"),
          number(
              "storage.maxGroupDelayMs",
              String.valueOf(STORAGE.maxGroupDelay().toMillis()),
              "ms",
              "extra wait for a group to fill (0..1000)"),
          bytes(
              "storage.blockCacheBytes",
              String.valueOf(ROCKSDB.blockCacheBytes()),
              "RocksDB read cache, shared"),
          bytes(
              "storage.writeBufferBytes",
              String.valueOf(ROCKSDB.writeBufferBytes()),
              "one memtable of one column family"),
          bytes(
              "storage.totalWriteBufferBytes",
              String.valueOf(ROCKSDB.totalWriteBufferBytes()),
              "all memtables together"),
          choice(
              "storage.compression",
              ROCKSDB.compression().name(),
              List.of("NONE", "LZ4", "ZSTD"),
              "RocksDB block compression"),
          number(
              "storage.maxOpenFiles",
              String.valueOf(ROCKSDB.maxOpenFiles()),
              "files",
              "files RocksDB keeps open; -1 for all"),
          number(
              "storage.backgroundJobs",
              String.valueOf(ROCKSDB.backgroundJobs()),
              "threads",
              "RocksDB flush and compaction threads"),
          number(
              "storage.pruneKeepMilestones",
              "0",
              "milestones",
              "0: keep all history; N: delete transactions confirmed more than N milestones ago"),
          // ---- gossip ----
          // Defaults from GossipConfig, which owns them (and judges the values, GossipSection).
          text("gossip.bindHost", GOSSIP.bindHost(), "", "address the peer listener binds"),
          number(
              "gossip.port",
              String.valueOf(GOSSIP.port()),
              "TCP port",
              "peer listener port; 0 picks a free port"),
          list("gossip.peers", "", "static peers as host:port, dialed and redialed"),
          bool("gossip.allowListEnabled", "false", "admit only the node keys in gossip.allowList"),
          list("gossip.allowList", "", "node public keys (64 hex digits) allowed to connect"),
          bool("gossip.tlsEnabled", "false", "TLS on peer connections (all peers must agree)"),
          path("gossip.tlsCertificateChain", "", "PEM certificate chain, when TLS is on"),
          path("gossip.tlsPrivateKey", "", "PEM PKCS#8 key of the certificate, when TLS is on"),
          number(
              "gossip.ioThreads",
              String.valueOf(GOSSIP.ioThreads()),
              "threads",
              "Netty event loops for peers"),
          number(
              "gossip.workerThreads",
              String.valueOf(GOSSIP.workerThreads()),
              "threads",
              "handshake and look-up workers"),
          number(
              "gossip.maxInboundPeers",
              String.valueOf(GOSSIP.maxInboundPeers()),
              "connections",
              "inbound connections at once"),
          number(
              "gossip.maxHandshaking",
              String.valueOf(GOSSIP.maxHandshaking()),
              "connections",
              "inbound connections not yet through the handshake, from all addresses"),
          number(
              "gossip.maxHandshakingPerAddress",
              String.valueOf(GOSSIP.maxHandshakingPerAddress()),
              "connections",
              "inbound connections not yet through the handshake from one IP address"),
          number(
              "gossip.handshakeTimeoutMs",
              String.valueOf(GOSSIP.handshakeTimeout().toMillis()),
              "ms",
              "a connection that has not finished the handshake by then is closed"),
          number(
              "gossip.maxMessagesPerSecond",
              String.valueOf(GOSSIP.maxMessagesPerSecond()),
              "messages/s",
              "per peer rate limit"),
          bytes(
              "gossip.maxBytesPerSecond",
              String.valueOf(GOSSIP.maxBytesPerSecond()),
              "per peer rate limit; at least gossip.maxFrameBytes + 4"),
          number(
              "gossip.maxFrameBytes",
              String.valueOf(GOSSIP.maxFrameBytes()),
              "bytes",
              "largest frame a peer may send (256 to 16777216)"),
          number(
              "gossip.heartbeatIntervalMs",
              String.valueOf(GOSSIP.heartbeatInterval().toMillis()),
              "ms",
              "heartbeat to every peer (at least 10)"),
          number(
              "gossip.idleTimeoutMs",
              String.valueOf(GOSSIP.idleTimeout().toMillis()),
              "ms",
              "silent peer is disconnected; above gossip.heartbeatIntervalMs"),
          number(
              "gossip.banScore",
              String.valueOf(GOSSIP.banScore()),
              "points",
              "misbehaviour score that bans a peer"),
          number(
              "gossip.banDurationMs",
              String.valueOf(GOSSIP.banDuration().toMillis()),
              "ms",
              "how long a ban lasts"),
          number(
              "gossip.maxPendingOffersPerPeer",
              String.valueOf(GOSSIP.maxPendingOffersPerPeer()),
              "transactions",
              "offers in ingest"),
          // ---- ingest ----
          number(
              "ingest.queueCapacity",
              "10000",
              "transactions",
              "transactions waiting for a signature worker; beyond it QUEUE_FULL / HTTP 503"),
          number("ingest.signatureWorkers", "2", "threads", "signature-checking workers"),
          number("ingest.recentIds", "100000", "ids", "ids remembered by the seen-before filter"),
          number(
              "ingest.deferredMilestones",
              String.valueOf(DeferredMilestones.DEFAULT_CAPACITY),
              "milestones",
              "milestones of a committee not confirmed yet, kept to be indexed once it is"),
          number(
              "ingest.issuerKeyCache",
              "4096",
              "keys",
              "signers' decoded public keys kept for the signature check; 0: off"),
          number(
              "ingest.listenerQueue",
              "10000",
              "notifications",
              "stored and solid notifications waiting for the listener thread; when full the"
                  + " storage writer waits"),
          // ---- tips ----
          number(
              "tips.maxTracked",
              String.valueOf(TipPoolConfig.DEFAULT_MAX_TIPS),
              "ids",
              "tips the tip pool holds (oldest evicted)"),
          number(
              "tips.maxDepth",
              String.valueOf(TipPoolConfig.DEFAULT_MAX_DEPTH),
              "milestones",
              "a tip unapproved this long is left to the coordinator"),
          number("tips.parents", "2", "parents", "parents of a transaction the node completes"),
          choice(
              "tips.selector",
              "uniform",
              TipsConfig.SELECTORS,
              "how the node chooses those parents among the pool's tips: uniform random or the"
                  + " weighted random walk"),
          // ---- api ----
          bool("api.enabled", "true", "serve the REST API, events, metrics and the dashboard"),
          text("api.bindHost", "127.0.0.1", "", "address the HTTP server binds"),
          number("api.port", "14265", "TCP port", "HTTP port; 0 picks a free port"),
          text("api.writeToken", "", "", "bearer token for write endpoints; empty: disabled"),
          text("api.adminToken", "", "", "bearer token for admin endpoints; empty: disabled"),
          text("api.readToken", "", "", "bearer token for reads when api.readProtected"),
          bool("api.readProtected", "false", "reads need a token (read, write or admin)"),
          bool(
              "api.openSubmit",
              "false",
              "accept fully built (signed, proof of work done) transactions without a token"),
          bytes("api.maxBodyBytes", "65536", "largest request body; more is answered 413"),
          number("api.workerThreads", "4", "threads", "threads for storage reads and issuing"),
          number("api.workerQueue", "256", "requests", "requests waiting for a worker; then 503"),
          number("api.retryAfterSeconds", "1", "s", "Retry-After sent with 503"),
          number("api.maxPageSize", "1000", "entries", "largest page of a paged read"),
          number(
              "api.maxMilestoneRange",
              "1000",
              "milestones",
              "most milestones one record query (/api/v1/records) may span"),
          number(
              "api.maxRecordScan",
              "10000",
              "transactions",
              "transactions one page of /api/v1/records reads at most; then it returns `next`"),
          number("api.powThreads", "1", "threads", "proof of work for transactions it completes"),
          number(
              "api.eventBufferSize", "1024", "events", "per subscriber; a slower one is dropped"),
          number("api.maxEventSubscribers", "64", "subscribers", "open event streams at once"),
          bool("api.dashboard", "true", "serve the dashboard at /"),
          // ---- coordinator ----
          bool("coordinator.enabled", "false", "issue milestones (needs the committee keys)"),
          list(
              "coordinator.committeeKeyFiles",
              "",
              "committee key files (PEM) to sign milestones with; at least the threshold"),
          number(
              "coordinator.maxConeTransactions",
              String.valueOf(MilestoneParents.DEFAULT_MAX_CONE),
              "transactions",
              "newly confirmed by one milestone at most (a backlog takes several)"),
          // ---- metrics ----
          bool("metrics.enabled", "true", "serve Prometheus metrics at /metrics"),
          bool("metrics.jvm", "true", "include JVM memory, GC, thread and CPU meters"),
          // ---- logging ----
          choice("logging.format", "text", List.of("text", "json"), "log line format on stderr"),
          choice(
              "logging.level",
              "INFO",
              List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE"),
              "root log level"));

  private static final Map<String, Setting> BY_KEY =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Setting::key, Function.identity()));

  /** The setting with this dotted key. */
  public static Optional<Setting> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** Whether {@code prefix} is a section (the start of some key followed by a dot). */
  static boolean isSection(String prefix) {
    return ALL.stream().anyMatch(s -> s.key().startsWith(prefix + "."));
  }

  private static Setting text(String key, String def, String unit, String meaning) {
    return new Setting(key, Type.TEXT, def, unit, meaning, List.of());
  }

  private static Setting path(String key, String def, String meaning) {
    return new Setting(key, Type.PATH, def, "path", meaning, List.of());
  }

  private static Setting number(String key, String def, String unit, String meaning) {
    return new Setting(key, Type.INT, def, unit, meaning, List.of());
  }

  private static Setting bytes(String key, String def, String meaning) {
    return new Setting(key, Type.LONG, def, "bytes", meaning, List.of());
  }

  private static Setting bool(String key, String def, String meaning) {
    return new Setting(key, Type.BOOLEAN, def, "", meaning, List.of());
  }

  private static Setting choice(String key, String def, List<String> choices, String meaning) {
    return new Setting(key, Type.CHOICE, def, "", meaning, choices);
  }

  private static Setting list(String key, String def, String meaning) {
    return new Setting(key, Type.LIST, def, "list", meaning, List.of());
  }
}
