package org.tanglenode.storage;

import java.util.Objects;
import org.tanglenode.protocol.TransactionId;

/**
 * What a snapshot file holds, as written or as verified.
 *
 * @param network the short network id the file was exported for
 * @param milestoneIndex the milestone whose ledger state it holds
 * @param milestoneId that milestone's transaction id
 * @param solidEntryPoints how many solid entry points it lists
 * @param outputs how many unspent outputs it holds
 * @param totalAmount the sum of their amounts (the supply, on a ledger without burns)
 * @param digestHex the BLAKE2b-256 of the file before its last 32 bytes, in hex
 */
public record SnapshotInfo(
    long network,
    int milestoneIndex,
    TransactionId milestoneId,
    int solidEntryPoints,
    long outputs,
    long totalAmount,
    String digestHex) {

  public SnapshotInfo {
    Objects.requireNonNull(milestoneId, "milestoneId");
    Objects.requireNonNull(digestHex, "digestHex");
  }
}
