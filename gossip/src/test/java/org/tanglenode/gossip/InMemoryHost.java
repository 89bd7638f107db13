package org.tanglenode.gossip;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.Cosignature;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Network;

/**
 * A node without storage or consensus, for gossip tests: validates offered transactions with the
 * {@link TransactionValidator} on its own ingest thread (a bounded queue: QUEUE_FULL when full),
 * keeps them in a map, broadcasts each one it stores, and solidifies: a transaction is solid when
 * its parents are, and for each missing parent it asks gossip. Milestones are transactions with a
 * milestone payload signed by a threshold of the committee; the node is solid up to milestone m
 * when milestones 1..m are all solid.
 */
final class InMemoryHost implements GossipHost {

  private final Network network;
  private final TransactionValidator validator;
  private final ThreadPoolExecutor ingest;
  private final Map<TransactionId, Transaction> store = new ConcurrentHashMap<>();
  private final Set<TransactionId> solid = ConcurrentHashMap.newKeySet();
  private final Map<TransactionId, List<TransactionId>> waitingFor = new ConcurrentHashMap<>();
  private final TreeMap<Integer, TransactionId> milestones = new TreeMap<>();
  private final AtomicReference<Gossip> gossip = new AtomicReference<>();
  private final AtomicInteger invalid = new AtomicInteger();
  private volatile MilestoneIndexes indexes = MilestoneIndexes.NONE;

  InMemoryHost(Network network, int ingestQueue) {
    this.network = network;
    this.validator = new TransactionValidator(network, Clock.systemUTC());
    this.ingest =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(ingestQueue),
            r -> {
              Thread t = new Thread(r, "test-ingest");
              t.setDaemon(true);
              return t;
            });
    solid.add(network.rootId());
  }

  InMemoryHost(Network network) {
    this(network, 10_000);
  }

  /** Connects the host to the gossip service it serves (for broadcasts and requests). */
  void attach(Gossip gossip) {
    this.gossip.set(gossip);
  }

  @Override
  public CompletionStage<OfferResult> offer(TransactionId id, byte[] bytes, Ed25519PublicKey from) {
    if (store.containsKey(id)) {
      return CompletableFuture.completedFuture(OfferResult.DUPLICATE);
    }
    CompletableFuture<OfferResult> result = new CompletableFuture<>();
    try {
      ingest.execute(() -> result.complete(ingest(bytes)));
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(OfferResult.QUEUE_FULL);
    }
    return result;
  }

  /** Issues a transaction created on this node: stores it and broadcasts it. */
  OfferResult issue(Transaction tx) {
    return ingest(tx.bytes());
  }

  private OfferResult ingest(byte[] bytes) {
    ValidationResult verdict = validator.validate(bytes);
    if (verdict instanceof ValidationResult.Invalid bad) {
      invalid.incrementAndGet();
      return OfferResult.invalid(bad.reason(), bad.detail());
    }
    Transaction tx = ((ValidationResult.Valid) verdict).transaction();
    if (store.putIfAbsent(tx.id(), tx) != null) {
      return OfferResult.DUPLICATE;
    }
    if (tx.payload() instanceof Payload.Milestone milestone && signedByCommittee(tx)) {
      synchronized (milestones) {
        milestones.put(milestone.index(), tx.id());
      }
    }
    Gossip g = gossip.get();
    if (g != null) {
      g.broadcast(tx.id(), tx.bytes());
    }
    solidify(tx);
    return OfferResult.ACCEPTED;
  }

  private boolean signedByCommittee(Transaction tx) {
    Committee committee = network.genesis().committee();
    int signers = committee.contains(tx.issuer()) ? 1 : 0;
    for (Cosignature cosignature : tx.cosignatures()) {
      if (committee.contains(cosignature.publicKey())) {
        signers++;
      }
    }
    return signers >= committee.threshold();
  }

  private synchronized void solidify(Transaction tx) {
    List<TransactionId> missing = new ArrayList<>();
    for (TransactionId parent : tx.parents()) {
      if (!solid.contains(parent)) {
        missing.add(parent);
        waitingFor.computeIfAbsent(parent, p -> new ArrayList<>()).add(tx.id());
      }
    }
    if (missing.isEmpty()) {
      markSolid(tx.id());
    } else {
      Gossip g = gossip.get();
      for (TransactionId parent : missing) {
        if (!store.containsKey(parent) && g != null) {
          g.requestTransaction(parent);
        }
      }
    }
    updateIndexes();
  }

  private void markSolid(TransactionId id) {
    List<TransactionId> work = new ArrayList<>(List.of(id));
    while (!work.isEmpty()) {
      TransactionId next = work.remove(work.size() - 1);
      if (!solid.add(next)) {
        continue;
      }
      List<TransactionId> approvers = waitingFor.remove(next);
      if (approvers == null) {
        continue;
      }
      for (TransactionId approver : approvers) {
        Transaction tx = store.get(approver);
        if (tx != null && solid.containsAll(tx.parents())) {
          work.add(approver);
        }
      }
    }
  }

  private void updateIndexes() {
    synchronized (milestones) {
      int latest = milestones.isEmpty() ? 0 : milestones.lastKey();
      int solidUpTo = 0;
      while (milestones.containsKey(solidUpTo + 1)
          && solid.contains(milestones.get(solidUpTo + 1))) {
        solidUpTo++;
      }
      indexes = new MilestoneIndexes(latest, solidUpTo);
    }
  }

  @Override
  public Optional<byte[]> transaction(TransactionId id) {
    Transaction tx = store.get(id);
    return tx == null ? Optional.empty() : Optional.of(tx.bytes());
  }

  @Override
  public boolean isKnown(TransactionId id) {
    return store.containsKey(id);
  }

  @Override
  public Optional<byte[]> milestone(int index) {
    TransactionId id;
    synchronized (milestones) {
      id = milestones.get(index);
    }
    return id == null ? Optional.empty() : transaction(id);
  }

  @Override
  public MilestoneIndexes milestoneIndexes() {
    return indexes;
  }

  boolean has(TransactionId id) {
    return store.containsKey(id);
  }

  boolean hasAll(Iterable<TransactionId> ids) {
    for (TransactionId id : ids) {
      if (!store.containsKey(id)) {
        return false;
      }
    }
    return true;
  }

  int size() {
    return store.size();
  }

  int invalidCount() {
    return invalid.get();
  }

  Set<TransactionId> ids() {
    return new HashSet<>(store.keySet());
  }

  void close() {
    ingest.shutdownNow();
  }
}
