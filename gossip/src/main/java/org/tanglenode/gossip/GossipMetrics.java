package org.tanglenode.gossip;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.tanglenode.gossip.wire.RefusalCode;

/** The node-wide gossip counters; docs/gossip.md lists every name. */
final class GossipMetrics {

  private final MeterRegistry meters;
  final Counter framesOversized;
  final Counter framesUndecodable;
  final Counter transactionsReceived;
  final Counter transactionsSeen;
  final Counter transactionsBroadcast;
  final Counter writesDropped;
  final Counter parkedDropped;
  final Counter bans;
  final Counter rateLimited;

  GossipMetrics(MeterRegistry meters) {
    this.meters = meters;
    this.framesOversized = counter("gossip.frames.oversized", "frames above the maximum size");
    this.framesUndecodable =
        counter("gossip.frames.undecodable", "frames that are not a well-formed envelope");
    this.transactionsReceived =
        counter("gossip.transactions.received", "transactions received from peers");
    this.transactionsSeen =
        counter(
            "gossip.transactions.seen", "transactions dropped by the seen filter before any check");
    this.transactionsBroadcast =
        counter("gossip.transactions.broadcast", "transactions the node asked gossip to spread");
    this.writesDropped =
        counter("gossip.writes.dropped", "messages not sent because a peer was not reading");
    this.parkedDropped =
        counter(
            "gossip.ingest.parked.dropped",
            "transactions dropped because a peer's parked queue was full");
    this.bans = counter("gossip.bans", "node keys banned for their score");
    this.rateLimited = counter("gossip.rate.limited", "times a peer was paused for its rate");
  }

  void refusalSent(RefusalCode code) {
    meters.counter("gossip.refusals.sent", "code", code.name()).increment();
  }

  void refusalReceived(RefusalCode code) {
    meters.counter("gossip.refusals.received", "code", code.name()).increment();
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description).register(meters);
  }
}
