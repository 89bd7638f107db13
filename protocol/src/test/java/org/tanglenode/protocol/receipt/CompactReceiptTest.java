package org.tanglenode.protocol.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.receipt.ReceiptVerdict.Reason;
import org.tanglenode.protocol.record.DocumentHash;
import org.tanglenode.protocol.trust.GenesisTrust;

/**
 * The compact receipt of docs/receipts.md section 8: the worked example byte for byte against the
 * page, the variant without the milestone, and every one-byte change of the example refused with a
 * reason (never an exception, never a verdict of verified).
 */
class CompactReceiptTest {

  private static final HexFormat HEX = HexFormat.of();

  /** The worked example of the page, B's compact receipt with milestone 1, 32 bytes a line. */
  static final String EXAMPLE =
      """
      54524301017888f0b2162b9deed68dbbd8a24b9b910667da096f3f64ecd9bfc5
      1e8afa72dd00000000000000010287b2ca38060af7fb5a22ca7b744cdef09d16
      c92c992b552f468c8161f62cf07a7b0175e36191ed59534d09bf3b2b26f19d6b
      b6abd43e1efd594a89a57d885b5a018d0abf0209ee9d2b16b2f0887810011a20
      4e4aff5ec7ce07169e76aa64e26a4c234dce2c3ec69f565add5cd3cef0f0f712
      22208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9
      b39428c8aceeb6b73332e6010a0d736869706d656e742d3437313112d4017b22
      74797065223a22616e63686f72222c2276223a312c22736861323536223a2233
      3963636163653233646566613731653561653466616562323331313563353534
      3239343061656231663265643764653237326163323161363032303635386622
      2c22626c616b653262323536223a226238343061373438376532356161366235
      3933626233653831643264363764663935663533646466393433623337643966
      633330373363383133643838636262222c2273697a65223a35392c226e6f7465
      223a2264656c6976657279206e6f7465227d11af000000000000001a4076bd62
      0e59825527495042d0a917cef584d69d479ee0a47e102e4c08293cba66836037
      d92b82e0edb68f581be5078edac8056f796cf69736aa252f824062db0800ee0a
      a00109ee9d2b16b2f0887810011a2012cb127c57201fc20752fbf616915e9469
      95b6e4fa7541c22b271fbd79f616be22208a88e3dd7409f195fd52db2d3cba5d
      72ca6709bf1d94121bf3748801b40f6f5c2898bceeb6b733424808011a20bf30
      d43af47023cdf505237f31409b57cf7b81183fae39850c2e2976c443b7c92220
      bf30d43af47023cdf505237f31409b57cf7b81183fae39850c2e2976c443b7c9
      28031123000000000000001a40eeef2a399867aa628ab92608cd65ea8aa600a3
      62fa9d57794f52aeaba6a5842f152d3c191d65cae1f2e03619e3fdd4f1fd7e98
      b621184aa0447af673dd5ce90e
      """;

  private final ReceiptVerifier verifier =
      new ReceiptVerifier(new GenesisTrust(ReceiptFixture.network()));

  private static Receipt example() {
    return ReceiptFixture.receipt(ReceiptFixture.history(), ReceiptFixture.EXAMPLE_LEAF);
  }

  static byte[] exampleBytes() {
    return HEX.parseHex(EXAMPLE.replace("\n", ""));
  }

  private static HeldMilestones holding(byte[] milestone) {
    return index -> index == 1 ? Optional.of(milestone) : Optional.empty();
  }

  @Test
  void theWorkedExampleIsTheDocumentedBytesAndVerifiesWithTheDocument() {
    byte[] compact = CompactReceipt.encode(example());

    assertThat(HEX.formatHex(compact)).isEqualTo(EXAMPLE.replace("\n", ""));
    assertThat(compact).hasSize(749);
    ReceiptVerdict verdict =
        verifier.verifyCompact(
            compact, index -> Optional.empty(), DocumentHash.of(ReceiptFixture.document()));
    assertThat(verdict).isInstanceOf(ReceiptVerdict.Verified.class);
    assertThat(((ReceiptVerdict.Verified) verdict).receipt()).isEqualTo(example());
  }

  @Test
  void decodingGivesBackTheReceiptOfTheJsonFile() throws ReceiptFormatException {
    Receipt fromFile = ReceiptFile.parse(ReceiptFixture.exampleReceiptFile());

    CompactReceipt.Decoded decoded = CompactReceipt.decode(exampleBytes());

    assertThat(decoded.kind()).isEqualTo(CompactReceipt.Kind.WITH_MILESTONE);
    assertThat(decoded.receipt()).isEqualTo(fromFile);
    assertThat(CompactReceipt.encode(fromFile)).isEqualTo(exampleBytes());
  }

  @Test
  void thePageShowsTheExampleByteForByte() throws IOException {
    Path page =
        Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("receipts.md");
    String text = Files.readString(page, StandardCharsets.UTF_8);

    assertThat(text).contains("in full (749 bytes):\n\n```\n" + EXAMPLE + "```\n");
    byte[] detached = CompactReceipt.encodeWithoutMilestone(example());
    assertThat(detached).hasSize(513);
    assertThat(text).contains("(513 bytes)");
    assertThat(HEX.formatHex(detached))
        .isEqualTo(
            "5452430102"
                + HEX.formatHex(exampleBytes()).substring(10, 2 * (749 - 2 - 238))
                + "00000001");
  }

