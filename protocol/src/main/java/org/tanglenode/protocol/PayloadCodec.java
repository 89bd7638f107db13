package org.tanglenode.protocol;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.protocol.proto.CommitteeChange;
import org.tanglenode.protocol.proto.DataPayload;
import org.tanglenode.protocol.proto.Essence;
import org.tanglenode.protocol.proto.MilestonePayload;
import org.tanglenode.protocol.proto.TransferPayload;
import org.tanglenode.protocol.proto.TrustUpdatePayload;

/** Maps payloads between the protobuf messages and the domain records, both ways. */
final class PayloadCodec {

  /** Most inputs or outputs one transfer may have. */
  static final int MAX_TRANSFER_ENTRIES = 128;

  /** Most addresses one output may be locked to. */
  static final int MAX_OUTPUT_ADDRESSES = 16;

  private PayloadCodec() {}

  /** A payload that does not fit its domain type, with the reason code to report. */
  static final class PayloadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final RejectReason reason;

    PayloadException(RejectReason reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }

    RejectReason reason() {
      return reason;
    }
  }

  /** Tags nodes assign themselves ({@link Payload.TrustUpdate#TAG}) start with this. */
  static final ByteString RESERVED_TAG_PREFIX = ByteString.copyFromUtf8("tangle.");

  static Payload decode(Essence essence) throws PayloadException {
    return switch (essence.getPayloadCase()) {
      case DATA -> decodeData(essence.getData());
      case TRANSFER -> decodeTransfer(essence.getTransfer());
      case MILESTONE -> decodeMilestone(essence.getMilestone());
      case TRUST_UPDATE -> decodeTrustUpdate(essence.getTrustUpdate());
      case PAYLOAD_NOT_SET ->
          throw new PayloadException(RejectReason.MISSING_PAYLOAD, "the essence has no payload");
    };
  }

  private static Optional<Tag> tag(ByteString bytes) throws PayloadException {
    if (bytes.size() > Limits.MAX_TAG_BYTES) {
      throw new PayloadException(
          RejectReason.TAG_TOO_LONG,
          "the tag has " + bytes.size() + " bytes, at most " + Limits.MAX_TAG_BYTES);
    }
    if (bytes.startsWith(RESERVED_TAG_PREFIX)) {
      throw new PayloadException(
          RejectReason.TAG_RESERVED,
          "tags starting with \"tangle.\" are reserved for what nodes index themselves");
    }
    return bytes.isEmpty() ? Optional.empty() : Optional.of(new Tag(bytes.toByteArray()));
  }

  private static Payload decodeData(DataPayload data) throws PayloadException {
    return new Payload.Data(tag(data.getTag()), data.getData().toByteArray());
  }

  private static Payload decodeTransfer(TransferPayload transfer) throws PayloadException {
    Optional<Tag> tag = tag(transfer.getTag());
    if (transfer.getInputsCount() == 0 || transfer.getInputsCount() > MAX_TRANSFER_ENTRIES) {
      throw invalidTransfer("a transfer has 1 to " + MAX_TRANSFER_ENTRIES + " inputs");
    }
    if (transfer.getOutputsCount() == 0 || transfer.getOutputsCount() > MAX_TRANSFER_ENTRIES) {
      throw invalidTransfer("a transfer has 1 to " + MAX_TRANSFER_ENTRIES + " outputs");
    }
    List<OutputRef> inputs = new ArrayList<>(transfer.getInputsCount());
    for (org.tanglenode.protocol.proto.OutputRef input : transfer.getInputsList()) {
      if (input.getTransactionId().size() != TransactionId.SIZE) {
        throw invalidTransfer("an input's transaction id has 32 bytes");
      }
      // uint32: checked before OutputRef sees it, as a value >= 2^31 is negative in Java.
      if (input.getIndex() < 0 || input.getIndex() >= MAX_TRANSFER_ENTRIES) {
        throw invalidTransfer("an input's output index is below " + MAX_TRANSFER_ENTRIES);
      }
      OutputRef ref =
          new OutputRef(
              new TransactionId(input.getTransactionId().toByteArray()), input.getIndex());
      if (inputs.contains(ref)) {
        throw invalidTransfer("input " + ref + " is spent twice");
      }
      inputs.add(ref);
    }
    List<Output> outputs = new ArrayList<>(transfer.getOutputsCount());
    long total = 0;
    for (org.tanglenode.protocol.proto.Output output : transfer.getOutputsList()) {
      outputs.add(decodeOutput(output));
      total += output.getAmount();
      if (total < 0) {
        throw invalidTransfer("the outputs' total exceeds 2^63 - 1");
      }
    }
    return new Payload.Transfer(inputs, outputs, tag);
  }

  private static Output decodeOutput(org.tanglenode.protocol.proto.Output output)
      throws PayloadException {
    if (output.getAmount() <= 0) {
      throw invalidTransfer("an output's amount is positive and below 2^63");
    }
    int count = output.getAddressesCount();
    if (count == 0 || count > MAX_OUTPUT_ADDRESSES) {
      throw invalidTransfer("an output is locked to 1 to " + MAX_OUTPUT_ADDRESSES + " addresses");
    }
    List<byte[]> addresses = new ArrayList<>(count);
    ByteString previous = null;
    for (ByteString address : output.getAddressesList()) {
      if (address.size() != 32) {
        throw invalidTransfer("an address has 32 bytes");
      }
      if (previous != null
          && ByteString.unsignedLexicographicalComparator().compare(previous, address) >= 0) {
        throw invalidTransfer("an output's addresses are sorted ascending and unique");
      }
      previous = address;
      addresses.add(address.toByteArray());
    }
    // uint32 on the wire: a value >= 2^31 is negative here and as far out of range as it looks.
    int threshold = output.getThreshold() == 0 ? 1 : output.getThreshold();
    if (output.getThreshold() == 1 || threshold < 1 || threshold > count) {
      // 1 is written as 0 (omitted), so that one output has one encoding.
      throw invalidTransfer("an output's threshold is 0 (meaning 1) or 2 to the address count");
    }
    if (output.getTimelockMs() < 0) {
      throw invalidTransfer("a timelock is below 2^63");
    }
    return new Output(output.getAmount(), addresses, threshold, output.getTimelockMs());
  }

  private static Payload decodeMilestone(MilestonePayload milestone) throws PayloadException {
    if (milestone.getIndex() <= 0) {
      throw invalidMilestone("a milestone index is 1 or more");
    }
    Optional<TransactionId> previous;
    if (milestone.getIndex() == 1) {
      if (!milestone.getPreviousMilestone().isEmpty()) {
        throw invalidMilestone("milestone 1 has no previous milestone");
      }
      previous = Optional.empty();
    } else {
      if (milestone.getPreviousMilestone().size() != TransactionId.SIZE) {
        throw invalidMilestone("the previous milestone's id has 32 bytes");
      }
      previous = Optional.of(new TransactionId(milestone.getPreviousMilestone().toByteArray()));
    }
    if (milestone.getConfirmedRoot().size() != 32 || milestone.getHistoryRoot().size() != 32) {
      throw invalidMilestone("the confirmed root and the history root have 32 bytes each");
    }
    if (milestone.getHistorySize() < 0) {
      throw invalidMilestone("the history size is below 2^63");
    }
    return new Payload.Milestone(
        milestone.getIndex(),
        previous,
        milestone.getConfirmedRoot().toByteArray(),
        milestone.getHistoryRoot().toByteArray(),
        milestone.getHistorySize());
  }

  private static Payload decodeTrustUpdate(TrustUpdatePayload update) throws PayloadException {
    // uint32 on the wire, int in memory: values of 2^31 and above would read as negative.
    long sequence = Integer.toUnsignedLong(update.getSequence());
    long effectiveIndex = Integer.toUnsignedLong(update.getEffectiveIndex());
    if (sequence == 0 || sequence > Integer.MAX_VALUE) {
      throw invalidTrustUpdate("the sequence is 1 to " + Integer.MAX_VALUE + ", not " + sequence);
    }
    if (effectiveIndex == 0 || effectiveIndex > Integer.MAX_VALUE) {
      throw invalidTrustUpdate(
          "the effective index is 1 to " + Integer.MAX_VALUE + ", not " + effectiveIndex);
    }
    Optional<Committee> committee = Optional.empty();
    if (update.hasCommittee()) {
      CommitteeChange change = update.getCommittee();
      int count = change.getKeysCount();
      if (count == 0 || count > Payload.TrustUpdate.MAX_COMMITTEE_KEYS) {
        throw invalidTrustUpdate(
            "a committee has 1 to " + Payload.TrustUpdate.MAX_COMMITTEE_KEYS + " keys");
      }
      List<Ed25519PublicKey> keys = new ArrayList<>(count);
      ByteString previous = null;
      for (ByteString key : change.getKeysList()) {
        if (key.size() != Ed25519PublicKey.SIZE) {
          throw invalidTrustUpdate("a committee key has 32 bytes");
        }
        if (previous != null
            && ByteString.unsignedLexicographicalComparator().compare(previous, key) >= 0) {
          throw invalidTrustUpdate("committee keys are sorted ascending and unique");
        }
        previous = key;
        keys.add(new Ed25519PublicKey(key.toByteArray()));
      }
      if (change.getThreshold() < 1 || change.getThreshold() > count) {
        throw invalidTrustUpdate("a committee's threshold is 1 to its key count, " + count);
      }
      committee = Optional.of(new Committee(keys, change.getThreshold()));
    }
    if (update.getIssuersCount() > Payload.TrustUpdate.MAX_ISSUER_CHANGES) {
      throw invalidTrustUpdate(
          "at most " + Payload.TrustUpdate.MAX_ISSUER_CHANGES + " issuer changes");
    }
    List<IssuerChange> issuers = new ArrayList<>(update.getIssuersCount());
    ByteString previous = null;
    for (org.tanglenode.protocol.proto.IssuerChange change : update.getIssuersList()) {
      ByteString key = change.getKey();
      if (key.size() != Ed25519PublicKey.SIZE) {
        throw invalidTrustUpdate("an issuer key has 32 bytes");
      }
      if (previous != null
          && ByteString.unsignedLexicographicalComparator().compare(previous, key) >= 0) {
        throw invalidTrustUpdate("issuer changes are sorted by key ascending, each key once");
      }
      previous = key;
      String problem = IssuerChange.problem(change.getOrganisation());
      if (problem != null) {
        throw invalidTrustUpdate(problem);
      }
      issuers.add(
          new IssuerChange(new Ed25519PublicKey(key.toByteArray()), change.getOrganisation()));
    }
    if (committee.isEmpty() && issuers.isEmpty()) {
      throw invalidTrustUpdate("a trust update changes the committee or an issuer");
    }
    return new Payload.TrustUpdate(
        update.getSequence(), update.getEffectiveIndex(), committee, issuers);
  }

  private static PayloadException invalidTrustUpdate(String message) {
    return new PayloadException(RejectReason.INVALID_TRUST_UPDATE, message);
  }

  private static PayloadException invalidTransfer(String message) {
    return new PayloadException(RejectReason.INVALID_TRANSFER, message);
  }

  private static PayloadException invalidMilestone(String message) {
    return new PayloadException(RejectReason.INVALID_MILESTONE, message);
  }

  /** The protobuf form of {@code payload}, set on {@code essence}. */
  static void encode(Payload payload, Essence.Builder essence) {
    switch (payload.kind()) {
      case DATA -> {
        Payload.Data data = (Payload.Data) payload;
        DataPayload.Builder b = DataPayload.newBuilder().setData(ByteString.copyFrom(data.data()));
        data.tag().ifPresent(t -> b.setTag(ByteString.copyFrom(t.bytes())));
        essence.setData(b);
      }
      case TRANSFER -> {
        Payload.Transfer transfer = (Payload.Transfer) payload;
        TransferPayload.Builder b = TransferPayload.newBuilder();
        for (OutputRef input : transfer.inputs()) {
          b.addInputs(
              org.tanglenode.protocol.proto.OutputRef.newBuilder()
                  .setTransactionId(ByteString.copyFrom(input.transactionId().bytes()))
                  .setIndex(input.index()));
        }
        for (Output output : transfer.outputs()) {
          org.tanglenode.protocol.proto.Output.Builder o =
              org.tanglenode.protocol.proto.Output.newBuilder()
                  .setAmount(output.amount())
                  .setThreshold(output.threshold() == 1 ? 0 : output.threshold())
                  .setTimelockMs(output.timelockMs());
          output.addresses().stream()
              .map(ByteString::copyFrom)
              .sorted(ByteString.unsignedLexicographicalComparator())
              .forEach(o::addAddresses);
          b.addOutputs(o);
        }
        transfer.tag().ifPresent(t -> b.setTag(ByteString.copyFrom(t.bytes())));
        essence.setTransfer(b);
      }
      case MILESTONE -> {
        Payload.Milestone milestone = (Payload.Milestone) payload;
        MilestonePayload.Builder b =
            MilestonePayload.newBuilder()
                .setIndex(milestone.index())
                .setConfirmedRoot(ByteString.copyFrom(milestone.confirmedRoot()))
                .setHistoryRoot(ByteString.copyFrom(milestone.historyRoot()))
                .setHistorySize(milestone.historySize());
        milestone.previous().ifPresent(p -> b.setPreviousMilestone(ByteString.copyFrom(p.bytes())));
        essence.setMilestone(b);
      }
      case TRUST_UPDATE -> {
        Payload.TrustUpdate update = (Payload.TrustUpdate) payload;
        TrustUpdatePayload.Builder b =
            TrustUpdatePayload.newBuilder()
                .setSequence(update.sequence())
                .setEffectiveIndex(update.effectiveIndex());
        update
            .committee()
            .ifPresent(
                c -> {
                  CommitteeChange.Builder cb = CommitteeChange.newBuilder();
                  c.keys().stream()
                      .sorted()
                      .forEach(k -> cb.addKeys(ByteString.copyFrom(k.bytes())));
                  b.setCommittee(cb.setThreshold(c.threshold()));
                });
        for (IssuerChange change : update.issuers()) {
          b.addIssuers(
              org.tanglenode.protocol.proto.IssuerChange.newBuilder()
                  .setKey(ByteString.copyFrom(change.key().bytes()))
                  .setOrganisation(change.organisation()));
        }
        essence.setTrustUpdate(b);
      }
    }
  }
}
