package org.tanglenode.node.report;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The counts at the top of a report.
 *
 * @param byOrganisation records per known organisation, by name
 * @param unknownSigners the keys of signers no registry names
 * @param unknownRecords records those keys signed
 */
public record ReportSummary(
    int records,
    int confirmed,
    int pending,
    int conflicting,
    int anchors,
    int events,
    OptionalLong firstMs,
    OptionalLong lastMs,
    SortedMap<String, Integer> byOrganisation,
    Set<String> unknownSigners,
    int unknownRecords) {

  public ReportSummary {
    Objects.requireNonNull(firstMs, "firstMs");
    Objects.requireNonNull(lastMs, "lastMs");
    byOrganisation = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byOrganisation));
    unknownSigners = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(unknownSigners));
  }

  /** Counts {@code rows}. */
  public static ReportSummary of(List<ReportRow> rows) {
    int confirmed = 0;
    int pending = 0;
    int conflicting = 0;
    int anchors = 0;
    int events = 0;
    int unknownRecords = 0;
    TreeMap<String, Integer> organisations = new TreeMap<>();
    TreeSet<String> unknown = new TreeSet<>();
    for (ReportRow row : rows) {
      switch (row.status()) {
        case CONFIRMED -> confirmed++;
        case PENDING -> pending++;
        case CONFLICTING -> conflicting++;
      }
      if (row.type().equals("anchor")) {
        anchors++;
      } else if (row.type().equals("event")) {
        events++;
      }
      if (row.organisation().isPresent()) {
        organisations.merge(row.organisation().get(), 1, Integer::sum);
      } else {
        unknown.add(row.issuer());
        unknownRecords++;
      }
    }
    OptionalLong first = rows.stream().mapToLong(ReportRow::timeMs).min();
    OptionalLong last = rows.stream().mapToLong(ReportRow::timeMs).max();
    return new ReportSummary(
        rows.size(),
        confirmed,
        pending,
        conflicting,
        anchors,
        events,
        first,
        last,
        organisations,
        unknown,
        unknownRecords);
  }
}
