package org.tanglenode.consensus.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tanglenode.protocol.Cosignature;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.ConflictState;
import org.tanglenode.storage.StateUpdate;

/**
 * The ledger effects of one milestone: transfers applied one by one in white-flag order over the
 * committed ledger plus what earlier transfers of the same milestone created and spent. The first
 * valid spend of an output wins; a later one is marked conflicting with a {@link ConflictState} and
 * changes nothing.
 *
 * <p>A transfer is checked in this order, and the first failure is its code:
 *
 * <ol>
 *   <li>for each input in the order listed: it exists and is unspent, else {@link
 *       ConflictState#INPUT_ALREADY_SPENT} (spent by an earlier milestone or earlier in this one)
 *       or {@link ConflictState#INPUT_NOT_FOUND} (never created, or created later in white-flag
 *       order);
 *   <li>for each input in order: at least {@code threshold} of the output's addresses are addresses
 *       of keys that signed the essence digest (the issuer and the cosigners, each signature
 *       checked here), else {@link ConflictState#UNLOCK_INVALID}; then, if it has a timelock, the
 *       milestone's timestamp is not before it, else {@link ConflictState#TIMELOCKED};
 *   <li>the inputs' amounts sum to exactly the outputs' amounts, else {@link
 *       ConflictState#AMOUNTS_DO_NOT_BALANCE}.
 * </ol>
 *
 * A valid transfer spends its inputs and creates output {@code (its id, i)} for its i-th output.
 * Not thread safe: one per milestone, on the confirmation thread.
 */
public final class MilestoneLedger {

  private final LedgerReader committed;
  private final int milestoneIndex;
  private final long milestoneTimestampMs;

  /** Outputs created by this milestone and still unspent. */
  private final Map<OutputRef, Output> created = new HashMap<>();

  /** Outputs spent by this milestone (committed or created here). */
  private final Map<OutputRef, Output> spent = new HashMap<>();

  private final List<StateUpdate.Change> changes = new ArrayList<>();
  private final List<LedgerOutput> createdInOrder = new ArrayList<>();
  private final List<LedgerOutput> spentInOrder = new ArrayList<>();

  public MilestoneLedger(LedgerReader committed, int milestoneIndex, long milestoneTimestampMs) {
    this.committed = Objects.requireNonNull(committed, "committed");
    if (milestoneIndex < 1) {
      throw new IllegalArgumentException("milestone indexes start at 1: " + milestoneIndex);
    }
    this.milestoneIndex = milestoneIndex;
    this.milestoneTimestampMs = milestoneTimestampMs;
  }

  /**
   * Applies {@code tx} if it is a valid transfer; returns {@link ConflictState#NONE} for a valid
   * transfer or a transaction without one, else why it changed nothing.
   */
  public ConflictState apply(Transaction tx) {
    if (!(tx.payload() instanceof Payload.Transfer transfer)) {
      return ConflictState.NONE;
    }
    List<Output> inputs = new ArrayList<>(transfer.inputs().size());
    for (OutputRef ref : transfer.inputs()) {
      InputLookup lookup = lookup(ref);
      if (lookup.conflict != ConflictState.NONE) {
        return lookup.conflict;
      }
      inputs.add(lookup.output);
    }
    Set<LedgerAddress> signers = signers(tx);
    for (Output input : inputs) {
      if (!unlocked(input, signers)) {
        return ConflictState.UNLOCK_INVALID;
      }
      if (input.timelockMs() > 0 && milestoneTimestampMs < input.timelockMs()) {
        return ConflictState.TIMELOCKED;
      }
    }
    if (!balances(inputs, transfer.outputs())) {
      return ConflictState.AMOUNTS_DO_NOT_BALANCE;
    }
    TransactionId id = tx.id();
    for (int i = 0; i < inputs.size(); i++) {
      OutputRef ref = transfer.inputs().get(i);
      created.remove(ref);
      spent.put(ref, inputs.get(i));
      spentInOrder.add(new LedgerOutput(ref, inputs.get(i)));
      changes.add(new StateUpdate.SpendOutput(milestoneIndex, ref, id));
    }
    for (int i = 0; i < transfer.outputs().size(); i++) {
      OutputRef ref = new OutputRef(id, i);
      Output output = transfer.outputs().get(i);
      created.put(ref, output);
      createdInOrder.add(new LedgerOutput(ref, output));
      changes.add(new StateUpdate.CreateOutput(milestoneIndex, ref, output));
    }
    return ConflictState.NONE;
  }

  /** The ledger changes for the milestone's batch, in the order they were made. */
  public List<StateUpdate.Change> changes() {
    return List.copyOf(changes);
  }

  /** Outputs created by this milestone, including those it spent again. */
  public List<LedgerOutput> created() {
    return List.copyOf(createdInOrder);
  }

  /** Outputs this milestone spent. */
  public List<LedgerOutput> spent() {
    return List.copyOf(spentInOrder);
  }

  private InputLookup lookup(OutputRef ref) {
    if (spent.containsKey(ref)) {
      return InputLookup.conflict(ConflictState.INPUT_ALREADY_SPENT);
    }
    Output here = created.get(ref);
    if (here != null) {
      return InputLookup.found(here);
    }
    Optional<Output> unspent = committed.unspent(ref);
    if (unspent.isPresent()) {
      return InputLookup.found(unspent.get());
    }
    return InputLookup.conflict(
        committed.spent(ref) ? ConflictState.INPUT_ALREADY_SPENT : ConflictState.INPUT_NOT_FOUND);
  }

  /** The addresses of the keys whose signature over the essence digest verifies. */
  static Set<LedgerAddress> signers(Transaction tx) {
    byte[] digest = tx.essenceDigest();
    Set<LedgerAddress> signers = new HashSet<>();
    if (tx.issuer().verify(digest, tx.signature())) {
      signers.add(LedgerAddress.of(tx.issuer()));
    }
    for (Cosignature cosignature : tx.cosignatures()) {
      if (cosignature.publicKey().verify(digest, cosignature.signature())) {
        signers.add(LedgerAddress.of(cosignature.publicKey()));
      }
    }
    return signers;
  }

  /** Whether at least the output's threshold of its (distinct) addresses signed. */
  static boolean unlocked(Output output, Set<LedgerAddress> signers) {
    Set<LedgerAddress> signed = new HashSet<>();
    for (byte[] address : output.addresses()) {
      LedgerAddress owner = new LedgerAddress(address);
      if (signers.contains(owner)) {
        signed.add(owner);
      }
    }
    return signed.size() >= output.threshold();
  }

  private static boolean balances(List<Output> inputs, List<Output> outputs) {
    try {
      long in = 0;
      for (Output input : inputs) {
        in = Math.addExact(in, input.amount());
      }
      long out = 0;
      for (Output output : outputs) {
        out = Math.addExact(out, output.amount());
      }
      return in == out;
    } catch (ArithmeticException overflow) {
      return false;
    }
  }

  private record InputLookup(Output output, ConflictState conflict) {
    static InputLookup found(Output output) {
      return new InputLookup(output, ConflictState.NONE);
    }

    static InputLookup conflict(ConflictState conflict) {
      return new InputLookup(null, conflict);
    }
  }
}
