package org.tanglenode.gossip.wire;

import io.netty.handler.codec.CorruptedFrameException;

/** A frame whose bytes are not a well-formed envelope: the peer broke the protocol. */
public final class MalformedMessageException extends CorruptedFrameException {
  private static final long serialVersionUID = 1L;

  public MalformedMessageException(String message) {
    super(message);
  }

  public MalformedMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
