package org.tanglenode.storage;

import java.util.List;
import org.tanglenode.protocol.OutputRef;

/** The outputs one milestone created and spent, in output-id order. */
public record LedgerDiff(int milestoneIndex, List<OutputRef> created, List<OutputRef> spent) {

  public LedgerDiff {
    created = List.copyOf(created);
    spent = List.copyOf(spent);
  }
}
