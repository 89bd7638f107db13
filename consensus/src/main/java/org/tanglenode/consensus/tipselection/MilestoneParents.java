package org.tanglenode.consensus.tipselection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tanglenode.consensus.milestone.ParentSource;
import org.tanglenode.protocol.TransactionId;

/**
 * The coordinator's choice of milestone parents from the node's {@link SolidTipPool}: up to 8
 * unconfirmed transactions, preferring the ones that confirm the most, never a confirmed one (but
 * the previous milestone, below), with at most {@code maxCone} newly confirmed transactions per
 * milestone.
 *
 * <ol>
 *   <li><b>Candidates:</b> the {@value #OLDEST} tips that entered the pool first, then {@value
 *       #SAMPLED} drawn uniformly from the rest; confirmed ones (the previous milestone) are
 *       dropped.
 *   <li><b>Rank:</b> the oldest candidate first, so a backlog (a partner back after an hour
 *       offline, a chain whose first transaction came last) is always worked on; then the others by
 *       the size of their unconfirmed past cone, largest first.
 *   <li><b>Take</b> candidates in that order while their past cone, less what the parents taken
 *       before already confirm, fits in what is left of {@code maxCone}.
 *   <li><b>Cut:</b> if even the first candidate's cone exceeds {@code maxCone}, the milestone
 *       instead references the maximal elements of the first {@code maxCone} transactions of that
 *       cone in parents-first (post) order, a set closed under parents: so it confirms exactly
 *       those, and the backlog drains by {@code maxCone} per milestone, oldest part first. (If that
 *       set has more than 8 maximal elements, the 8 completed last are taken: fewer than {@code
 *       maxCone}, at least one transaction.)
 * </ol>
 *
 * <p>The one confirmed parent a milestone may have is the previous milestone, while no transaction
 * approves it yet (then it is still a tip): it adds nothing to the cone, keeps the milestones a
 * chain and keeps them from piling up in the pool, where the oldest tips are the coordinator's
 * candidates. It takes one of the 8 places. With no unconfirmed tip it is the only parent (none
 * before the first milestone: the coordinator then takes the root). While the previous milestone is
 * still being confirmed (stored with the index after the latest confirmed; the coordinator issues
 * nothing until it is), its cone counts as confirmed and it takes the previous milestone's place,
 * so the choice holds whether or not its confirmation has landed when the coordinator looks; that
 * choice is walked once and repeated while the same milestone is pending. Cost per milestone: walks
 * over at most {@code (OLDEST + SAMPLED + 8) x maxCone} transactions, in practice the cones since
 * the previous milestone; each transaction's parents are read once per call.
 */
public final class MilestoneParents implements ParentSource {

  /** The most parents a milestone gets. */
  public static final int MAX_PARENTS = TipSelection.MAX_PARENTS;

  /** Candidates taken from the front of the pool (the oldest tips). */
  public static final int OLDEST = 8;

  /** Candidates drawn at random from the pool. */
  public static final int SAMPLED = 24;

  /** The default bound on the transactions one milestone newly confirms. */
  public static final int DEFAULT_MAX_CONE = 20_000;

  private static final int ATTEMPTS = 3;

  private final SolidTipPool pool;
  private final SolidDag dag;
  private final int maxCone;

  /** The pending milestone the last choice was made under, and that choice. */
  private TransactionId choiceAfter;

  private List<TransactionId> choice = List.of();

  public MilestoneParents(SolidTipPool pool, SolidDag dag, int maxCone) {
    if (maxCone < 1) {
      throw new IllegalArgumentException("maxCone is >= 1, got " + maxCone);
    }
    this.pool = Objects.requireNonNull(pool, "pool");
    this.dag = Objects.requireNonNull(dag, "dag");
    this.maxCone = maxCone;
  }

