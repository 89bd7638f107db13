package org.tanglenode.gossip;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.crypto.sign.Ed25519Signature;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.gossip.wire.RefusalCode;

/**
 * Runs the handshake (docs/gossip.md): both sides send a Hello at once; each checks the other's
 * network, version and key, then signs the transcript over the other's challenge; each verifies the
 * other's signature. Signing and verifying run on the worker pool, reading is paused meanwhile. Any
 * failure sends a refusal with its code, then closes. When both directions are proven, the peer is
 * registered, this handler leaves the pipeline and the {@link PeerHandler} takes over.
 */
final class HandshakeHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(HandshakeHandler.class);

  /** Messages a peer may send after its ack, before this side finished verifying it. */
  private static final int MAX_EARLY_MESSAGES = 64;

  private final GossipContext context;
  private final Connection connection;
  private final byte[] ownChallenge = new byte[Message.Hello.CHALLENGE_SIZE];
  private final List<Message> early = new ArrayList<>();
  private Message.Hello peerHello;
  private boolean ackReceived;
  private boolean ackSent;
  private boolean peerVerified;
  private boolean finished;
  private ScheduledFuture<?> timeout;

  HandshakeHandler(GossipContext context, Connection connection) {
    this.context = context;
    this.connection = connection;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    context.secureRandom().nextBytes(ownChallenge);
    ctx.writeAndFlush(
        new Message.Hello(
            context.network().id(),
            Gossip.PROTOCOL_VERSION,
            context.nodeKey().publicKey(),
            ownChallenge));
    timeout =
        ctx.executor()
            .schedule(
                () -> refuse(ctx, RefusalCode.TIMEOUT, "the handshake took too long"),
                context.config().handshakeTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (timeout != null) {
      timeout.cancel(false);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof Message.Refusal refusal) {
      context.metrics().refusalReceived(refusal.code());
      LOG.info(
          "{} refused the handshake: {} {}",
          connection.remote(),
          refusal.code(),
          refusal.message());
      finished = true;
      ctx.close();
    } else if (finished) {
      return;
    } else if (msg instanceof Message.Hello hello && peerHello == null) {
      onHello(ctx, hello);
    } else if (msg instanceof Message.HelloAck ack && peerHello != null && !ackReceived) {
      ackReceived = true;
      onAck(ctx, ack.signature());
    } else if (ackReceived && !(msg instanceof Message.Hello || msg instanceof Message.HelloAck)) {
      if (early.size() >= MAX_EARLY_MESSAGES) {
        violation(ctx, "too many messages before the handshake finished");
      } else {
        early.add((Message) msg);
      }
    } else {
      violation(ctx, "unexpected " + msg.getClass().getSimpleName() + " during the handshake");
    }
  }

  private void onHello(ChannelHandlerContext ctx, Message.Hello hello) {
    peerHello = hello;
    Ed25519PublicKey key = hello.nodeKey();
    if (!hello.networkId().equals(context.network().id())) {
      refuse(ctx, RefusalCode.WRONG_NETWORK, "this is network " + context.network().id());
    } else if (hello.protocolVersion() != Gossip.PROTOCOL_VERSION) {
      refuse(
          ctx,
          RefusalCode.INCOMPATIBLE_VERSION,
          "protocol version "
              + hello.protocolVersion()
              + ", this node speaks "
              + Gossip.PROTOCOL_VERSION);
    } else if (key.equals(context.nodeKey().publicKey())) {
      refuse(ctx, RefusalCode.SELF, "a node does not connect to itself");
    } else if (!context.config().allowList().allows(key)) {
      refuse(ctx, RefusalCode.NOT_ALLOWED, "key " + key + " is not on the allow-list");
    } else if (context.scores().isBanned(key)) {
      refuse(ctx, RefusalCode.BANNED, "key " + key + " is banned for a while");
    } else {
      byte[] transcript =
          HandshakeTranscript.bytes(
              context.network().id(),
              context.nodeKey().publicKey(),
              key,
              hello.challenge(),
              ownChallenge);
      offload(
          ctx,
          () -> {
            Ed25519Signature signature = context.nodeKey().sign(transcript);
            ctx.executor()
                .execute(
                    () -> {
                      if (!finished && ctx.channel().isActive()) {
                        ctx.writeAndFlush(new Message.HelloAck(signature));
                        ackSent = true;
                        maybeFinish(ctx);
                      }
                    });
          });
    }
  }

  private void onAck(ChannelHandlerContext ctx, Ed25519Signature signature) {
    Ed25519PublicKey key = peerHello.nodeKey();
    byte[] transcript =
        HandshakeTranscript.bytes(
            context.network().id(),
            key,
            context.nodeKey().publicKey(),
            ownChallenge,
            peerHello.challenge());
    connection.gate().pause(ReadGate.Reason.HANDSHAKE);
    offload(
        ctx,
        () -> {
          boolean valid = key.verify(transcript, signature);
          ctx.executor()
              .execute(
                  () -> {
                    if (finished) {
                      return;
                    }
                    if (!valid) {
                      refuse(
                          ctx,
                          RefusalCode.BAD_SIGNATURE,
                          "the handshake signature does not verify");
                      return;
                    }
                    peerVerified = true;
                    maybeFinish(ctx);
                  });
        });
  }

  private void offload(ChannelHandlerContext ctx, Runnable task) {
    if (!context.worker().submit(task)) {
      refuse(ctx, RefusalCode.BUSY, "the node is too busy, try again later");
    }
  }

  private void maybeFinish(ChannelHandlerContext ctx) {
    if (!ackSent || !peerVerified || finished) {
      return;
    }
    finished = true;
    timeout.cancel(false);
    Peer peer =
        new Peer(
            peerHello.nodeKey(),
            connection,
            context.config(),
            context.meters(),
            context.metrics(),
            context.scores());
    Optional<RefusalCode> refused = context.registry().register(peer);
    if (refused.isPresent()) {
      peer.removeMeters();
      finished = false;
      refuse(ctx, refused.get(), "another connection to this node is kept");
      return;
    }
    connection.established(peer.key());
    LOG.debug("handshake done with {}", peer);
    ctx.fireUserEventTriggered(new PeerHandler.Established(peer));
    for (Message message : early) {
      ctx.fireChannelRead(message);
    }
    early.clear();
    ctx.pipeline().remove(this);
    connection.gate().resume(ReadGate.Reason.HANDSHAKE);
    peer.send(context.heartbeat().get());
  }

  private void violation(ChannelHandlerContext ctx, String text) {
    refuse(ctx, RefusalCode.PROTOCOL_VIOLATION, text);
  }

  private void refuse(ChannelHandlerContext ctx, RefusalCode code, String text) {
    if (finished) {
      return;
    }
    finished = true;
    LOG.info("refusing {}: {} {}", connection.remote(), code, text);
    context.metrics().refusalSent(code);
    if (ctx.channel().isActive()) {
      ctx.writeAndFlush(new Message.Refusal(code, text)).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
