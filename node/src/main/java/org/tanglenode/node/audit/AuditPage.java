package org.tanglenode.node.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of records found for an audit.
 *
 * @param entries at most the requested number
 * @param scanned transactions read for this page (records or not), at most the scan budget
 * @param next where the following page starts, in the form the query takes back; empty at the end
 */
public record AuditPage(List<AuditEntry> entries, int scanned, Optional<String> next) {

  public AuditPage {
    entries = List.copyOf(entries);
    Objects.requireNonNull(next, "next");
  }
}
