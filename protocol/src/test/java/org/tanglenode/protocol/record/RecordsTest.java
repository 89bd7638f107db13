package org.tanglenode.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.protocol.record.RecordFormatException.Reason;

class RecordsTest {

  private static final byte[] MANIFEST =
      "shipping manifest 4711\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void aFileHashesToTheKnownSha256AndBlake2bOfItsBytes(@TempDir Path dir) throws Exception {
    // SHA-256("abc") and BLAKE2b-256("abc") are published test values (FIPS 180-2, RFC 7693 style).
    Path file = Files.write(dir.resolve("abc.txt"), "abc".getBytes(StandardCharsets.US_ASCII));

    DocumentHash hash = DocumentHash.of(file);

    assertThat(hash.sha256Hex())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(hash.blake2b256Hex())
        .isEqualTo("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    assertThat(hash.size()).isEqualTo(3);
    assertThat(DocumentHash.of("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(hash);
  }

  @Test
  void theAnchorExampleInTheDocsIsTheEncodingOfAbc() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "records.md"));
    byte[] encoded =
        Records.encode(
            new AnchorRecord(
                DocumentHash.of("abc".getBytes(StandardCharsets.US_ASCII)), Optional.empty()));

    assertThat(docs).contains("\n" + new String(encoded, StandardCharsets.UTF_8) + "\n");
    assertThat(encoded).hasSize(188);
  }

  @Test
  void anAnchorHasOneCanonicalFormThatReadsBack() throws Exception {
    AnchorRecord anchor =
        new AnchorRecord(DocumentHash.of(MANIFEST), Optional.of("manifest, \"lot\" 12"));

    byte[] bytes = Records.encode(anchor);

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .startsWith("{\"type\":\"anchor\",\"v\":1,\"sha256\":\"")
        .endsWith(",\"size\":23,\"note\":\"manifest, \\\"lot\\\" 12\"}");
    assertThat(Records.parse(bytes)).isEqualTo(anchor);
  }

  @Test
  void aTrailEventWithDocumentsPublicAndPrivateFieldsReadsBack() throws Exception {
    byte[] salt = FieldCommitment.newSalt(new SecureRandom());
    TreeMap<String, String> fields = new TreeMap<>();
    fields.put("place", "Mombasa");
    fields.put("lot", "12");
    TreeMap<String, byte[]> hidden = new TreeMap<>();
    hidden.put("recipient", FieldCommitment.commit(salt, "recipient", "clinic-3/ref-88"));
    TrailEvent event =
        new TrailEvent(
            "shipment-4711", "dispatched", List.of(DocumentHash.of(MANIFEST)), fields, hidden);

    Record read = Records.parse(Records.encode(event));

    assertThat(read).isEqualTo(event);
    assertThat(new String(Records.encode(event), StandardCharsets.UTF_8))
        .contains("\"fields\":{\"lot\":\"12\",\"place\":\"Mombasa\"}")
        .doesNotContain("clinic-3");
    assertThat(TrailEvent.tagOf("shipment-4711").toString()).isEqualTo("trail:shipment-4711");
  }

  @Test
  void aPrivateFieldOpensWithItsSaltAndValueOnly() {
    byte[] salt = FieldCommitment.newSalt(new SecureRandom());
    byte[] otherSalt = salt.clone();
    otherSalt[31] ^= 1;
    TreeMap<String, byte[]> hidden = new TreeMap<>();
    hidden.put("recipient", FieldCommitment.commit(salt, "recipient", "ref-88"));
    TrailEvent event = new TrailEvent("d-1", "paid", List.of(), new TreeMap<>(), hidden);

    assertThat(event.opens("recipient", salt, "ref-88")).isTrue();
    assertThat(event.opens("recipient", otherSalt, "ref-88")).isFalse();
    assertThat(event.opens("recipient", salt, "ref-89")).isFalse();
    assertThat(event.opens("amount", salt, "ref-88")).isFalse();
    // The name is inside the hash: the same salt and value under another name commit differently.
    assertThat(FieldCommitment.commit(salt, "recipienta", ""))
        .isNotEqualTo(FieldCommitment.commit(salt, "recipient", "a"));
  }

  @Test
  void dataThatIsNotARecordSaysSoAndAWrongRecordSaysWhy() throws Exception {
    String canonical =
        new String(
            Records.encode(new AnchorRecord(DocumentHash.of(MANIFEST), Optional.empty())),
            StandardCharsets.UTF_8);

    assertThat(reason("temp=4.2C")).isEqualTo(Reason.NOT_JSON);
    assertThat(reason("{\"reading\":4.2}")).isEqualTo(Reason.NOT_A_RECORD);
    assertThat(reason(canonical.replace("\"v\":1", "\"v\":2"))).isEqualTo(Reason.INVALID);
    assertThat(reason(canonical.replace("\"size\"", "\"bytes\""))).isEqualTo(Reason.INVALID);
    assertThat(reason(canonical.replace(",\"size\"", ", \"size\"")))
        .isEqualTo(Reason.NOT_CANONICAL);
    assertThat(
            reason(
                canonical.replace(
                    "{\"type\":\"anchor\",\"v\":1,", "{\"v\":1,\"type\":\"anchor\",")))
        .isEqualTo(Reason.NOT_CANONICAL);
    assertThat(Records.tryParse("temp=4.2C".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void charactersBeyondTheBmpAreWrittenAsUtf8AndLoneSurrogatesAreRefused() throws Exception {
    String note = "received \uD83D\uDCE6 in Kisumu";
    AnchorRecord anchor = new AnchorRecord(DocumentHash.of(MANIFEST), Optional.of(note));

    byte[] bytes = Records.encode(anchor);

    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(note).doesNotContain("\\u");
    assertThat(Records.parse(bytes)).isEqualTo(anchor);
    String escaped =
        new String(bytes, StandardCharsets.UTF_8).replace("\uD83D\uDCE6", "\\ud83d\\udce6");
    assertThat(reason(escaped)).isEqualTo(Reason.NOT_CANONICAL);
    assertThatThrownBy(
            () -> new AnchorRecord(DocumentHash.of(MANIFEST), Optional.of("half \uD83D pair")))
        .hasMessageContaining("unpaired surrogates");
  }

  @Test
  void limitsAreEnforcedWithTheNameOfTheField() {
    assertThatThrownBy(() -> TrailEvent.tagOf("x".repeat(59))).hasMessageContaining("trail id");
    assertThatThrownBy(
            () -> new TrailEvent("-bad", "paid", List.of(), new TreeMap<>(), new TreeMap<>()))
        .hasMessageContaining("trail:");
    TreeMap<String, String> fields = new TreeMap<>();
    fields.put("Place", "x");
    assertThatThrownBy(() -> new TrailEvent("t", "paid", List.of(), fields, new TreeMap<>()))
        .hasMessageContaining("field name Place");
    assertThatThrownBy(
            () -> new AnchorRecord(DocumentHash.of(MANIFEST), Optional.of("line\nbreak")))
        .hasMessageContaining("note");
    assertThat(TrailEvent.tagOf("x".repeat(58)).bytes()).hasSize(64);
    assertThat(HexFormat.of().formatHex(FieldCommitment.commit(new byte[32], "a", "b")))
        .hasSize(64);
  }

  private static Reason reason(String data) {
    try {
      Records.parse(data.getBytes(StandardCharsets.UTF_8));
      throw new AssertionError("parsed: " + data);
    } catch (RecordFormatException e) {
      return e.reason();
    }
  }
}
