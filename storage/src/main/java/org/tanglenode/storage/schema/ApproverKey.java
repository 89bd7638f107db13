package org.tanglenode.storage.schema;

import java.util.Objects;
import org.tanglenode.protocol.TransactionId;

/** A key of {@link Column#APPROVERS}: {@code child} approves {@code parent}. */
public record ApproverKey(TransactionId parent, TransactionId child) {

  public ApproverKey {
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(child, "child");
  }
}
