package org.tanglenode.protocol.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.receipt.ReceiptFixture.History;
import org.tanglenode.protocol.record.DocumentHash;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.trust.GenesisTrust;

/**
 * The worked example of docs/receipts.md, byte for byte, and the page itself: every value the page
 * states is checked here, and the receipt file on the page must be exactly the one the code makes.
 * If this fails, the format changed: that breaks every independent verifier, so fix the code.
 */
class WorkedReceiptExampleTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final MerkleHasher HASHER = MerkleHasher.blake2b256();

  static final String NETWORK_ID =
      "7888f0b2162b9deed68dbbd8a24b9b910667da096f3f64ecd9bfc51e8afa72dd";
  static final List<String> IDS =
      List.of(
          "4e4aff5ec7ce07169e76aa64e26a4c234dce2c3ec69f565add5cd3cef0f0f712",
          "95fb2ded7433b2fa129f406ca2cfe6781dfa8cc909004d20ddc8dc5b2357f352",
          "12cb127c57201fc20752fbf616915e946995b6e4fa7541c22b271fbd79f616be");
  static final List<Long> NONCES = List.of(18L, 175L, 253L);
  static final List<String> LEAVES =
      List.of(
          "87b2ca38060af7fb5a22ca7b744cdef09d16c92c992b552f468c8161f62cf07a",
          "56791730886e7cf30989135429042fd50af48d895264d4b58faa91127d689a37",
          "7b0175e36191ed59534d09bf3b2b26f19d6bb6abd43e1efd594a89a57d885b5a");
  static final String NODE_AB = "a7b5b1168a7b6e2069fd21f88643fb6cd1213183488dd2cd9da6b2b70274aac7";
  static final String ROOT = "bf30d43af47023cdf505237f31409b57cf7b81183fae39850c2e2976c443b7c9";
  static final String ANCHOR =
      "{\"type\":\"anchor\",\"v\":1,"
          + "\"sha256\":\"39ccace23defa71e5ae4faeb23115c5542940aeb1f2ed7de272ac21a6020658f\","
          + "\"blake2b256\":\"b840a7487e25aa6b593bb3e81d2d67df95f53ddf943b37d9fc3073c813d88cbb\","
          + "\"size\":59,\"note\":\"delivery note\"}";
  static final String RECEIPT =
      "{\n"
          + "  \"format\": \"tangle-receipt\",\n"
          + "  \"version\": 1,\n"
          + "  \"network\": \"7888f0b2162b9deed68dbbd8a24b9b910667da096f3f64ecd9bfc51e8afa72dd\",\n"
          + "  \"transaction\": \"0abf0209ee9d2b16b2f0887810011a204e4aff5ec7ce07169e76aa64e26a4c234dce2c3ec69f565add5cd3cef0f0f71222208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39428c8aceeb6b73332e6010a0d736869706d656e742d3437313112d4017b2274797065223a22616e63686f72222c2276223a312c22736861323536223a2233396363616365323364656661373165356165346661656232333131356335353432393430616562316632656437646532373261633231613630323036353866222c22626c616b653262323536223a2262383430613734383765323561613662353933626233653831643264363764663935663533646466393433623337643966633330373363383133643838636262222c2273697a65223a35392c226e6f7465223a2264656c6976657279206e6f7465227d11af000000000000001a4076bd620e59825527495042d0a917cef584d69d479ee0a47e102e4c08293cba66836037d92b82e0edb68f581be5078edac8056f796cf69736aa252f824062db08\",\n"
          + "  \"milestone\": \"0aa00109ee9d2b16b2f0887810011a2012cb127c57201fc20752fbf616915e946995b6e4fa7541c22b271fbd79f616be22208a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c2898bceeb6b733424808011a20bf30d43af47023cdf505237f31409b57cf7b81183fae39850c2e2976c443b7c92220bf30d43af47023cdf505237f31409b57cf7b81183fae39850c2e2976c443b7c928031123000000000000001a40eeef2a399867aa628ab92608cd65ea8aa600a362fa9d57794f52aeaba6a5842f152d3c191d65cae1f2e03619e3fdd4f1fd7e98b621184aa0447af673dd5ce90e\",\n"
          + "  \"leafIndex\": 1,\n"
          + "  \"path\": [\n"
          + "    \"87b2ca38060af7fb5a22ca7b744cdef09d16c92c992b552f468c8161f62cf07a\",\n"
          + "    \"7b0175e36191ed59534d09bf3b2b26f19d6bb6abd43e1efd594a89a57d885b5a\"\n"
          + "  ]\n"
          + "}\n";

  @Test
  void theExampleHistoryHasTheDocumentedIdsLeavesAndRoot() {
    History history = ReceiptFixture.history();
    assertThat(ReceiptFixture.network().id().toHex()).isEqualTo(NETWORK_ID);
    for (int i = 0; i < 3; i++) {
      Transaction tx = history.confirmed().get(i);
      assertThat(tx.id().toHex()).isEqualTo(IDS.get(i));
      assertThat(tx.nonce()).isEqualTo(NONCES.get(i));
      assertThat(HEX.formatHex(HASHER.leafHash(tx.id().bytes()))).isEqualTo(LEAVES.get(i));
    }
    byte[] nodeAb = HASHER.nodeHash(HEX.parseHex(LEAVES.get(0)), HEX.parseHex(LEAVES.get(1)));
    assertThat(HEX.formatHex(nodeAb)).isEqualTo(NODE_AB);
    assertThat(HEX.formatHex(HASHER.nodeHash(nodeAb, HEX.parseHex(LEAVES.get(2))))).isEqualTo(ROOT);

    Payload.Milestone milestone = (Payload.Milestone) history.milestone().payload();
    assertThat(HEX.formatHex(milestone.historyRoot())).isEqualTo(ROOT);
    assertThat(HEX.formatHex(milestone.confirmedRoot())).isEqualTo(ROOT);
    assertThat(milestone.historySize()).isEqualTo(3);
    assertThat(history.milestone().size()).isEqualTo(238);
    assertThat(history.milestone().nonce()).isEqualTo(35);

    Payload.Data data = (Payload.Data) history.confirmed().get(1).payload();
    assertThat(new String(data.data(), StandardCharsets.UTF_8)).isEqualTo(ANCHOR);
    assertThat(Records.encode(Records.tryParse(data.data()).orElseThrow())).isEqualTo(data.data());
    assertThat(DocumentHash.of(ReceiptFixture.document()).size()).isEqualTo(59);
  }

  @Test
  void theExampleReceiptIsTheDocumentedFileAndVerifiesWithTheDocument() {
    byte[] file = ReceiptFixture.exampleReceiptFile();

    assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo(RECEIPT);
    assertThat(file).hasSize(1618);
    ReceiptVerdict verdict =
        new ReceiptVerifier(new GenesisTrust(ReceiptFixture.network()))
            .verify(file, DocumentHash.of(ReceiptFixture.document()));
    assertThat(verdict).isInstanceOf(ReceiptVerdict.Verified.class);
  }

  @Test
  void thePageShowsTheReceiptAndEveryValueThisTestChecks() throws IOException {
    Path page =
        Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("receipts.md");
    String text = Files.readString(page, StandardCharsets.UTF_8);

    assertThat(text).contains("```json\n" + RECEIPT + "```\n");
    assertThat(text).contains(NETWORK_ID, NODE_AB, ROOT, ANCHOR);
    assertThat(text).contains(IDS).contains(LEAVES);
    assertThat(text).contains("exactly (1,618 bytes)");
  }
}
