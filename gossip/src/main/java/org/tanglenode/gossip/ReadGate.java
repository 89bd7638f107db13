package org.tanglenode.gossip;

import io.netty.channel.Channel;
import java.util.EnumSet;

/**
 * Whether to read from one peer: reading stops while any reason holds (the ingest queue is full,
 * the peer is over its rate, the handshake is verifying) and resumes when none does. Auto-read off
 * plus the {@code FlowControlHandler} behind the frame decoder is the backpressure. Event loop
 * only.
 */
final class ReadGate {

  enum Reason {
    INGEST,
    RATE,
    HANDSHAKE
  }

  private final Channel channel;
  private final EnumSet<Reason> reasons = EnumSet.noneOf(Reason.class);

  ReadGate(Channel channel) {
    this.channel = channel;
  }

  void pause(Reason reason) {
    reasons.add(reason);
    channel.config().setAutoRead(false);
  }

  void resume(Reason reason) {
    if (reasons.remove(reason) && reasons.isEmpty() && channel.isActive()) {
      channel.config().setAutoRead(true);
    }
  }

  boolean paused(Reason reason) {
    return reasons.contains(reason);
  }
}
