package org.tanglenode.gossip;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.gossip.wire.RefusalCode;
import org.tanglenode.protocol.TransactionId;

/**
 * Handles a peer's messages once its handshake is done: transactions go through the seen filter to
 * the host, requests are answered from the host on the worker pool, heartbeats are recorded. Keeps
 * the peer's offers to the host bounded: above the limit, or while the host's queue is full,
 * reading from the peer stops.
 */
final class PeerHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(PeerHandler.class);

  /** Fired by the handshake handler once the peer is proven and registered. */
  record Established(Peer peer) {}

  private record Parked(TransactionId id, byte[] bytes) {}

  private final GossipContext context;
  private final Connection connection;
  private final ArrayDeque<Parked> parked = new ArrayDeque<>();
  private Peer peer;
  private int pendingOffers;
  private final java.util.concurrent.atomic.AtomicInteger pendingLookups =
      new java.util.concurrent.atomic.AtomicInteger();
  private boolean retryScheduled;

  PeerHandler(GossipContext context, Connection connection) {
    this.context = context;
    this.connection = connection;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof Established established) {
      peer = established.peer();
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (peer == null || !(msg instanceof Message message)) {
      throw new IllegalStateException("a message reached the peer handler before the handshake");
    }
    if (message instanceof Message.TransactionBytes tx) {
      onTransaction(tx.bytes());
    } else if (message instanceof Message.TransactionRequest request) {
      onTransactionRequest(request.id());
    } else if (message instanceof Message.MilestoneRequest request) {
      onMilestoneRequest(request.index());
    } else if (message instanceof Message.MilestoneResponse response) {
      onMilestoneResponse(response);
    } else if (message instanceof Message.ConfirmedRangeRequest range) {
      onConfirmedRangeRequest(range);
    } else if (message instanceof Message.Heartbeat heartbeat) {
      peer.heartbeat(heartbeat);
    } else if (message instanceof Message.Refusal refusal) {
      context.metrics().refusalReceived(refusal.code());
      LOG.info("{} closes: {} {}", peer, refusal.code(), refusal.message());
      ctx.close();
    } else {
      penalize(context.config().protocolViolationPenalty());
      peer.refuse(RefusalCode.PROTOCOL_VIOLATION, "a handshake message after the handshake");
    }
  }

  private void onTransaction(byte[] bytes) {
    context.metrics().transactionsReceived.increment();
    TransactionId id = TransactionId.of(bytes);
    peer.markKnown(id);
    context.transactionRequests().received(id);
    if (!context.seen().add(id)) {
      context.metrics().transactionsSeen.increment();
      peer.duplicates.increment();
      return;
    }
    offer(id, bytes);
  }

  private void offer(TransactionId id, byte[] bytes) {
    pendingOffers++;
    if (pendingOffers >= context.config().maxPendingOffersPerPeer()) {
      connection.gate().pause(ReadGate.Reason.INGEST);
    }
    CompletionStage<OfferResult> stage;
    try {
      stage = context.host().offer(id, bytes, peer.key());
    } catch (RuntimeException e) {
      LOG.warn("the host failed to take a transaction from {}", peer, e);
      offerDone();
      return;
    }
    CompletableFuture<OfferResult> done = completed(stage);
    if (done != null) {
      // Decided at once (a duplicate, a full queue): act before the next frame of this read.
      OfferResult result;
      try {
        result = done.join();
      } catch (RuntimeException e) {
        onOffered(id, bytes, null, e);
        return;
      }
      onOffered(id, bytes, result, null);
      return;
    }
    stage.whenComplete(
        (result, error) ->
            connection.channel().eventLoop().execute(() -> onOffered(id, bytes, result, error)));
  }

  private static CompletableFuture<OfferResult> completed(CompletionStage<OfferResult> stage) {
    if (stage instanceof CompletableFuture<OfferResult> future && future.isDone()) {
      return future;
    }
    return null;
  }

  private void onOffered(TransactionId id, byte[] bytes, OfferResult result, Throwable error) {
    pendingOffers--;
    if (error != null) {
      LOG.warn("the host failed on transaction {} from {}", id, peer, error);
      context.seen().remove(id);
    } else {
      switch (result.code()) {
        case ACCEPTED -> {}
        case DUPLICATE -> peer.duplicates.increment();
        case INVALID -> {
          peer.invalid.increment();
          penalize(context.config().invalidTransactionPenalty());
        }
        case QUEUE_FULL -> park(id, bytes);
      }
    }
    offerDone();
  }

  private void offerDone() {
    if (pendingOffers <= context.config().maxPendingOffersPerPeer() / 2 && parked.isEmpty()) {
      connection.gate().resume(ReadGate.Reason.INGEST);
    }
  }

  private void park(TransactionId id, byte[] bytes) {
    if (parked.size() >= context.config().maxParkedPerPeer()) {
      context.metrics().parkedDropped.increment();
      context.seen().remove(id);
      return;
    }
    parked.add(new Parked(id, bytes));
    connection.gate().pause(ReadGate.Reason.INGEST);
    if (!retryScheduled) {
      retryScheduled = true;
      connection
          .channel()
          .eventLoop()
          .schedule(
              this::retryParked,
              context.config().ingestRetryDelay().toMillis(),
              TimeUnit.MILLISECONDS);
    }
  }

  private void retryParked() {
    retryScheduled = false;
    if (!connection.channel().isActive()) {
      parked.clear();
      return;
    }
    ArrayDeque<Parked> again = new ArrayDeque<>(parked);
    parked.clear();
    for (Parked p : again) {
      offer(p.id(), p.bytes());
    }
  }

  private void onTransactionRequest(TransactionId id) {
    Peer target = peer;
    lookUp(
        () -> {
          Optional<byte[]> bytes = context.host().transaction(id);
          if (bytes.isPresent()) {
            target.markKnown(id);
            target.send(new Message.TransactionBytes(bytes.get()));
          }
        });
  }

  /**
   * Answers a catch-up request with the confirmed transactions of the range, each as a transaction
   * message, in confirmation order (parents first, so the requester finds each one solid). A range
   * is at most {@link Message.ConfirmedRangeRequest#MAX_COUNT} transactions, which fits the write
   * buffer; what does not fit is dropped like any write to a slow peer, and the requester asks for
   * the missing parents one by one.
   */
  private void onConfirmedRangeRequest(Message.ConfirmedRangeRequest range) {
    Peer target = peer;
    lookUp(
        () -> {
          for (byte[] bytes : context.host().confirmedRange(range.fromLeaf(), range.count())) {
            target.markKnown(TransactionId.of(bytes));
            target.send(new Message.TransactionBytes(bytes));
          }
        });
  }

  private void onMilestoneRequest(int index) {
    Peer target = peer;
    lookUp(
        () ->
            target.send(
                new Message.MilestoneResponse(
                    index, context.host().milestone(index).orElse(new byte[0]))));
  }

  /**
   * Answers a request on the worker pool. A peer has at most {@code maxRequestsInFlightPerPeer}
   * look-ups queued, so one peer's requests cannot fill the pool; more are dropped (the peer's
   * request times out and goes elsewhere).
   */
  private void lookUp(Runnable answer) {
    if (pendingLookups.get() >= context.config().maxRequestsInFlightPerPeer()) {
      peer.requestsDropped.increment();
      return;
    }
    pendingLookups.incrementAndGet();
    boolean queued =
        context
            .worker()
            .submit(
                () -> {
                  try {
                    answer.run();
                  } finally {
                    pendingLookups.decrementAndGet();
                  }
                });
    if (!queued) {
      pendingLookups.decrementAndGet();
      peer.requestsDropped.increment();
    }
  }

  private void onMilestoneResponse(Message.MilestoneResponse response) {
    if (!response.found()) {
      context.milestoneRequests().notFound(response.index(), peer.key());
      return;
    }
    context.milestoneRequests().received(response.index());
    onTransaction(response.transaction());
  }

  private void penalize(int points) {
    if (context.scores().penalize(peer.key(), points)) {
      context.metrics().bans.increment();
      LOG.warn("banning {} for {}", peer, context.config().banDuration());
      peer.refuse(RefusalCode.BANNED, "too many invalid messages");
    }
  }
}
