package org.tanglenode.crypto.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tanglenode.crypto.address.AddressFormatException.Reason;

/** The codec against the test vectors of BIP-350 (bech32m) and BIP-173 (bech32). */
class Bech32mTest {

  /** BIP-350: valid bech32m strings. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "A1LQFN3A",
        "a1lqfn3a",
        "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
        "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
        "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
        "split1checkupstagehandshakeupstreamerranterredcaperredlc445v",
        "?1v759aa"
      })
  void validBip350StringsDecodeAndReencode(String text) {
    Bech32m.Decoded decoded = Bech32m.decode(text);

    assertThat(decoded.hrp())
        .isEqualTo(text.substring(0, text.lastIndexOf('1')).toLowerCase(Locale.ROOT));
    assertThat(Bech32m.encode(decoded.hrp(), decoded.data()))
        .isEqualTo(text.toLowerCase(Locale.ROOT));
  }

  @Test
  void theAbcdefVectorCarriesTheGroups31DownTo0() {
    byte[] expected = new byte[32];
    for (int i = 0; i < 32; i++) {
      expected[i] = (byte) (31 - i);
    }

    assertThat(Bech32m.decode("abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx").data())
        .isEqualTo(expected);
  }

  /** BIP-350: invalid bech32m strings, each with the reason the BIP gives. */
  static Stream<Arguments> invalidBip350Strings() {
    return Stream.of(
        Arguments.of("\u00201xj0phk", Reason.INVALID_CHARACTER), // HRP character out of range
        Arguments.of("\u007f1g6xzxy", Reason.INVALID_CHARACTER), // HRP character out of range
        Arguments.of("\u00801vctc34", Reason.INVALID_CHARACTER), // HRP character out of range
        Arguments.of( // overall max length exceeded
            "an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4",
            Reason.TOO_LONG),
        Arguments.of("qyrz8wqd2c9m", Reason.NO_SEPARATOR),
        Arguments.of("1qyrz8wqd2c9m", Reason.EMPTY_PREFIX),
        Arguments.of("y1b0jsk6g", Reason.INVALID_CHARACTER), // invalid data character
        Arguments.of("lt1igcx5c0", Reason.INVALID_CHARACTER), // invalid data character
        Arguments.of("in1muywd", Reason.TOO_SHORT), // too short checksum
        Arguments.of("mm1crxm3i", Reason.INVALID_CHARACTER), // invalid character in checksum
        Arguments.of("au1s5cgom", Reason.INVALID_CHARACTER), // invalid character in checksum
        Arguments.of("M1VUXWEZ", Reason.BAD_CHECKSUM), // checksum of the uppercase HRP
        Arguments.of("16plkw9", Reason.EMPTY_PREFIX),
        Arguments.of("1p2gdwpf", Reason.EMPTY_PREFIX));
  }

  @ParameterizedTest
  @MethodSource("invalidBip350Strings")
  void invalidBip350StringsAreRejected(String text, Reason reason) {
    assertThatThrownBy(() -> Bech32m.decode(text))
        .isInstanceOf(AddressFormatException.class)
        .extracting(e -> ((AddressFormatException) e).reason())
        .isEqualTo(reason);
  }

  /** BIP-173: valid bech32 strings, whose checksum constant is 1, not bech32m's. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "A12UEL5L",
        "a12uel5l",
        "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
        "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
        "?1ezyfcl"
      })
  void bech32ChecksumsAreRejected(String text) {
    assertThatThrownBy(() -> Bech32m.decode(text))
        .isInstanceOf(AddressFormatException.class)
        .extracting(e -> ((AddressFormatException) e).reason())
        .isEqualTo(Reason.BAD_CHECKSUM);
  }

  @Test
  void mixedCaseIsRejected() {
    assertThatThrownBy(() -> Bech32m.decode("a1LQFN3A"))
        .isInstanceOf(AddressFormatException.class)
        .extracting(e -> ((AddressFormatException) e).reason())
        .isEqualTo(Reason.MIXED_CASE);
  }

  @Test
  void encodingRejectsAnUppercaseOrEmptyPrefixAndOutOfRangeGroups() {
    assertThatThrownBy(() -> Bech32m.encode("A", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bech32m.encode("", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bech32m.encode("a", new byte[] {32}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bech32m.encode("a", new byte[84]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void convertingBitsRoundTripsAndRejectsBadPadding() {
    byte[] bytes = {(byte) 0xff, 0x00, 0x12, 0x34, 0x56};
    byte[] groups = Bech32m.convertBits(bytes, 8, 5, true);

    assertThat(groups).hasSize(8);
    assertThat(Bech32m.convertBits(groups, 5, 8, false)).isEqualTo(bytes);
    // 2 groups = 10 bits: one byte and 2 padding bits, which must be zero.
    assertThatThrownBy(() -> Bech32m.convertBits(new byte[] {0, 1}, 5, 8, false))
        .isInstanceOf(AddressFormatException.class)
        .extracting(e -> ((AddressFormatException) e).reason())
        .isEqualTo(Reason.BAD_PADDING);
    // 1 group = 5 bits: not even one byte, so the group is excess padding.
    assertThatThrownBy(() -> Bech32m.convertBits(new byte[] {0}, 5, 8, false))
        .isInstanceOf(AddressFormatException.class);
  }
}
