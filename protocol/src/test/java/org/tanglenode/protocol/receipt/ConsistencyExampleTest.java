package org.tanglenode.protocol.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.trust.GenesisTrust;

/**
 * The example answer of {@code GET /api/v1/history/consistency?from=1&to=2} in docs/receipts.md
 * section 4: milestones 1 and 2 of the worked example's network (ReceiptFixture) with the RFC 9162
 * proof from history size 3 to 5, in the API's fields and order (node's ReceiptRoutes). The page
 * must hold this answer byte for byte, and the answer must check out with the genesis alone.
 */
class ConsistencyExampleTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void thePagesConsistencyAnswerIsThisOneAndItVerifies() throws IOException {
    ReceiptFixture.History first = ReceiptFixture.history();
    ReceiptFixture.Later later = ReceiptFixture.later(first);
    List<byte[]> proof = ReceiptFixture.consistencyProof(later.confirmed(), 3);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("from", milestone(first.milestone()));
    answer.put("to", milestone(later.milestone()));
    answer.put("proof", proof.stream().map(HEX::formatHex).toList());
    String json =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(answer);

    HistoryVerdict verdict =
        new HistoryVerifier(new GenesisTrust(ReceiptFixture.network()))
            .verify(Optional.empty(), first.milestone().bytes(), later.milestone().bytes(), proof);
    assertThat(verdict).isInstanceOf(HistoryVerdict.Consistent.class);

    // Left in target/ to paste into the page after a deliberate change.
    Files.writeString(Path.of("target", "consistency-example.json"), json + "\n");
    String page =
        Files.readString(
            Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("receipts.md"),
            StandardCharsets.UTF_8);
    assertThat(page).as("docs/receipts.md section 4 shows this answer").contains(json + "\n```");
  }

  /** A milestone as the API writes it: index, id, historySize, historyRoot, timestamp, bytes. */
  private static Map<String, Object> milestone(Transaction tx) {
    Payload.Milestone payload = (Payload.Milestone) tx.payload();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("index", payload.index());
    out.put("id", tx.id().toHex());
    out.put("historySize", payload.historySize());
    out.put("historyRoot", HEX.formatHex(payload.historyRoot()));
    out.put("timestamp", tx.timestampMs());
    out.put("transaction", HEX.formatHex(tx.bytes()));
    return out;
  }
}
