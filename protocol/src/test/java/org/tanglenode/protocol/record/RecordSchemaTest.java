package org.tanglenode.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas of docs/schemas/ agree with the record format: their examples are canonical
 * records, records the code writes pass them, and they refuse what the code refuses.
 */
class RecordSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCHEMAS = Path.of("..", "docs", "schemas");

  private static JsonNode schema(String name) throws IOException {
    return JSON.readTree(SCHEMAS.resolve(name).toFile());
  }

  @Test
  void everyExampleIsACanonicalRecordTheSchemaAccepts() throws Exception {
    for (String name :
        List.of("anchor.schema.json", "trail-event.schema.json", "sensor-batch.schema.json")) {
      JsonNode schema = schema(name);
      assertThat(schema.path("examples")).as(name).isNotEmpty();
      for (JsonNode example : schema.path("examples")) {
        assertThat(new SchemaSubset(schema).problems(example)).as(name).isEmpty();
        byte[] compact = JSON.writeValueAsBytes(example);
        assertThat(Records.parse(compact).type()).isEqualTo(example.path("type").asText());
      }
    }
  }

  @Test
  void theDocumentedEventExampleIsInRecordsMdAndOpensWithItsSalt() throws Exception {
    JsonNode example = schema("trail-event.schema.json").path("examples").get(1);
    byte[] compact = JSON.writeValueAsBytes(example);
    String docs = java.nio.file.Files.readString(Path.of("..", "docs", "records.md"));
    assertThat(docs)
        .contains("\n" + new String(compact, java.nio.charset.StandardCharsets.UTF_8) + "\n")
        .contains("Example (" + compact.length + " bytes;");
    TrailEvent event = (TrailEvent) Records.parse(compact);
    byte[] salt = new byte[32];
    java.util.Arrays.fill(salt, (byte) 1);
    assertThat(event.opens("recipient-ref", salt, "R-2291")).isTrue();
    assertThat(event.opens("recipient-ref", salt, "R-2292")).isFalse();
  }

  @Test
  void recordsTheCodeWritesPassTheSchemas() throws Exception {
    DocumentHash doc = DocumentHash.of("a document".getBytes());
    JsonNode anchor = JSON.readTree(Records.encode(new AnchorRecord(doc, Optional.of("tender"))));
    assertThat(new SchemaSubset(schema("anchor.schema.json")).problems(anchor)).isEmpty();

    TreeMap<String, String> fields = new TreeMap<>();
    fields.put("carrier", "ACME Logistics");
    TreeMap<String, byte[]> hidden = new TreeMap<>();
    byte[] salt = FieldCommitment.newSalt(new SecureRandom());
    hidden.put("amount", FieldCommitment.commit(salt, "amount", "1200 USD"));
    JsonNode event =
        JSON.readTree(
            Records.encode(
                new TrailEvent("lot/2026:7", "paid", List.of(doc, doc), fields, hidden)));
    assertThat(new SchemaSubset(schema("trail-event.schema.json")).problems(event)).isEmpty();
  }

  @Test
  void sensorBatchRecordsTheCodeWritesPassTheSchemaAndTheSchemaRefusesWhatTheCodeRefuses()
      throws Exception {
    SchemaSubset batches = new SchemaSubset(schema("sensor-batch.schema.json"));
    SensorBatchRecord written =
        new SensorBatchRecord(
            "gw/site-9:a.b_c-d", new byte[32], 8192, 0, SensorBatchRecord.MAX_TIME_MS);
    assertThat(batches.problems(JSON.readTree(Records.encode(written)))).isEmpty();
    assertThat(Records.parse(Records.encode(written))).isEqualTo(written);

    ObjectNode base = (ObjectNode) schema("sensor-batch.schema.json").path("examples").get(0);
    List<ObjectNode> refused =
        List.of(
            base.deepCopy().put("extra", "x"),
            base.deepCopy().put("gateway", "-gw"),
            base.deepCopy().put("gateway", "g".repeat(57)),
            base.deepCopy().put("root", "AB".repeat(32)),
            base.deepCopy().put("root", "ab".repeat(31)),
            base.deepCopy().put("count", 0),
            base.deepCopy().put("count", SensorBatchRecord.MAX_COUNT + 1),
            base.deepCopy().put("first", -1),
            base.deepCopy().put("last", SensorBatchRecord.MAX_TIME_MS + 1),
            base.deepCopy().put("v", 2));
    for (ObjectNode bad : refused) {
      assertThat(batches.problems(bad)).as("%s", bad).isNotEmpty();
      assertThat(Records.tryParse(JSON.writeValueAsBytes(bad))).as("%s", bad).isEmpty();
    }
    ObjectNode withoutLast = base.deepCopy();
    withoutLast.remove("last");
    assertThat(batches.problems(withoutLast)).isNotEmpty();
    assertThat(Records.tryParse(JSON.writeValueAsBytes(withoutLast))).isEmpty();
    // last before first: the code refuses what the schema cannot say
    assertThat(Records.tryParse(JSON.writeValueAsBytes(base.deepCopy().put("last", 0)))).isEmpty();
  }

  @Test
  void theSchemasRefuseWhatTheCodeRefuses() throws Exception {
    SchemaSubset events = new SchemaSubset(schema("trail-event.schema.json"));
    ObjectNode base = (ObjectNode) schema("trail-event.schema.json").path("examples").get(1);

    assertThat(events.problems(base.deepCopy().put("extra", "x"))).isNotEmpty();
    assertThat(events.problems(base.deepCopy().put("trail", "-starts-with-dash"))).isNotEmpty();
    assertThat(events.problems(base.deepCopy().put("event", "x".repeat(65)))).isNotEmpty();
    assertThat(events.problems(base.deepCopy().put("event", " padded"))).isNotEmpty();
    assertThat(events.problems(base.deepCopy().put("v", 2))).isNotEmpty();
    ObjectNode badName = base.deepCopy();
    ((ObjectNode) badName.get("fields")).put("Upper", "x");
    assertThat(events.problems(badName)).isNotEmpty();
    ObjectNode badHash = base.deepCopy();
    ((ObjectNode) badHash.get("private")).put("recipient-ref", "AB".repeat(32));
    assertThat(events.problems(badHash)).isNotEmpty();
    ObjectNode tooMany = base.deepCopy();
    for (int i = 0; i < 17; i++) {
      ((ObjectNode) tooMany.get("fields")).put("f" + i, "v");
    }
    assertThat(events.problems(tooMany)).isNotEmpty();

    SchemaSubset anchors = new SchemaSubset(schema("anchor.schema.json"));
    ObjectNode anchor = (ObjectNode) schema("anchor.schema.json").path("examples").get(0);
    assertThat(anchors.problems(anchor.deepCopy().put("note", "n".repeat(257)))).isNotEmpty();
    assertThat(anchors.problems(anchor.deepCopy().put("size", -1))).isNotEmpty();
    assertThat(anchors.problems(anchor.deepCopy().remove(List.of("sha256")))).isNotEmpty();
  }

  @Test
  void schemaAndCodeAgreeOnCharactersBeyondUtf16UnitsAndOnUnicodeWhiteSpace() throws Exception {
    SchemaSubset anchors = new SchemaSubset(schema("anchor.schema.json"));
    ObjectNode anchor = (ObjectNode) schema("anchor.schema.json").path("examples").get(0);
    DocumentHash doc = DocumentHash.of("a document".getBytes());
    String emoji = "\uD83D\uDCE6"; // one code point, two UTF-16 units
    List<String> notes =
        List.of(
            emoji.repeat(200),
            emoji.repeat(256),
            emoji.repeat(257),
            "\u00a0leading no-break space",
            "trailing ideographic space\u3000",
            "trailing figure space\u2007",
            "\ufeffleading byte order mark",
            "inner\u00a0no-break\u2028separator",
            "tab\tinside");
    for (String note : notes) {
      boolean schemaAccepts = anchors.problems(anchor.deepCopy().put("note", note)).isEmpty();
      boolean codeAccepts;
      try {
        new AnchorRecord(doc, Optional.of(note));
        codeAccepts = true;
      } catch (IllegalArgumentException refused) {
        codeAccepts = false;
      }
      assertThat(schemaAccepts).as("schema and code on %s", note).isEqualTo(codeAccepts);
    }
    assertThat(anchors.problems(anchor.deepCopy().put("note", emoji.repeat(256)))).isEmpty();
    assertThat(anchors.problems(anchor.deepCopy().put("note", emoji.repeat(257)))).isNotEmpty();
    assertThat(anchors.problems(anchor.deepCopy().put("note", "\u00a0x"))).isNotEmpty();
  }
}
