package org.tanglenode.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.ValidationResult.Invalid;
import org.tanglenode.protocol.ValidationResult.Valid;
import org.tanglenode.protocol.genesis.Network;

/** The decoder's two shortcuts: an id the caller hashed already, and bytes read from storage. */
class TransactionDecoderTest {

  private final Network network = TestNetwork.network();
  private final TestTransactions transactions = new TestTransactions(network, 7);
  private final TransactionDecoder decoder =
      new TransactionDecoder(network.genesis().limits().maxTransactionBytes());

  @Test
  void aKnownIdIsTakenAsTheIdAndEveryCheckStillRuns() {
    Transaction tx = transactions.data(200);

    ValidationResult decoded = decoder.decode(tx.bytes(), tx.id());

    assertThat(decoded).isInstanceOf(Valid.class);
    assertThat(((Valid) decoded).transaction().id()).isEqualTo(tx.id());
    byte[] tooLong = new byte[network.genesis().limits().maxTransactionBytes() + 1];
    assertThat(decoder.decode(tooLong, tx.id())).isInstanceOf(Invalid.class);
  }

  @Test
  void storedBytesDecodeToTheSameTransactionWithTheEssenceDigestComputedOnDemand() {
    for (int i = 0; i < 20; i++) {
      Transaction tx = transactions.data(200);

      ValidationResult decoded = TransactionDecoder.decodeStored(tx.bytes(), tx.id());

      assertThat(decoded).isInstanceOf(Valid.class);
      Transaction stored = ((Valid) decoded).transaction();
      assertThat(stored).isEqualTo(tx);
      assertThat(stored.id()).isEqualTo(tx.id());
      assertThat(stored.parents()).isEqualTo(tx.parents());
      assertThat(stored.payload()).isEqualTo(tx.payload());
      assertThat(stored.essenceDigest()).isEqualTo(tx.essenceDigest());
      assertThat(stored.essenceDigest()).isEqualTo(tx.essenceDigest()); // the cached one
    }
  }

  @Test
  void damagedStoredBytesAreInvalidNotAnException() {
    Transaction tx = transactions.data(200);
    byte[] damaged = tx.bytes();
    damaged[0] = (byte) 0xff; // no longer a protobuf field tag of this schema

    assertThat(TransactionDecoder.decodeStored(damaged, tx.id())).isInstanceOf(Invalid.class);
    assertThat(TransactionDecoder.decodeStored(new byte[0], tx.id())).isInstanceOf(Invalid.class);
  }
}
