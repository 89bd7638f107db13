package org.tanglenode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.tanglenode.node.report.ReportRow;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.record.SensorBatchRecord;

/** How {@code tangle report} shows a sensor batch record: its size, time range and root. */
class ReportRowTest {

  @Test
  void aSensorBatchRowSaysHowManyReadingsOfWhen() throws Exception {
    ObjectMapper json = new ObjectMapper();
    SensorBatchRecord batch =
        new SensorBatchRecord(
            "gw-east-1", new byte[32], 8192, 1_767_225_601_000L, 1_767_225_606_000L);
    ObjectNode entry = json.createObjectNode();
    entry.put("id", "ab".repeat(32));
    entry.put("timestamp", 1_767_225_607_000L);
    entry.put("tag", "sensors:gw-east-1");
    entry.put("issuer", "cd".repeat(32));
    entry.set("record", json.readTree(Records.encode(batch)));

    ReportRow row = ReportCommand.row(entry);

    assertThat(row.type()).isEqualTo("sensor-batch");
    assertThat(row.documents()).isEmpty();
    assertThat(row.text())
        .isEqualTo(
            "8192 readings from 2026-01-01T00:00:01Z to 2026-01-01T00:00:06Z, root "
                + "00".repeat(32));
  }
}
