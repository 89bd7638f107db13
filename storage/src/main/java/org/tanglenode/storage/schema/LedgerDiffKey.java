package org.tanglenode.storage.schema;

import java.util.Objects;
import org.tanglenode.protocol.OutputRef;

/**
 * A key of {@link Column#LEDGER_DIFFS}: milestone {@code milestoneIndex} created or spent an
 * output.
 */
public record LedgerDiffKey(int milestoneIndex, Kind kind, OutputRef ref) {

  /** Stable codes: 0 created, 1 spent. */
  public enum Kind {
    CREATED,
    SPENT
  }

  public LedgerDiffKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ref, "ref");
    if (milestoneIndex < 0) {
      throw new IllegalArgumentException("a milestone index is not negative: " + milestoneIndex);
    }
  }
}
