package org.tanglenode.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tanglenode.protocol.ValidationResult.Invalid;
import org.tanglenode.protocol.ValidationResult.Valid;
import org.tanglenode.protocol.genesis.Network;

/**
 * Coverage-guided fuzzing of the {@link TransactionDecoder} and the {@link TransactionValidator}
 * behind it, the code every byte string from a peer or an API client meets (docs/reliability.md,
 * "Fuzzing"). The contract: any bytes give {@link Valid} or {@link Invalid} with a reason, never an
 * exception; a valid transaction keeps the exact input bytes and its canonical encoding; the
 * validator is at least as strict as the decoder. The network has no proof of work and a clock
 * shortly after genesis, so the fuzzer can reach the signature checks. Without JAZZER_FUZZ this
 * runs the committed inputs under {@code TransactionFuzzTestInputs/}.
 */
class TransactionFuzzTest {

  private final Network network = TestNetwork.network();
  private final Clock clock =
      Clock.fixed(Instant.ofEpochMilli(TestNetwork.GENESIS_TIME_MS + 3_600_000), ZoneOffset.UTC);
  private final TransactionDecoder decoder =
      new TransactionDecoder(network.genesis().limits().maxTransactionBytes());
  private final TransactionValidator validator = new TransactionValidator(network, clock);

  @FuzzTest(maxDuration = "4m")
  void decodeAndValidate(byte[] bytes) {
    ValidationResult decoded;
    ValidationResult validated;
    try {
      decoded = decoder.decode(bytes);
      validated = validator.validate(bytes);
    } catch (RuntimeException e) {
      fail("an untyped failure for transaction bytes", e);
      return;
    }
    check(decoded);
    check(validated);
    if (decoded instanceof Valid valid) {
      assertThat(valid.transaction().bytes()).isEqualTo(bytes);
      assertThat(bytes.length)
          .isLessThanOrEqualTo(network.genesis().limits().maxTransactionBytes());
    } else {
      assertThat(validated).as("the validator accepts what the decoder refuses").isEqualTo(decoded);
    }
  }

  /** The seeds named "*-transaction*" are valid ones, so the fuzzer starts past the decoder. */
  @ParameterizedTest
  @ValueSource(strings = {"data-transaction", "data-transaction-untagged", "transfer-transaction"})
  void theValidSeedsAreValid(String seed) throws IOException {
    byte[] bytes;
    try (InputStream in =
        getClass().getResourceAsStream("TransactionFuzzTestInputs/decodeAndValidate/" + seed)) {
      assertThat(in).as(seed).isNotNull();
      bytes = in.readAllBytes();
    }
    assertThat(validator.validate(bytes)).isInstanceOf(Valid.class);
  }

  private static void check(ValidationResult result) {
    assertThat(result).isNotNull();
    if (result instanceof Invalid invalid) {
      assertThat(invalid.reason()).isNotNull();
      assertThat(invalid.detail()).isNotNull();
    }
  }
}
