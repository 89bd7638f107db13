package org.tanglenode.node.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.record.Record;
import org.tanglenode.storage.TransactionMetadata;

/**
 * One record found for an audit: the transaction carrying it, its signer and the signer's
 * organisation, and what this node knows of its confirmation.
 *
 * @param timestampMs the issuer's timestamp
 * @param organisation who held {@code issuer} at the confirming (or, pending, the last confirmed)
 *     milestone; empty for an unknown signer
 * @param recordJson the record's canonical JSON, as in the data payload
 * @param milestoneTimestampMs the timestamp of the milestone that referenced it, if any
 */
public record AuditEntry(
    TransactionId id,
    long timestampMs,
    Optional<Tag> tag,
    Ed25519PublicKey issuer,
    Optional<String> organisation,
    Record record,
    byte[] recordJson,
    TransactionMetadata metadata,
    OptionalLong milestoneTimestampMs) {

  public AuditEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(milestoneTimestampMs, "milestoneTimestampMs");
    recordJson = recordJson.clone();
  }

  @Override
  public byte[] recordJson() {
    return recordJson.clone();
  }
}
