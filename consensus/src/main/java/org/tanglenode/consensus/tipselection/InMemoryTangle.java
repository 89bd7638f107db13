package org.tanglenode.consensus.tipselection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.Set;
import org.tanglenode.protocol.TransactionId;

/**
 * A {@link TangleView} held in memory, for tests, the simulator and benchmarks. Every method is
 * {@code synchronized}: one writer ({@link #attach}, {@link #confirmMilestone}) and any number of
 * readers. Memory is a few hundred bytes per transaction; nothing is ever pruned.
 *
 * <p>Costs: {@link #attach} is O(number of parents); {@link #confirmMilestone} is O(newly confirmed
 * transactions + their unconfirmed descendants whose cone root indexes change, times a log for the
 * ordering), which keeps {@link #coneRootIndexes} exact at O(1) per read.
 */
public final class InMemoryTangle implements TangleView {

  private static final class Node {
    final TransactionId id;
    final int sequence;
    final Node[] parents;
    Node[] approvers = new Node[2];
    int approverCount;
    int confirmedBy = -1;
    int oldestRoot;
    int youngestRoot;
    int mark;

    Node(TransactionId id, int sequence, Node[] parents) {
      this.id = id;
      this.sequence = sequence;
      this.parents = parents;
    }

    void addApprover(Node approver) {
      if (approverCount == approvers.length) {
        approvers = Arrays.copyOf(approvers, approverCount * 2);
      }
      approvers[approverCount++] = approver;
    }

    int contributedOldest() {
      return confirmedBy >= 0 ? confirmedBy : oldestRoot;
    }

    int contributedYoungest() {
      return confirmedBy >= 0 ? confirmedBy : youngestRoot;
    }
  }

  private final Map<TransactionId, Node> nodes = new HashMap<>();
  private final Set<Node> tips = new LinkedHashSet<>();
  private final List<Node> milestones = new ArrayList<>();
  private final TransactionId rootId;
  private int markEpoch;

  /** A DAG holding only its root, {@code rootId} (the network id), confirmed by milestone 0. */
  public InMemoryTangle(TransactionId rootId) {
    this.rootId = rootId;
    Node root = new Node(rootId, 0, new Node[0]);
    root.confirmedBy = 0;
    nodes.put(rootId, root);
    tips.add(root);
    milestones.add(root);
  }

  /**
   * Attaches a solid transaction.
   *
   * @throws IllegalArgumentException if the id is already held, a parent is unknown, or the parents
   *     are empty, more than {@value TipSelection#MAX_PARENTS} or repeated
   */
  public synchronized void attach(TransactionId id, List<TransactionId> parentIds) {
    if (nodes.containsKey(id)) {
      throw new IllegalArgumentException("already attached: " + id);
    }
    if (parentIds.isEmpty() || parentIds.size() > TipSelection.MAX_PARENTS) {
      throw new IllegalArgumentException(
          "a transaction has 1 to " + TipSelection.MAX_PARENTS + " parents");
    }
    Node[] parents = new Node[parentIds.size()];
    for (int i = 0; i < parents.length; i++) {
      Node parent = nodes.get(parentIds.get(i));
      if (parent == null) {
        throw new IllegalArgumentException("unknown parent " + parentIds.get(i) + " of " + id);
      }
      for (int j = 0; j < i; j++) {
        if (parents[j] == parent) {
          throw new IllegalArgumentException("repeated parent " + parent.id + " of " + id);
        }
      }
      parents[i] = parent;
    }
    Node node = new Node(id, nodes.size(), parents);
    computeConeRoots(node);
    nodes.put(id, node);
    for (Node parent : parents) {
      parent.addApprover(node);
      tips.remove(parent);
    }
    tips.add(node);
  }

