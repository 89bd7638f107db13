package org.tanglenode.crypto.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.address.AddressFormatException.Reason;
import org.tanglenode.crypto.hash.Blake2b256;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.crypto.sign.Ed25519PublicKey;

class AddressTest {

  private static final String HRP = "tgl";
  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  private static Ed25519PrivateKey key(Random random) {
    byte[] seed = new byte[Ed25519PrivateKey.SIZE];
    random.nextBytes(seed);
    return Ed25519PrivateKey.fromSeed(seed);
  }

  private static Reason reasonOf(String text, String hrp) {
    try {
      Address.decode(text, hrp);
    } catch (AddressFormatException e) {
      return e.reason();
    }
    return null;
  }

  @Test
  void anAddressIsTheBlake2b256OfThePublicKey() {
    Ed25519PublicKey publicKey =
        Ed25519PublicKey.fromHex(
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    assertThat(Address.of(publicKey).hash()).isEqualTo(Blake2b256.digest(publicKey.bytes()));
  }

  @Test
  void matchesTheDocumentedVector() {
    // docs/crypto.md: the public key of RFC 8032 TEST 1 on a network with prefix "tgl". The hash
    // was checked with Python's hashlib.blake2b.
    Address address =
        Address.of(
            Ed25519PublicKey.fromHex(
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));

    assertThat(HexFormat.of().formatHex(address.hash()))
        .isEqualTo("7849ac3049680be1ef762efe0d36e01733c3464eb0c7c558138acf24bb263bd3");
    assertThat(address.encode(HRP))
        .isEqualTo("tgl1qpuyntpsf95qhc00wch0urfkuqtn8s6xf6cv032czw9v7f9mycaaxrjctwc");
  }

  @Test
  void roundTripsForRandomKeys() {
    Random random = new Random(20_260_350);
    for (int i = 0; i < 200; i++) {
      Address address = Address.of(key(random).publicKey());
      String text = address.encode(HRP);

      assertThat(text).startsWith("tgl1q").hasSize(HRP.length() + 1 + 53 + 6);
      assertThat(Address.decode(text, HRP)).isEqualTo(address);
      assertThat(Address.decode(text.toUpperCase(Locale.ROOT), HRP)).isEqualTo(address);
    }
  }

  @Test
  void aKnownHashHasAKnownText() {
    // Version 0 and an all-zero hash: 264 zero bits, 53 'q' groups, then the checksum.
    String text = new Address(new byte[32]).encode(HRP);

    assertThat(text).startsWith("tgl1" + "q".repeat(53)).hasSize(63);
    assertThat(Address.decode(text, HRP).hash()).isEqualTo(new byte[32]);
  }

  @Test
  void everySingleCharacterSubstitutionIsDetected() {
    Random random = new Random(173);
    String alphabet = CHARSET + "abcdefghijklmnopqrstuvwxyz0123456789-";
    for (int k = 0; k < 3; k++) {
      String text = Address.of(key(random).publicKey()).encode(HRP);
      int substitutions = 0;
      for (int position = 0; position < text.length(); position++) {
        for (char c : alphabet.toCharArray()) {
          if (c == text.charAt(position)) {
            continue;
          }
          String changed = text.substring(0, position) + c + text.substring(position + 1);
          assertThat(reasonOf(changed, HRP))
              .as("%s with '%c' at %d", text, c, position)
              .isNotNull();
          substitutions++;
        }
      }
      assertThat(substitutions).isGreaterThan(text.length() * (CHARSET.length() - 1));
    }
  }

  @Test
  void aSubstitutionInTheDataPartIsABadChecksum() {
    String text = new Address(HexFormat.of().parseHex("00".repeat(31) + "01")).encode(HRP);
    String changed =
        text.substring(0, 10) + (text.charAt(10) == 'q' ? 'p' : 'q') + text.substring(11);

    assertThat(reasonOf(changed, HRP)).isEqualTo(Reason.BAD_CHECKSUM);
  }

  @Test
  void anAddressOfAnotherNetworkIsTheWrongPrefix() {
    String testnet = Address.of(key(new Random(1)).publicKey()).encode("tgltest");

    assertThat(reasonOf(testnet, HRP)).isEqualTo(Reason.WRONG_PREFIX);
    assertThatThrownBy(() -> Address.decode(testnet, HRP)).hasMessageContaining("tgltest");
  }

  @Test
  void aBech32ChecksumIsRejected() {
    // The same data part with the checksum of BIP-173 bech32 (constant 1) instead of bech32m.
    String bech32m = Address.of(key(new Random(2)).publicKey()).encode(HRP);
    String data = bech32m.substring(HRP.length() + 1, bech32m.length() - 6);
    String bech32 = HRP + "1" + data + bech32Checksum(HRP, data);

    assertThat(bech32).isNotEqualTo(bech32m);
    assertThat(reasonOf(bech32, HRP)).isEqualTo(Reason.BAD_CHECKSUM);
  }

  @Test
  void aValidStringWithTheWrongPayloadIsRejected() {
    byte[] shortPayload = new byte[20];
    String tooShort = Bech32m.encode(HRP, Bech32m.convertBits(shortPayload, 8, 5, true));
    byte[] version1 = new byte[33];
    version1[0] = 1;
    String unknownVersion = Bech32m.encode(HRP, Bech32m.convertBits(version1, 8, 5, true));

    assertThat(reasonOf(tooShort, HRP)).isEqualTo(Reason.BAD_LENGTH);
    assertThat(reasonOf(unknownVersion, HRP)).isEqualTo(Reason.UNKNOWN_VERSION);
  }

  @Test
  void mixedCaseIsRejected() {
    String text = Address.of(key(new Random(3)).publicKey()).encode(HRP);
    String mixed = text.substring(0, 8) + text.substring(8).toUpperCase(Locale.ROOT);

    assertThat(reasonOf(mixed, HRP)).isEqualTo(Reason.MIXED_CASE);
  }

  @Test
  void theHashIsCopiedInAndOut() {
    byte[] hash = new byte[32];
    Address address = new Address(hash);
    hash[0] = 1;
    address.hash()[1] = 1;

    assertThat(address.hash()).isEqualTo(new byte[32]);
    assertThat(address)
        .isEqualTo(new Address(new byte[32]))
        .hasSameHashCodeAs(new Address(new byte[32]));
    assertThatThrownBy(() -> new Address(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPrefixTooLongForNinetyCharactersIsRefused() {
    assertThatThrownBy(() -> new Address(new byte[32]).encode("a".repeat(31)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Address(new byte[32]).encode("a".repeat(30))).hasSize(90);
  }

  /** The BIP-173 bech32 checksum (constant 1), written out here so the test needs no codec. */
  private static String bech32Checksum(String hrp, String data) {
    int[] values = new int[hrp.length() * 2 + 1 + data.length() + 6];
    int n = 0;
    for (char c : hrp.toCharArray()) {
      values[n++] = c >> 5;
    }
    values[n++] = 0;
    for (char c : hrp.toCharArray()) {
      values[n++] = c & 31;
    }
    for (char c : data.toCharArray()) {
      values[n++] = CHARSET.indexOf(c);
    }
    int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (int v : values) {
      int top = chk >>> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ v;
      for (int i = 0; i < 5; i++) {
        if (((top >> i) & 1) != 0) {
          chk ^= generator[i];
        }
      }
    }
    chk ^= 1;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      out.append(CHARSET.charAt((chk >>> (5 * (5 - i))) & 31));
    }
    return out.toString();
  }
}
