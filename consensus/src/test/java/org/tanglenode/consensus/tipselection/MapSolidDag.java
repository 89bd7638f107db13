package org.tanglenode.consensus.tipselection;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tanglenode.protocol.TransactionId;

/**
 * A {@link SolidDag} in maps, safe for several threads: what a test stores, marks solid and
 * confirms; the root counts as solid and confirmed.
 */
final class MapSolidDag implements SolidDag {

  private final TransactionId root;
  private final Map<TransactionId, List<TransactionId>> parents = new ConcurrentHashMap<>();
  private final Map<TransactionId, List<TransactionId>> approvers = new ConcurrentHashMap<>();
  private final Set<TransactionId> solid = ConcurrentHashMap.newKeySet();
  private final Set<TransactionId> confirmed = ConcurrentHashMap.newKeySet();
  private final Map<Integer, TransactionId> milestones = new ConcurrentHashMap<>();
  private volatile MilestoneRef latest;
  private volatile Optional<TransactionId> pending = Optional.empty();

  MapSolidDag(TransactionId root) {
    this.root = root;
    this.latest = new MilestoneRef(0, root);
    solid.add(root);
    confirmed.add(root);
  }

  void store(TransactionId id, List<TransactionId> parentIds) {
    for (TransactionId parent : parentIds) {
      approvers.computeIfAbsent(parent, p -> new CopyOnWriteArrayList<>()).add(id);
    }
    parents.put(id, List.copyOf(parentIds));
  }

  void markSolid(TransactionId id) {
    solid.add(id);
  }

  void confirm(TransactionId id) {
    confirmed.add(id);
  }

  void setLatest(MilestoneRef milestone) {
    latest = milestone;
    milestones.put(milestone.index(), milestone.id());
  }

  void setPending(Optional<TransactionId> milestone) {
    pending = milestone;
  }

  /** The definition the pool must meet: stored solid transactions without a solid approver. */
  Set<TransactionId> solidWithoutSolidChild() {
    Set<TransactionId> out = new HashSet<>();
    for (TransactionId id : parents.keySet()) {
      if (solid.contains(id) && !hasSolidApprover(id)) {
        out.add(id);
      }
    }
    return out;
  }

  @Override
  public Optional<List<TransactionId>> parents(TransactionId id) {
    return Optional.ofNullable(parents.get(id));
  }

  @Override
  public boolean isSolid(TransactionId id) {
    return parents.containsKey(id) && solid.contains(id);
  }

  @Override
  public boolean hasSolidApprover(TransactionId id) {
    for (TransactionId approver : approvers.getOrDefault(id, List.of())) {
      if (solid.contains(approver)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<TransactionId> solidApprovers(TransactionId id) {
    return approvers.getOrDefault(id, List.of()).stream().filter(solid::contains).toList();
  }

  @Override
  public Optional<TransactionId> milestone(int index) {
    return index == 0 ? Optional.of(root) : Optional.ofNullable(milestones.get(index));
  }

  @Override
  public boolean isConfirmed(TransactionId id) {
    return confirmed.contains(id);
  }

  @Override
  public MilestoneRef latestMilestone() {
    return latest;
  }

  @Override
  public Optional<TransactionId> pendingMilestone() {
    return pending;
  }
}