  /**
   * Makes an attached transaction the next milestone: it and every transaction of its past cone not
   * yet confirmed are confirmed by index {@code latestMilestone().index() + 1}.
   *
   * @return the newly confirmed transactions (the milestone included), parents before children
   * @throws IllegalArgumentException if the milestone is unknown or already confirmed
   */
  public synchronized List<TransactionId> confirmMilestone(TransactionId milestoneId) {
    Node milestone = node(milestoneId);
    if (milestone.confirmedBy >= 0) {
      throw new IllegalArgumentException("already confirmed: " + milestoneId);
    }
    int index = milestones.size();
    milestones.add(milestone);

    List<Node> confirmed = new ArrayList<>();
    ArrayDeque<Node> stack = new ArrayDeque<>();
    milestone.confirmedBy = index;
    stack.push(milestone);
    while (!stack.isEmpty()) {
      Node node = stack.pop();
      confirmed.add(node);
      for (Node parent : node.parents) {
        if (parent.confirmedBy < 0) {
          parent.confirmedBy = index;
          stack.push(parent);
        }
      }
    }
    confirmed.sort((a, b) -> Integer.compare(a.sequence, b.sequence));

    // The unconfirmed descendants of what was just confirmed may now reach less far back.
    int epoch = ++markEpoch;
    PriorityQueue<Node> queue =
        new PriorityQueue<>((a, b) -> Integer.compare(a.sequence, b.sequence));
    List<TransactionId> ids = new ArrayList<>(confirmed.size());
    for (Node node : confirmed) {
      node.oldestRoot = index;
      node.youngestRoot = index;
      ids.add(node.id);
      enqueueUnconfirmedApprovers(node, queue, epoch);
    }
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      int oldest = node.oldestRoot;
      int youngest = node.youngestRoot;
      computeConeRoots(node);
      if (node.oldestRoot != oldest || node.youngestRoot != youngest) {
        enqueueUnconfirmedApprovers(node, queue, epoch);
      }
    }
    return ids;
  }

  private static void enqueueUnconfirmedApprovers(Node node, PriorityQueue<Node> queue, int epoch) {
    for (int i = 0; i < node.approverCount; i++) {
      Node approver = node.approvers[i];
      if (approver.confirmedBy < 0 && approver.mark != epoch) {
        approver.mark = epoch;
        queue.add(approver);
      }
    }
  }

  private static void computeConeRoots(Node node) {
    int oldest = Integer.MAX_VALUE;
    int youngest = 0;
    for (Node parent : node.parents) {
      oldest = Math.min(oldest, parent.contributedOldest());
      youngest = Math.max(youngest, parent.contributedYoungest());
    }
    node.oldestRoot = oldest;
    node.youngestRoot = youngest;
  }

  /** The number of transactions held, the root included. */
  public synchronized int size() {
    return nodes.size();
  }

  /** The number of tips, O(1). */
  public synchronized int tipCount() {
    return tips.size();
  }

  @Override
  public TransactionId rootId() {
    return rootId;
  }

  @Override
  public synchronized boolean contains(TransactionId id) {
    return nodes.containsKey(id);
  }

  @Override
  public synchronized List<TransactionId> parents(TransactionId id) {
    Node node = node(id);
    TransactionId[] ids = new TransactionId[node.parents.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = node.parents[i].id;
    }
    return List.of(ids);
  }

  @Override
  public synchronized List<TransactionId> approvers(TransactionId id) {
    Node node = node(id);
    TransactionId[] ids = new TransactionId[node.approverCount];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = node.approvers[i].id;
    }
    return List.of(ids);
  }

  @Override
  public synchronized List<TransactionId> tips() {
    List<TransactionId> ids = new ArrayList<>(tips.size());
    for (Node tip : tips) {
      ids.add(tip.id);
    }
    return List.copyOf(ids);
  }

  @Override
  public synchronized OptionalInt confirmingMilestone(TransactionId id) {
    Node node = node(id);
    return node.confirmedBy >= 0 ? OptionalInt.of(node.confirmedBy) : OptionalInt.empty();
  }

  @Override
  public synchronized ConeRootIndexes coneRootIndexes(TransactionId id) {
    Node node = node(id);
    return new ConeRootIndexes(node.contributedOldest(), node.contributedYoungest());
  }

  @Override
  public synchronized MilestoneRef latestMilestone() {
    int index = milestones.size() - 1;
    return new MilestoneRef(index, milestones.get(index).id);
  }

  @Override
  public synchronized Optional<TransactionId> milestone(int index) {
    return index >= 0 && index < milestones.size()
        ? Optional.of(milestones.get(index).id)
        : Optional.empty();
  }

  private Node node(TransactionId id) {
    Node node = nodes.get(id);
    if (node == null) {
      throw new UnknownTransactionException(id);
    }
    return node;
  }
}
