package org.tanglenode.protocol;

/** Names one output: the transaction that created it and its position there. */
public record OutputRef(TransactionId transactionId, int index) implements Comparable<OutputRef> {

  public OutputRef {
    if (transactionId == null) {
      throw new IllegalArgumentException("an output reference needs a transaction id");
    }
    if (index < 0) {
      throw new IllegalArgumentException("an output index is not negative");
    }
  }

  @Override
  public int compareTo(OutputRef other) {
    int c = transactionId.compareTo(other.transactionId);
    return c != 0 ? c : Integer.compare(index, other.index);
  }
}
