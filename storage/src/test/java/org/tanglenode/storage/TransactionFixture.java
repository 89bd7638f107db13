package org.tanglenode.storage;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.proto.DataPayload;
import org.tanglenode.protocol.proto.Essence;
import org.tanglenode.protocol.proto.IssuerChange;
import org.tanglenode.protocol.proto.MilestonePayload;
import org.tanglenode.protocol.proto.Transaction;
import org.tanglenode.protocol.proto.TrustUpdatePayload;

/**
 * Builds real protobuf transactions (random issuer and signature bytes; storage checks neither) and
 * reads the indexed fields back out of stored bytes.
 */
final class TransactionFixture {

  private final Random random;
  private long clockMs = 1_700_000_000_000L;

  TransactionFixture(long seed) {
    this.random = new Random(seed);
  }

  Builder builder() {
    return new Builder();
  }

  /** A data transaction approving {@code parents}, with a fresh timestamp. */
  StorableTransaction data(List<TransactionId> parents) {
    return builder().parents(parents).build();
  }

  /** A random id that no stored transaction has. */
  TransactionId randomId() {
    byte[] bytes = new byte[TransactionId.SIZE];
    random.nextBytes(bytes);
    return new TransactionId(bytes);
  }

  final class Builder {
    private final List<TransactionId> parents = new ArrayList<>();
    private Optional<Tag> tag = Optional.empty();
    private long timestampMs = clockMs += 1 + random.nextInt(5);
    private OptionalInt milestone = OptionalInt.empty();
    private OptionalInt trustUpdate = OptionalInt.empty();
    private int dataSize = 64;
    private long historySize = -1;
    private byte[] historyRoot;

    Builder parents(List<TransactionId> ids) {
      parents.addAll(ids);
      return this;
    }

    Builder parent(TransactionId id) {
      parents.add(id);
      return this;
    }

    Builder tag(String text) {
      tag = Optional.of(Tag.of(text));
      return this;
    }

    Builder timestampMs(long value) {
      timestampMs = value;
      return this;
    }

    /** A trust update (sequence 1, naming one issuer) in place of the data payload. */
    Builder trustUpdate(int effectiveIndex) {
      trustUpdate = OptionalInt.of(effectiveIndex);
      return this;
    }

    Builder milestone(int index) {
      milestone = OptionalInt.of(index);
      return this;
    }

    /** The history size a milestone states (default: 10 per index). */
    Builder historySize(long leaves) {
      historySize = leaves;
      return this;
    }

    /** The history root a milestone states (default: random bytes). */
    Builder historyRoot(byte[] root) {
      historyRoot = root.clone();
      return this;
    }

    Builder dataSize(int bytes) {
      dataSize = bytes;
      return this;
    }

    StorableTransaction build() {
      List<TransactionId> sorted = parents.stream().distinct().sorted().toList();
      Essence.Builder essence =
          Essence.newBuilder()
              .setNetwork(0x7461_6e67_6c65L)
              .setVersion(1)
              .setIssuer(randomBytes(32))
              .setTimestampMs(timestampMs);
      for (TransactionId parent : sorted) {
        essence.addParents(ByteString.copyFrom(parent.bytes()));
      }
      if (milestone.isPresent()) {
        MilestonePayload.Builder payload = MilestonePayload.newBuilder();
        if (milestone.getAsInt() > 1) {
          payload.setPreviousMilestone(randomBytes(32));
        }
        essence.setMilestone(
            payload
                .setIndex(milestone.getAsInt())
                .setConfirmedRoot(randomBytes(32))
                .setHistoryRoot(
                    historyRoot != null ? ByteString.copyFrom(historyRoot) : randomBytes(32))
                .setHistorySize(historySize >= 0 ? historySize : milestone.getAsInt() * 10L));
      } else if (trustUpdate.isPresent()) {
        essence.setTrustUpdate(
            TrustUpdatePayload.newBuilder()
                .setSequence(1)
                .setEffectiveIndex(trustUpdate.getAsInt())
                .addIssuers(
                    IssuerChange.newBuilder()
                        .setKey(randomBytes(32))
                        .setOrganisation("Depot South")));
      } else {
        DataPayload.Builder data = DataPayload.newBuilder().setData(randomBytes(dataSize));
        tag.ifPresent(t -> data.setTag(ByteString.copyFrom(t.bytes())));
        essence.setData(data);
      }
      byte[] bytes =
          Transaction.newBuilder()
              .setEssence(essence)
              .setNonce(random.nextLong())
              .setSignature(randomBytes(64))
              .build()
              .toByteArray();
      return StorableTransaction.of(
          bytes, sorted, milestone.isPresent() ? Optional.empty() : tag, timestampMs, milestone);
    }
  }

  private ByteString randomBytes(int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return ByteString.copyFrom(bytes);
  }

  /** The indexed fields of stored {@code bytes}, read back from the protobuf encoding. */
  static StorableTransaction parse(byte[] bytes) {
    try {
      Essence essence = Transaction.parseFrom(bytes).getEssence();
      List<TransactionId> parents = new ArrayList<>();
      for (ByteString parent : essence.getParentsList()) {
        parents.add(new TransactionId(parent.toByteArray()));
      }
      Optional<Tag> tag =
          essence.hasData() && !essence.getData().getTag().isEmpty()
              ? Optional.of(new Tag(essence.getData().getTag().toByteArray()))
              : Optional.empty();
      OptionalInt milestone =
          essence.hasMilestone()
              ? OptionalInt.of(essence.getMilestone().getIndex())
              : OptionalInt.empty();
      return StorableTransaction.of(bytes, parents, tag, essence.getTimestampMs(), milestone);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("stored bytes are not a transaction", e);
    }
  }
}
