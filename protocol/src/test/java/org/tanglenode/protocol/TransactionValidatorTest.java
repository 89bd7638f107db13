package org.tanglenode.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.pow.ProofOfWork;
import org.tanglenode.crypto.sign.Ed25519KeyCache;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.ValidationResult.Invalid;
import org.tanglenode.protocol.ValidationResult.Valid;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.protocol.proto.Signature;

class TransactionValidatorTest {

  private static final long NOW = TestNetwork.GENESIS_TIME_MS + 10_000_000;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

  private final Network network = TestNetwork.network();
  private final TransactionValidator validator = new TransactionValidator(network, CLOCK);
  private final TestTransactions transactions = new TestTransactions(network, 42);
  private final Ed25519PrivateKey key = TestNetwork.key(7);

  private Transaction validData() {
    return transactions.data(200);
  }

  /** The bytes of a valid transaction after {@code change} to its decoded message. */
  private static byte[] mutate(
      Transaction tx, Consumer<org.tanglenode.protocol.proto.Transaction.Builder> change) {
    try {
      org.tanglenode.protocol.proto.Transaction.Builder builder =
          org.tanglenode.protocol.proto.Transaction.parseFrom(tx.bytes()).toBuilder();
      change.accept(builder);
      return builder.build().toByteArray();
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private void assertRejected(byte[] bytes, RejectReason reason) {
    ValidationResult result = validator.validate(bytes);
    assertThat(result).isInstanceOf(Invalid.class);
    assertThat(((Invalid) result).reason()).as(((Invalid) result).detail()).isEqualTo(reason);
  }

  private static ByteString bytes(int length, int fill) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) fill);
    return ByteString.copyFrom(b);
  }

  @Test
  void aWellFormedSignedTransactionIsValid() {
    Transaction tx = validData();

    ValidationResult result = validator.validate(tx.bytes());

    assertThat(result).isInstanceOf(Valid.class);
    Transaction parsed = ((Valid) result).transaction();
    assertThat(parsed.id()).isEqualTo(tx.id()).isEqualTo(TransactionId.of(tx.bytes()));
    assertThat(parsed.payload()).isEqualTo(tx.payload());
    assertThat(parsed.parents()).isSorted();
  }

  @Nested
  class Encoding {

    @Test
    void largerThanTheLimitIsTooLarge() {
      assertRejected(
          new byte[network.genesis().limits().maxTransactionBytes() + 1], RejectReason.TOO_LARGE);
    }

    @Test
    void garbageIsUndecodable() {
      assertRejected(new byte[] {(byte) 0xff, (byte) 0xff, 0x01}, RejectReason.UNDECODABLE);
    }

    @Test
    void noEssenceIsUndecodable() {
      assertRejected(new byte[0], RejectReason.UNDECODABLE);
    }

    @Test
    void anUnknownFieldIsNonCanonical() {
      byte[] tx = validData().bytes();
      byte[] withUnknown = Arrays.copyOf(tx, tx.length + 2);
      withUnknown[tx.length] = (byte) (15 << 3); // field 15, varint
      withUnknown[tx.length + 1] = 1;

      assertRejected(withUnknown, RejectReason.NON_CANONICAL);
    }

    @Test
    void fieldsOutOfOrderAreNonCanonical() {
      byte[] tx = mutate(validData(), b -> b.clearNonce());
      byte[] nonceLast = Arrays.copyOf(tx, tx.length + 9);
      nonceLast[tx.length] = (byte) (2 << 3 | 1); // field 2, fixed64, after field 3
      nonceLast[tx.length + 1] = 5;

      assertRejected(nonceLast, RejectReason.NON_CANONICAL);
    }

    @Test
    void aDefaultValueWrittenOutIsNonCanonical() {
      byte[] tx = mutate(validData(), b -> b.clearNonce());
      // Insert an explicit nonce of 0 right after the essence, where a nonce belongs.
      org.tanglenode.protocol.proto.Transaction decoded = parse(tx);
      byte[] essence =
          org.tanglenode.protocol.proto.Transaction.newBuilder()
              .setEssence(decoded.getEssence())
              .build()
              .toByteArray();
      byte[] rest = Arrays.copyOfRange(tx, essence.length, tx.length);
      byte[] zeroNonce = new byte[9];
      zeroNonce[0] = (byte) (2 << 3 | 1);
      byte[] explicit = concat(essence, zeroNonce, rest);

      assertThat(parse(explicit)).isEqualTo(decoded);
      assertRejected(explicit, RejectReason.NON_CANONICAL);
    }

    @Test
    void aKeyOfTheWrongLengthIsMalformed() {
      assertRejected(
          mutate(validData(), b -> b.getEssenceBuilder().setIssuer(bytes(31, 1))),
          RejectReason.MALFORMED_FIELD);
      assertRejected(
          mutate(validData(), b -> b.setSignature(bytes(63, 1))), RejectReason.MALFORMED_FIELD);
      assertRejected(
          mutate(validData(), b -> b.getEssenceBuilder().setParents(0, bytes(33, 1))),
          RejectReason.MALFORMED_FIELD);
    }
  }

  @Nested
  class Structure {

    @Test
    void anotherNetworksTransactionIsRefused() {
      Transaction foreign =
          transactions.complete(
              new TransactionBuilder(network.shortId() + 1)
                  .parent(transactions.randomId())
                  .issuer(key.publicKey())
                  .timestampMs(NOW)
                  .data(Tag.of("x"), new byte[] {1})
                  .build()
                  .sign(key));

      assertRejected(foreign.bytes(), RejectReason.WRONG_NETWORK);
    }

    @Test
    void anUnknownVersionIsRefused() {
      assertRejected(
          mutate(validData(), b -> b.getEssenceBuilder().setVersion(2)),
          RejectReason.UNSUPPORTED_VERSION);
    }

    @Test
    void noParentsOrMoreThanEightAreRefused() {
      assertRejected(
          mutate(validData(), b -> b.getEssenceBuilder().clearParents()),
          RejectReason.PARENT_COUNT);
      assertRejected(
          mutate(
              validData(),
              b -> {
                b.getEssenceBuilder().clearParents();
                for (int i = 1; i <= 9; i++) {
                  b.getEssenceBuilder().addParents(bytes(32, i));
                }
              }),
          RejectReason.PARENT_COUNT);
    }

    @Test
    void parentsOutOfOrderOrRepeatedAreRefused() {
      assertRejected(
          mutate(
              validData(),
              b ->
                  b.getEssenceBuilder()
                      .clearParents()
                      .addParents(bytes(32, 2))
                      .addParents(bytes(32, 1))),
          RejectReason.PARENTS_UNORDERED);
      assertRejected(
          mutate(
              validData(),
              b ->
                  b.getEssenceBuilder()
                      .clearParents()
                      .addParents(bytes(32, 2))
                      .addParents(bytes(32, 2))),
          RejectReason.PARENTS_DUPLICATE);
    }

    @Test
    void parentsAreOrderedAsUnsignedBytes() {
      // 0x80 is negative as a signed byte; it still sorts after 0x01.
      Transaction tx =
          transactions.complete(
              new TransactionBuilder(network.shortId())
                  .parent(new TransactionId(bytes(32, 0x80).toByteArray()))
                  .parent(new TransactionId(bytes(32, 0x01).toByteArray()))
                  .issuer(key.publicKey())
                  .timestampMs(NOW)
                  .data(null, new byte[0])
                  .build()
                  .sign(key));

      assertThat(validator.validate(tx.bytes())).isInstanceOf(Valid.class);
      assertThat(tx.parents().get(0).bytes()[0]).isEqualTo((byte) 0x01);
    }

    @Test
    void aTimestampBeforeGenesisOrBeyondTheDriftIsRefused() {
      long drift = network.genesis().limits().maxFutureDriftMs();
      assertRejected(
          mutate(
              validData(),
              b -> b.getEssenceBuilder().setTimestampMs(TestNetwork.GENESIS_TIME_MS - 1)),
          RejectReason.TIMESTAMP_OUT_OF_WINDOW);
      assertRejected(
          mutate(validData(), b -> b.getEssenceBuilder().setTimestampMs(NOW + drift + 1)),
          RejectReason.TIMESTAMP_OUT_OF_WINDOW);
    }

    @Test
    void aTransactionWithoutPayloadIsRefused() {
      assertRejected(
          mutate(validData(), b -> b.getEssenceBuilder().clearData()),
          RejectReason.MISSING_PAYLOAD);
    }

    @Test
    void aTagOver64BytesIsRefused() {
      assertRejected(
          mutate(validData(), b -> b.getEssenceBuilder().getDataBuilder().setTag(bytes(65, 'a'))),
          RejectReason.TAG_TOO_LONG);
    }

    @Test
    void aTagInTheReservedTangleNamespaceIsRefused() {
      assertRejected(
          mutate(
              validData(),
              b ->
                  b.getEssenceBuilder()
                      .getDataBuilder()
                      .setTag(com.google.protobuf.ByteString.copyFromUtf8("tangle.trust"))),
          RejectReason.TAG_RESERVED);
    }

    @Test
    void dataOverTheNetworkLimitIsRefused() {
      int limit = network.genesis().limits().maxDataBytes();
      assertRejected(
          mutate(
              validData(),
              b -> b.getEssenceBuilder().getDataBuilder().setData(bytes(limit + 1, 0))),
          RejectReason.DATA_TOO_LARGE);
    }
  }

  @Nested
  class Transfers {

    private Transaction transfer(Output... outputs) {
      return transactions.complete(
          transactions
              .builder(key)
              .payload(
                  new Payload.Transfer(
                      List.of(new OutputRef(transactions.randomId(), 0)),
                      List.of(outputs),
                      Optional.empty()))
              .build()
              .sign(key));
    }

    private final byte[] addressA = bytes(32, 0xa).toByteArray();
    private final byte[] addressB = bytes(32, 0xb).toByteArray();

    @Test
    void aMultiSignatureTimelockedTransferIsValid() {
      Transaction tx = transfer(new Output(10, List.of(addressB, addressA), 2, NOW + 1000));

      assertThat(validator.validate(tx.bytes())).isInstanceOf(Valid.class);
      Payload.Transfer payload = (Payload.Transfer) tx.payload();
      assertThat(payload.outputs().get(0).threshold()).isEqualTo(2);
      assertThat(payload.outputs().get(0).addresses().get(0)).isEqualTo(addressA);
    }

    @Test
    void aZeroAmountIsRefused() {
      Transaction tx = transfer(new Output(10, List.of(addressA), 1, 0));
      assertRejected(
          mutate(
              tx,
              b -> b.getEssenceBuilder().getTransferBuilder().getOutputsBuilder(0).setAmount(0)),
          RejectReason.INVALID_TRANSFER);
    }

    @Test
    void anInputSpentTwiceInOneTransferIsRefused() {
      Transaction tx = transfer(new Output(10, List.of(addressA), 1, 0));
      assertRejected(
          mutate(
              tx,
              b -> {
                var transfer = b.getEssenceBuilder().getTransferBuilder();
                transfer.addInputs(transfer.getInputs(0));
              }),
          RejectReason.INVALID_TRANSFER);
    }

    @Test
    void aThresholdAboveTheAddressCountIsRefused() {
      Transaction tx = transfer(new Output(10, List.of(addressA), 1, 0));
      assertRejected(
          mutate(
              tx,
              b -> b.getEssenceBuilder().getTransferBuilder().getOutputsBuilder(0).setThreshold(2)),
          RejectReason.INVALID_TRANSFER);
      // A threshold of 1 has one encoding: omitted.
      assertRejected(
          mutate(
              tx,
              b -> b.getEssenceBuilder().getTransferBuilder().getOutputsBuilder(0).setThreshold(1)),
          RejectReason.INVALID_TRANSFER);
    }

    @Test
    void unsignedWireValuesThatJavaReadsAsNegativeAreRefusedWithTheirRule() {
      // uint32 >= 2^31 and uint64 >= 2^63 arrive as negative Java numbers; each must still be
      // refused by the rule that names the field, not decoded into a nonsense output.
      Transaction tx = transfer(new Output(10, List.of(addressA, addressB), 2, 0));
      assertRejected(
          mutate(
              tx,
              b ->
                  b.getEssenceBuilder()
                      .getTransferBuilder()
                      .getOutputsBuilder(0)
                      .setThreshold(Integer.MIN_VALUE)),
          RejectReason.INVALID_TRANSFER);
      assertRejected(
          mutate(
              tx,
              b ->
                  b.getEssenceBuilder()
                      .getTransferBuilder()
                      .getOutputsBuilder(0)
                      .setAmount(Long.MIN_VALUE)),
          RejectReason.INVALID_TRANSFER);
      assertRejected(
          mutate(
              tx, b -> b.getEssenceBuilder().getTransferBuilder().getInputsBuilder(0).setIndex(-1)),
          RejectReason.INVALID_TRANSFER);
      assertRejected(
          mutate(tx, b -> b.getEssenceBuilder().setTimestampMs(Long.MIN_VALUE)),
          RejectReason.TIMESTAMP_OUT_OF_WINDOW);
    }
  }

  @Nested
  class Milestones {

    private Transaction milestone(int index, Optional<TransactionId> previous) {
      Ed25519PrivateKey coordinator = TestNetwork.committeeKeys().get(0);
      return transactions.complete(
          transactions
              .builder(coordinator)
              .payload(new Payload.Milestone(index, previous, new byte[32], new byte[32], 0))
              .build()
              .sign(coordinator)
              .cosign(TestNetwork.committeeKeys().get(1)));
    }

    @Test
    void aWellFormedMilestoneIsValid() {
      assertThat(validator.validate(milestone(1, Optional.empty()).bytes()))
          .isInstanceOf(Valid.class);
      assertThat(validator.validate(milestone(2, Optional.of(transactions.randomId())).bytes()))
          .isInstanceOf(Valid.class);
    }

    @Test
    void indexZeroOrAMissingPreviousIsRefused() {
      Transaction first = milestone(1, Optional.empty());
      assertRejected(
          mutate(first, b -> b.getEssenceBuilder().getMilestoneBuilder().setIndex(0)),
          RejectReason.INVALID_MILESTONE);
      assertRejected(
          mutate(
              first, b -> b.getEssenceBuilder().getMilestoneBuilder().setIndex(Integer.MIN_VALUE)),
          RejectReason.INVALID_MILESTONE);
      assertRejected(
          mutate(first, b -> b.getEssenceBuilder().getMilestoneBuilder().setIndex(2)),
          RejectReason.INVALID_MILESTONE);
      assertRejected(
          mutate(
              first,
              b -> b.getEssenceBuilder().getMilestoneBuilder().setConfirmedRoot(bytes(31, 0))),
          RejectReason.INVALID_MILESTONE);
    }
  }

  @Nested
  class TrustUpdateRules {

    private final Ed25519PrivateKey member = TestNetwork.committeeKeys().get(0);

    private Transaction update() {
      return transactions.complete(
          transactions
              .builder(member)
              .payload(
                  new Payload.TrustUpdate(
                      1,
                      10,
                      Optional.of(
                          new Committee(
                              List.of(
                                  TestNetwork.key(202).publicKey(),
                                  TestNetwork.key(201).publicKey()),
                              2)),
                      List.of(IssuerChange.assign(TestNetwork.key(8).publicKey(), "Depot South"))))
              .build()
              .sign(member)
              .cosign(TestNetwork.committeeKeys().get(1)));
    }

    private byte[] mutateUpdate(
        Consumer<org.tanglenode.protocol.proto.TrustUpdatePayload.Builder> change) {
      return mutate(update(), b -> change.accept(b.getEssenceBuilder().getTrustUpdateBuilder()));
    }

    @Test
    void aWellFormedUpdateIsValidAndDecodesToItsPayload() {
      ValidationResult result = validator.validate(update().bytes());
      assertThat(result).isInstanceOf(Valid.class);
      Payload.TrustUpdate payload = (Payload.TrustUpdate) ((Valid) result).transaction().payload();
      assertThat(payload.sequence()).isEqualTo(1);
      assertThat(payload.effectiveIndex()).isEqualTo(10);
      assertThat(payload.committee().orElseThrow().threshold()).isEqualTo(2);
      assertThat(payload.issuer(TestNetwork.key(8).publicKey()).orElseThrow().organisation())
          .isEqualTo("Depot South");
      assertThat(payload.tag()).contains(Payload.TrustUpdate.TAG);
    }

    @Test
    void aZeroSequenceOrEffectiveIndexIsRefused() {
      assertRejected(mutateUpdate(b -> b.setSequence(0)), RejectReason.INVALID_TRUST_UPDATE);
      assertRejected(mutateUpdate(b -> b.setEffectiveIndex(0)), RejectReason.INVALID_TRUST_UPDATE);
    }

    @Test
    void anEffectiveIndexOf2To31OrMoreIsRefusedByItsUnsignedValue() {
      ValidationResult result =
          validator.validate(mutateUpdate(b -> b.setEffectiveIndex((int) 3_000_000_000L)));
      assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
      ValidationResult.Invalid invalid = (ValidationResult.Invalid) result;
      assertThat(invalid.reason()).isEqualTo(RejectReason.INVALID_TRUST_UPDATE);
      assertThat(invalid.detail()).contains("3000000000").doesNotContain("1 or more");
      assertRejected(
          mutateUpdate(b -> b.setSequence(Integer.MIN_VALUE)), RejectReason.INVALID_TRUST_UPDATE);
    }

    @Test
    void committeeKeysOutOfOrderOrABadThresholdAreRefused() {
      assertRejected(
          mutateUpdate(
              b -> {
                var keys = List.copyOf(b.getCommittee().getKeysList());
                b.getCommitteeBuilder().clearKeys().addKeys(keys.get(1)).addKeys(keys.get(0));
              }),
          RejectReason.INVALID_TRUST_UPDATE);
      assertRejected(
          mutateUpdate(b -> b.getCommitteeBuilder().setThreshold(3)),
          RejectReason.INVALID_TRUST_UPDATE);
      assertRejected(
          mutateUpdate(b -> b.getCommitteeBuilder().setThreshold(0)),
          RejectReason.INVALID_TRUST_UPDATE);
      assertRejected(
          mutateUpdate(b -> b.getCommitteeBuilder().addKeys(bytes(31, 0xff))),
          RejectReason.INVALID_TRUST_UPDATE);
    }

    @Test
    void issuerChangesOutOfOrderOrWithABadNameAreRefused() {
      assertRejected(
          mutateUpdate(b -> b.addIssuers(b.getIssuers(0))), RejectReason.INVALID_TRUST_UPDATE);
      assertRejected(
          mutateUpdate(b -> b.getIssuersBuilder(0).setOrganisation(" Depot")),
          RejectReason.INVALID_TRUST_UPDATE);
      assertRejected(
          mutateUpdate(b -> b.getIssuersBuilder(0).setOrganisation("x".repeat(129))),
          RejectReason.INVALID_TRUST_UPDATE);
    }

    @Test
    void anUpdateThatChangesNothingIsRefused() {
      assertRejected(
          mutateUpdate(b -> b.clearCommittee().clearIssuers()), RejectReason.INVALID_TRUST_UPDATE);
    }

    @Test
    void anUnknownFieldInsideTheUpdateIsNonCanonical() {
      assertRejected(
          mutateUpdate(
              b ->
                  b.getCommitteeBuilder()
                      .setUnknownFields(
                          com.google.protobuf.UnknownFieldSet.newBuilder()
                              .addField(
                                  9,
                                  com.google.protobuf.UnknownFieldSet.Field.newBuilder()
                                      .addVarint(1)
                                      .build())
                              .build())),
          RejectReason.NON_CANONICAL);
    }
  }

  @Nested
  class Signatures {

    @Test
    void aSignatureByAnotherKeyIsRefused() {
      Transaction tx = validData();
      byte[] otherSignature = TestNetwork.key(99).sign(tx.essenceDigest()).bytes();

      assertRejected(
          mutate(tx, b -> b.setSignature(ByteString.copyFrom(otherSignature))),
          RejectReason.BAD_SIGNATURE);
    }

    @Test
    void aSignatureOverAnotherEssenceIsRefused() {
      Transaction tx = validData();
      assertRejected(
          mutate(tx, b -> b.getEssenceBuilder().setTimestampMs(tx.timestampMs() + 1)),
          RejectReason.BAD_SIGNATURE);
    }

    @Test
    void aForgedCosignatureIsRefused() {
      Transaction tx =
          transactions.complete(
              transactions
                  .builder(key)
                  .data(Tag.of("t"), new byte[0])
                  .build()
                  .sign(key)
                  .cosign(TestNetwork.key(8)));
      assertThat(validator.validate(tx.bytes())).isInstanceOf(Valid.class);

      assertRejected(
          mutate(
              tx,
              b ->
                  b.setCosignatures(
                      0, b.getCosignatures(0).toBuilder().setSignature(bytes(64, 3)))),
          RejectReason.BAD_SIGNATURE);
    }

    @Test
    void withAKeyCacheTheVerdictsAreTheSameAndRepeatedSignersHit() {
      // A fixed seed, so whether the two signers share a slot does not change between runs.
      Ed25519KeyCache keys = new Ed25519KeyCache(1024, 1);
      TransactionValidator cached = new TransactionValidator(network, CLOCK, keys);
      Transaction tx =
          transactions.complete(
              transactions
                  .builder(key)
                  .data(Tag.of("t"), new byte[0])
                  .build()
                  .sign(key)
                  .cosign(TestNetwork.key(8)));
      byte[] otherSignature = TestNetwork.key(99).sign(tx.essenceDigest()).bytes();
      List<byte[]> forged =
          List.of(
              mutate(tx, b -> b.setSignature(ByteString.copyFrom(otherSignature))),
              mutate(tx, b -> b.getEssenceBuilder().setTimestampMs(tx.timestampMs() + 1)),
              mutate(
                  tx,
                  b ->
                      b.setCosignatures(
                          0, b.getCosignatures(0).toBuilder().setSignature(bytes(64, 3)))));

      for (int round = 0; round < 2; round++) {
        assertThat(cached.validate(tx.bytes())).isInstanceOf(Valid.class);
        for (byte[] bytes : forged) {
          ValidationResult plain = validator.validate(bytes);
          ValidationResult viaCache = cached.validate(bytes);
          assertThat(viaCache).isInstanceOf(Invalid.class);
          assertThat(((Invalid) viaCache).reason())
              .isEqualTo(((Invalid) plain).reason())
              .isEqualTo(RejectReason.BAD_SIGNATURE);
        }
      }
      // 6 verifies a round (2 + 1 + 1 + 2: a bad issuer signature ends the check), 12 in all;
      // two signers, decoded once each, so every other verify found its key decoded.
      assertThat(keys.misses()).isEqualTo(2);
      assertThat(keys.hits()).isEqualTo(10);
    }

    @Test
    void cosignaturesOutOfOrderOrByTheIssuerAreRefused() {
      SignedTransaction signed =
          transactions.builder(key).data(Tag.of("t"), new byte[0]).build().sign(key);
      signed.cosign(TestNetwork.key(8)).cosign(TestNetwork.key(9));
      Transaction tx = transactions.complete(signed);

      assertRejected(
          mutate(
              tx,
              b -> {
                Signature first = b.getCosignatures(0);
                b.setCosignatures(0, b.getCosignatures(1)).setCosignatures(1, first);
              }),
          RejectReason.INVALID_COSIGNATURES);
      assertRejected(
          mutate(
              tx,
              b ->
                  b.setCosignatures(
                      0,
                      Signature.newBuilder()
                          .setPublicKey(ByteString.copyFrom(key.publicKey().bytes()))
                          .setSignature(b.getSignature()))),
          RejectReason.INVALID_COSIGNATURES);
    }
  }

  @Nested
  class ProofOfWorkRule {

    private final Network hardNetwork = TestNetwork.network(12);
    private final TransactionValidator hardValidator = new TransactionValidator(hardNetwork, CLOCK);

    @Test
    void aNonceThatMeetsTheDifficultyPassesAndOneThatDoesNotIsRefused() {
      TestTransactions hard = new TestTransactions(hardNetwork, 1);
      Transaction tx = hard.data(10);
      assertThat(hardValidator.validate(tx.bytes())).isInstanceOf(Valid.class);

      long weak = tx.nonce();
      do {
        weak++;
      } while (ProofOfWork.meets(tx.essenceDigest(), weak, 12));
      long weakNonce = weak;
      ValidationResult result = hardValidator.validate(mutate(tx, b -> b.setNonce(weakNonce)));

      assertThat(result).isInstanceOf(Invalid.class);
      assertThat(((Invalid) result).reason()).isEqualTo(RejectReason.INSUFFICIENT_POW);
    }
  }

  private static org.tanglenode.protocol.proto.Transaction parse(byte[] bytes) {
    try {
      return org.tanglenode.protocol.proto.Transaction.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }
}
