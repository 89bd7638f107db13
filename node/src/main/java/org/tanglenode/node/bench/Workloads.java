package org.tanglenode.node.bench;

import java.nio.file.Path;

/** The entry points of the workloads, for the CLI. */
public final class Workloads {

  private Workloads() {}

  /** Runs {@code workload} ("ingest", "network" or "sync") and writes its result files. */
  public static Path run(String workload, BenchSettings settings, Path out, String name) {
    BenchResult result =
        switch (workload) {
          case "ingest" -> new IngestWorkload(settings, BenchOutput.json()).run();
          case "network" -> new NetworkWorkload(settings, BenchOutput.json()).run();
          case "sync" -> new SyncWorkload(settings, BenchOutput.json()).run();
          default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
    return BenchOutput.write(result, out, name);
  }
}
