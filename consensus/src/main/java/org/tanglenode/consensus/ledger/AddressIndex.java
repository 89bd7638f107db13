package org.tanglenode.consensus.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;

/**
 * Unspent outputs per address, on the heap. The storage schema has no address index, so this one is
 * derived: built at start from the unspent outputs and kept up to date as milestones are applied.
 * An output with several addresses (M of N) is listed under each of them. Thread safe: reads from
 * any thread, updates from the confirmation thread.
 */
public final class AddressIndex {

  private final Map<LedgerAddress, ConcurrentSkipListMap<OutputRef, Output>> byAddress =
      new ConcurrentHashMap<>();

  /** Adds an unspent output. */
  public void add(OutputRef ref, Output output) {
    for (byte[] address : output.addresses()) {
      byAddress
          .computeIfAbsent(new LedgerAddress(address), a -> new ConcurrentSkipListMap<>())
          .put(ref, output);
    }
  }

  /** Removes a spent output. */
  public void remove(OutputRef ref, Output output) {
    for (byte[] address : output.addresses()) {
      LedgerAddress owner = new LedgerAddress(address);
      byAddress.computeIfPresent(
          owner,
          (a, outputs) -> {
            outputs.remove(ref);
            return outputs.isEmpty() ? null : outputs;
          });
    }
  }

  /** The effects of one applied milestone: outputs created, then outputs spent. */
  public void apply(Collection<LedgerOutput> created, Collection<LedgerOutput> spent) {
    for (LedgerOutput output : created) {
      add(output.ref(), output.output());
    }
    for (LedgerOutput output : spent) {
      remove(output.ref(), output.output());
    }
  }

  /** The unspent outputs that name {@code address}, in output-id order. */
  public List<LedgerOutput> outputs(LedgerAddress address) {
    Map<OutputRef, Output> outputs = byAddress.get(address);
    List<LedgerOutput> out = new ArrayList<>();
    if (outputs != null) {
      outputs.forEach((ref, output) -> out.add(new LedgerOutput(ref, output)));
    }
    return out;
  }

  /**
   * The sum of the unspent outputs that name {@code address}: an M-of-N output counts fully for
   * each of its addresses, so balances of co-owners overlap.
   */
  public long balance(LedgerAddress address) {
    Map<OutputRef, Output> outputs = byAddress.get(address);
    if (outputs == null) {
      return 0;
    }
    long sum = 0;
    for (Output output : outputs.values()) {
      sum += output.amount();
    }
    return sum;
  }
}
