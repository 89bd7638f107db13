package org.tanglenode.node.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Downloads a snapshot from a running node (GET /api/v1/snapshot, admin token) and checks",
      "the file's BLAKE2b-256 digest before keeping it."
    })
final class SnapshotExportCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Option(
      names = {"-o", "--out"},
      required = true,
      description = "Where to write the snapshot file.")
  Path out;

  @Option(
      names = "--index",
      description = "The milestone to export (default: the node's confirmed milestone).")
  Integer index;

  @Option(
      names = "--timeout-seconds",
      defaultValue = "600",
      description = "How long the node may take to write and send it (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public void run() {
    String path = "/api/v1/snapshot" + (index == null ? "" : "?index=" + index);
    HttpHeaders headers = api.client().download(path, out, Duration.ofSeconds(timeoutSeconds));
    String digest = digest(out);
    String stated = headers.firstValue("X-Tangle-Snapshot-Digest").orElse(digest);
    if (!stated.equals(digest)) {
      deleteQuietly(out);
      throw new CommandFailedException(
          "the downloaded snapshot's digest "
              + digest
              + " is not the one the node stated ("
              + stated
              + "); the file was deleted");
    }
    spec.commandLine()
        .getOut()
        .printf(
            "snapshot of milestone %s written to %s%nBLAKE2b-256: %s%n",
            headers.firstValue("X-Tangle-Snapshot-Index").orElse("?"), out, digest);
  }

  /**
   * The BLAKE2b-256 of all but the last 32 bytes, which must equal those 32 bytes (the file's own
   * digest, docs/storage.md).
   */
  private static String digest(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      long size = Files.size(file);
      if (size < 32) {
        throw new CommandFailedException(file + " is too short to be a snapshot");
      }
      Blake2bDigest blake = new Blake2bDigest(256);
      byte[] buffer = new byte[1 << 16];
      long left = size - 32;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new CommandFailedException(file + " ended early");
        }
        blake.update(buffer, 0, n);
        left -= n;
      }
      byte[] computed = new byte[32];
      blake.doFinal(computed, 0);
      byte[] stored = in.readNBytes(32);
      if (!MessageDigest.isEqual(computed, stored)) {
        deleteQuietly(file);
        throw new CommandFailedException(
            "the downloaded snapshot does not match its own digest (damaged); it was deleted");
      }
      return HexFormat.of().formatHex(computed);
    } catch (IOException e) {
      throw new CommandFailedException("cannot read " + file + ": " + e, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the message already says the file is not to be used
    }
  }
}
