package org.tanglenode.gossip.wire;

import io.netty.handler.codec.TooLongFrameException;

/** A frame announced a length above the configured maximum: the peer broke the protocol. */
public final class FrameTooLargeException extends TooLongFrameException {
  private static final long serialVersionUID = 1L;

  public FrameTooLargeException(long length, int maxFrameBytes) {
    super("a frame of " + length + " bytes, the limit is " + maxFrameBytes);
  }
}
