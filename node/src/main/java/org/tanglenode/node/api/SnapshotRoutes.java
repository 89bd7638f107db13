package org.tanglenode.node.api;

import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tanglenode.storage.MilestoneKind;
import org.tanglenode.storage.SnapshotInfo;
import org.tanglenode.storage.StorageException;

/**
 * {@code GET /api/v1/snapshot[?index=N]}: a snapshot file (docs/storage.md) of the confirmed
 * milestone, or of an earlier one, exported while the node runs. Admin only: it reads the whole
 * ledger and writes a file as large as it. The file is written to the node's data folder, sent, and
 * deleted; the client ({@code tangle snapshot export}) verifies it after download.
 */
final class SnapshotRoutes {

  private final ApiServices node;
  private final Endpoints endpoints;

  SnapshotRoutes(ApiServices node, Endpoints endpoints) {
    this.node = node;
    this.endpoints = endpoints;
  }

  void mount(Router router) {
    router.get("/api/v1/snapshot").handler(endpoints.blocking(Access.ADMIN, this::export));
  }

  private Reply export(ApiRequest request) {
    int confirmed = node.store().milestoneIndex(MilestoneKind.CONFIRMED);
    int index = confirmed;
    if (request.query("index").isPresent()) {
      try {
        index = Integer.parseInt(request.query("index").get());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("INVALID_PARAMETER", "index must be a milestone index");
      }
    }
    if (index < 1 || index > confirmed) {
      throw new ApiException(
          409,
          "NOT_CONFIRMED",
          "a snapshot is taken at a confirmed milestone, 1.." + confirmed + ", not " + index);
    }
    Path file;
    try {
      Files.createDirectories(node.snapshotFolder());
      file = Files.createTempFile(node.snapshotFolder(), "export-", ".snapshot");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a file in " + node.snapshotFolder(), e);
    }
    SnapshotInfo info;
    try {
      info = node.snapshots().export(index, node.network().shortId(), file);
    } catch (StorageException | IllegalArgumentException e) {
      deleteQuietly(file);
      throw e;
    }
    return new Reply(
        200,
        new Reply.FileBody(file, "application/octet-stream", true),
        Map.of(
            "Content-Disposition",
            "attachment; filename=\"milestone-" + index + ".snapshot\"",
            "X-Tangle-Snapshot-Index",
            Integer.toString(info.milestoneIndex()),
            "X-Tangle-Snapshot-Digest",
            info.digestHex()));
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file in the data folder; the next export makes a new one
    }
  }
}