  @Test
  void theVariantWithoutTheMilestoneVerifiesOnlyWithTheMilestoneHeld() {
    byte[] detached = CompactReceipt.encodeWithoutMilestone(example());
    byte[] milestone = example().milestone();

    assertThat(verifier.verifyCompact(detached, holding(milestone)).isVerified()).isTrue();
    assertRefused(verifier.verifyCompact(detached), Reason.MILESTONE_NOT_HELD);

    byte[] changed = milestone.clone();
    changed[changed.length - 1] ^= 0x01;
    assertRefused(verifier.verifyCompact(detached, holding(changed)), Reason.MILESTONE_INVALID);

    byte[] otherIndex = detached.clone();
    otherIndex[otherIndex.length - 1] = 2;
    assertRefused(
        verifier.verifyCompact(otherIndex, index -> Optional.of(milestone)),
        Reason.MILESTONE_NOT_HELD);
  }

  /**
   * Each byte of the worked example in turn changed in its lowest bit, in its highest bit and to
   * its complement. Unlike the JSON file, the compact form has no spelling to vary, so every change
   * is either a layout fault or a change to a bound value.
   */
  @Test
  void everyChangedByteOfTheWorkedExampleIsRefusedWithAReason() {
    byte[] original = exampleBytes();
    Set<Reason> seen = EnumSet.noneOf(Reason.class);
    List<String> accepted = new ArrayList<>();
    for (int mask : new int[] {0x01, 0x80, 0xff}) {
      for (int i = 0; i < original.length; i++) {
        byte[] changed = original.clone();
        changed[i] ^= (byte) mask;
        ReceiptVerdict verdict = verifier.verifyCompact(changed, holding(example().milestone()));
        if (verdict instanceof ReceiptVerdict.Refused refused) {
          assertThat(refused.message()).isNotBlank();
          seen.add(refused.reason());
        } else {
          accepted.add(i + " ^ " + mask);
        }
      }
    }
    assertThat(accepted).as("changes that still verify").isEmpty();
    assertThat(seen)
        .containsExactlyInAnyOrder(
            Reason.MALFORMED,
            Reason.UNSUPPORTED_VERSION,
            Reason.WRONG_NETWORK,
            Reason.MILESTONE_INVALID,
            Reason.TRANSACTION_INVALID,
            Reason.PATH_MISMATCH);
  }

  @Test
  void everyTruncationAndAnyTrailingByteIsMalformed() {
    byte[] original = exampleBytes();
    for (int length = 0; length < original.length; length++) {
      assertRefused(verifier.verifyCompact(Arrays.copyOf(original, length)), Reason.MALFORMED);
    }
    assertRefused(
        verifier.verifyCompact(Arrays.copyOf(original, original.length + 1)), Reason.MALFORMED);
    assertRefused(verifier.verifyCompact(ReceiptFixture.exampleReceiptFile()), Reason.MALFORMED);
  }

  @Test
  void aCompactReceiptIsNotAReceiptFileNorTheOtherWayRound() {
    assertThat(CompactReceipt.looksCompact(exampleBytes())).isTrue();
    assertThat(CompactReceipt.looksCompact(ReceiptFixture.exampleReceiptFile())).isFalse();
    assertRefused(verifier.verify(exampleBytes()), Reason.MALFORMED);
  }

  /**
   * The sizes docs/receipts.md section 8 states: a fixed part plus 32 bytes a path hash, with 100
   * bytes more a cosignature. The record is the example's anchor record.
   */
  @Test
  void theSizesThePageStatesHold() {
    Map<Integer, Integer> sizes =
        Map.of(
            1, CompactReceipt.encode(example()).length,
            3,
                CompactReceipt.encode(
                        ReceiptFixture.receipt(
                            ReceiptFixture.history(
                                ReceiptFixture.seedOf(1),
                                ReceiptFixture.seedOf(5),
                                ReceiptFixture.seedOf(6)),
                            ReceiptFixture.EXAMPLE_LEAF))
                    .length);
    assertThat(sizes).containsEntry(1, 749).containsEntry(3, 953);
    assertThat(CompactReceipt.encodeWithoutMilestone(example())).hasSize(513);
  }

  @Test
  void aPartTooLongForItsLengthPrefixIsRefusedWhenEncoding() {
    Receipt huge =
        new Receipt(
            Receipt.VERSION,
            example().network(),
            new byte[CompactReceipt.MAX_PART_BYTES + 1],
            example().milestone(),
            1,
            example().path());
    assertThatThrownBy(() -> CompactReceipt.encode(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most " + CompactReceipt.MAX_PART_BYTES);
  }

  private static void assertRefused(ReceiptVerdict verdict, Reason reason) {
    assertThat(verdict).isInstanceOf(ReceiptVerdict.Refused.class);
    ReceiptVerdict.Refused refused = (ReceiptVerdict.Refused) verdict;
    assertThat(refused.reason()).as(refused.message()).isEqualTo(reason);
    assertThat(refused.message()).isNotBlank();
  }
}
