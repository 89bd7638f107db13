package org.tanglenode.gossip;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.TransactionId;

/**
 * What gossip needs from the rest of the node, and all it may touch: the node wires it to the
 * ingest pipeline, storage and consensus. Gossip never reaches RocksDB or a validator itself.
 *
 * <p>Threads: {@link #offer} and {@link #milestoneIndexes} are called on Netty event loops and must
 * return at once (enqueue, never wait). {@link #transaction}, {@link #isKnown} and {@link
 * #milestone} are called on gossip's worker threads and may block briefly on storage.
 *
 * <p>In the other direction the node calls {@link Gossip#broadcast} once a transaction is stored
 * and {@link Gossip#requestTransaction} for each missing parent it finds while solidifying.
 */
public interface GossipHost {

  /**
   * Offers a transaction received from peer {@code from}, not seen by gossip recently. {@code id}
   * is the BLAKE2b-256 of {@code bytes}, already computed; ownership of {@code bytes} passes to the
   * host (gossip does not copy or touch the array again).
   *
   * <p>The stage completes when the host has decided: {@link OfferResult.Accepted} once validated
   * and durably stored, {@link OfferResult.Duplicate} if already known, {@link OfferResult.Invalid}
   * if a check failed (counts against the peer), {@link OfferResult.QueueFull} if the ingest queue
   * is full (gossip stops reading from that peer and offers the same bytes again a little later).
   * While stages of a peer are outstanding, gossip counts them; above {@link
   * GossipConfig#maxPendingOffersPerPeer()} it stops reading from the peer, so a host that
   * completes late slows its peers down instead of buffering.
   */
  CompletionStage<OfferResult> offer(TransactionId id, byte[] bytes, Ed25519PublicKey from);

  /** The bytes of a stored transaction, to answer a peer's request. May block briefly. */
  Optional<byte[]> transaction(TransactionId id);

  /** Whether the node has the transaction already (requests for it are skipped). May block. */
  boolean isKnown(TransactionId id);

  /** The bytes of the transaction carrying milestone {@code index}. May block briefly. */
  Optional<byte[]> milestone(int index);

  /** The latest milestone the node knows and the one it is solid up to. Cheap, never blocks. */
  MilestoneIndexes milestoneIndexes();

  /**
   * The confirmed transactions at history leaves {@code fromLeaf} .. {@code fromLeaf + count - 1}
   * (fewer if fewer are confirmed), in confirmation order, to answer a catch-up request. Called on
   * a worker thread; may block briefly on storage. None by default.
   */
  default List<byte[]> confirmedRange(long fromLeaf, int count) {
    return List.of();
  }

  /**
   * How far the node's history has got, for catch-up: see {@link HistoryProgress}. Called on
   * gossip's scheduler; may block briefly on storage. Nothing to catch up by default.
   */
  default HistoryProgress historyProgress() {
    return HistoryProgress.NONE;
  }
}
