package org.tanglenode.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.ValidationResult;

class StorableTransactionTest {

  private final TransactionFixture fixture = new TransactionFixture(3);
  private final TransactionDecoder decoder = new TransactionDecoder(64 * 1024);

  @Test
  void keepsWhatTheDecodedTransactionSays() {
    StorableTransaction parent = fixture.builder().build();
    StorableTransaction tagged = fixture.builder().parent(parent.id()).tag("lot-12").build();
    StorableTransaction milestone = fixture.builder().parent(tagged.id()).milestone(5).build();

    for (StorableTransaction expected : new StorableTransaction[] {parent, tagged, milestone}) {
      ValidationResult decoded = decoder.decode(expected.bytes());
      assertThat(decoded).isInstanceOf(ValidationResult.Valid.class);

      StorableTransaction fromModel =
          StorableTransaction.from(((ValidationResult.Valid) decoded).transaction());

      assertThat(fromModel).isEqualTo(expected);
    }
  }
}