  /**
   * Chooses the parents. If a milestone is confirmed while the walks run (the coordinator asks
   * while its previous milestone is being confirmed), part of what they counted as unconfirmed is
   * not, and the choice is made again from the new state, up to {@value #ATTEMPTS} times.
   */
  @Override
  public synchronized List<TransactionId> parents() {
    List<TransactionId> chosen = List.of();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int before = dag.latestMilestone().index();
      chosen = choose();
      if (dag.latestMilestone().index() == before) {
        break;
      }
    }
    choiceAfter = dag.pendingMilestone().orElse(null);
    choice = chosen;
    return chosen;
  }

  private List<TransactionId> choose() {
    Optional<TransactionId> pending = dag.pendingMilestone();
    if (pending.isPresent() && pending.get().equals(choiceAfter)) {
      return choice; // walked once while this milestone is being confirmed
    }
    Reads reads = new Reads();
    List<TransactionId> chosen = new ArrayList<>();
    // The previous milestone is still being confirmed: count its cone as confirmed and approve it,
    // so the choice holds whether or not it is confirmed when the coordinator looks.
    Set<TransactionId> pendingCone = new HashSet<>();
    pending.ifPresent(
        id -> {
          pendingCone.addAll(walk(id, Set.of(), Integer.MAX_VALUE, reads).completed());
          chosen.add(id);
        });
    Set<TransactionId> candidates = new LinkedHashSet<>(pool.oldest(OLDEST));
    candidates.addAll(pool.sample(SAMPLED));
    List<Candidate> ranked = new ArrayList<>();
    for (TransactionId id : candidates) {
      if (!reads.stops(id, pendingCone)) {
        Walk cone = walk(id, pendingCone, maxCone, reads);
        ranked.add(new Candidate(id, cone.complete() ? cone.completed().size() : maxCone + 1));
      }
    }
    MilestoneRef latest = dag.latestMilestone();
    if (pending.isEmpty()
        && latest.index() > 0
        && (ranked.isEmpty() || pool.contains(latest.id()))) {
      chosen.add(latest.id());
    }
    if (ranked.isEmpty()) {
      return chosen;
    }
    Candidate oldest = ranked.get(0);
    List<Candidate> rest = new ArrayList<>(ranked.subList(1, ranked.size()));
    rest.sort(Comparator.comparingInt(Candidate::coneSize).reversed());

    int first = chosen.size();
    Set<TransactionId> covered = new HashSet<>(pendingCone);
    int left = maxCone;
    for (Candidate candidate : prepend(oldest, rest)) {
      if (chosen.size() == MAX_PARENTS || left == 0) {
        break;
      }
      Walk cone = walk(candidate.id(), covered, left, reads);
      if (cone.complete()) {
        chosen.add(candidate.id());
        covered.addAll(cone.completed());
        left -= cone.completed().size();
      } else if (chosen.size() == first) {
        cut(cone.completed(), reads, chosen);
        break;
      }
    }
    return chosen;
  }

  /**
   * Adds the maximal elements of a parents-closed set to {@code chosen}, the ones completed last
   * first, until it holds 8.
   */
  private static void cut(List<TransactionId> completed, Reads reads, List<TransactionId> chosen) {
    Set<TransactionId> approved = new HashSet<>();
    for (TransactionId id : completed) {
      approved.addAll(reads.parents(id));
    }
    for (int i = completed.size() - 1; i >= 0 && chosen.size() < MAX_PARENTS; i--) {
      if (!approved.contains(completed.get(i))) {
        chosen.add(completed.get(i));
      }
    }
  }

  private static List<Candidate> prepend(Candidate first, List<Candidate> rest) {
    List<Candidate> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }

  /**
   * The unconfirmed past cone of {@code start} outside {@code covered}, in parents-first order, by
   * an iterative depth-first walk; stops once {@code limit} transactions are completed and more
   * remain ({@code complete} false). Every prefix of the order is closed under parents.
   */
  private static Walk walk(
      TransactionId start, Set<TransactionId> covered, int limit, Reads reads) {
    List<TransactionId> completed = new ArrayList<>();
    if (reads.stops(start, covered)) {
      return new Walk(completed, true);
    }
    Set<TransactionId> seen = new HashSet<>();
    ArrayDeque<Frame> stack = new ArrayDeque<>();
    seen.add(start);
    stack.push(new Frame(start, reads.parents(start)));
    while (!stack.isEmpty()) {
      Frame top = stack.peek();
      if (top.next < top.parents.size()) {
        TransactionId parent = top.parents.get(top.next++);
        if (seen.add(parent) && !reads.stops(parent, covered)) {
          stack.push(new Frame(parent, reads.parents(parent)));
        }
      } else {
        if (completed.size() == limit) {
          return new Walk(completed, false);
        }
        stack.pop();
        completed.add(top.id);
      }
    }
    return new Walk(completed, true);
  }

  private record Candidate(TransactionId id, int coneSize) {}

  private record Walk(List<TransactionId> completed, boolean complete) {}

  private static final class Frame {
    final TransactionId id;
    final List<TransactionId> parents;
    int next;

    Frame(TransactionId id, List<TransactionId> parents) {
      this.id = id;
      this.parents = parents;
    }
  }

  /** The DAG reads of one choice, each transaction read once. */
  private final class Reads {
    private final Map<TransactionId, List<TransactionId>> parents = new HashMap<>();
    private final Map<TransactionId, Boolean> ends = new HashMap<>();

    List<TransactionId> parents(TransactionId id) {
      return parents.computeIfAbsent(id, i -> dag.parents(i).orElse(List.of()));
    }

    /** Whether a walk stops at {@code id}: covered, confirmed, or not stored here. */
    boolean stops(TransactionId id, Set<TransactionId> covered) {
      return covered.contains(id)
          || ends.computeIfAbsent(id, i -> dag.isConfirmed(i) || parents(i).isEmpty());
    }
  }
}
