package org.tanglenode.node.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one run, shared by the workloads (each uses the ones its docs name).
 *
 * @param count transactions generated and sent in the measured window
 * @param warmup transactions sent the same way before it, and confirmed, for the JIT
 * @param sizeBytes encoded size of each
 * @param parents how parents are chosen and the order of sending
 * @param via "rest" (JSON bodies with base64), "rest-binary" (application/octet-stream bodies) or
 *     "gossip" (ingest); the others send over REST with JSON
 * @param connections concurrent REST senders in closed loop
 * @param rate offered transactions per second (open loop); 0 for closed loop
 * @param gossipWindow transactions the load peer keeps ahead of what the node stored
 * @param powDifficulty the network's proof-of-work difficulty
 * @param milestoneIntervalMs the coordinator's interval
 * @param durability storage.durability of the nodes
 * @param nodeJvmFlags flags of every node JVM
 * @param timeout how long to wait for everything sent to be confirmed (or synced)
 * @param workDir where the network's files and the nodes' data go
 * @param jfr where to write a JFR recording of node-1 over the measured window (ingest), if
 *     anywhere
 */
public record BenchSettings(
    int count,
    int warmup,
    int sizeBytes,
    ParentsPattern parents,
    String via,
    int connections,
    double rate,
    int gossipWindow,
    int powDifficulty,
    long milestoneIntervalMs,
    String durability,
    List<String> nodeJvmFlags,
    Duration timeout,
    Path workDir,
    Optional<Path> jfr) {

  public BenchSettings {
    if (count < 1) {
      throw new IllegalArgumentException("--count must be at least 1, was " + count);
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("--warmup must be 0 or more, was " + warmup);
    }
    if (sizeBytes < 150 || sizeBytes > 32_768) {
      throw new IllegalArgumentException("--size must be 150..32768 bytes, was " + sizeBytes);
    }
    if (!via.equals("rest") && !via.equals("rest-binary") && !via.equals("gossip")) {
      throw new IllegalArgumentException("--via must be rest, rest-binary or gossip, was " + via);
    }
    if (connections < 1 || gossipWindow < 1 || rate < 0) {
      throw new IllegalArgumentException("--connections and --window must be >= 1, --rate >= 0");
    }
    nodeJvmFlags = List.copyOf(nodeJvmFlags);
  }

  /** The parameters as they go into the JSON result. */
  Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("count", count);
    map.put("warmup", warmup);
    map.put("sizeBytes", sizeBytes);
    map.put("parents", parents.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    map.put("via", via);
    map.put("connections", connections);
    map.put("rate", rate);
    map.put("gossipWindow", gossipWindow);
    map.put("powDifficulty", powDifficulty);
    map.put("milestoneIntervalMs", milestoneIntervalMs);
    map.put("durability", durability);
    map.put("timeoutSeconds", timeout.toSeconds());
    jfr.ifPresent(file -> map.put("jfr", file.toString()));
    return map;
  }
}
