package org.tanglenode.gossip;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.Optional;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.gossip.wire.MessageCodec;
import org.tanglenode.protocol.genesis.NetworkId;

/**
 * A hand-driven peer on a plain blocking socket, for tests that send what a real node never would:
 * wrong versions, forged signatures, oversized frames, garbage, floods, or nothing read at all.
 */
final class RawPeer implements AutoCloseable {

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  RawPeer(PeerAddress address) {
    this(address, 0, null);
  }

  /** Connects with a receive buffer of {@code receiveBuffer} bytes (0: the system default). */
  RawPeer(PeerAddress address, int receiveBuffer) {
    this(address, receiveBuffer, null);
  }

  /**
   * Connects from the local address {@code from} (e.g. 127.0.0.2: on Linux all of 127/8 is
   * loopback), so a test can be several source addresses; null lets the system choose.
   */
  RawPeer(PeerAddress address, int receiveBuffer, String from) {
    try {
      socket = new Socket();
      if (receiveBuffer > 0) {
        socket.setReceiveBufferSize(receiveBuffer);
      }
      if (from != null) {
        socket.bind(new java.net.InetSocketAddress(from, 0));
      }
      socket.connect(new java.net.InetSocketAddress(address.host(), address.port()), 5_000);
      socket.setSoTimeout(5_000);
      in = new DataInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void send(Message message) {
    byte[] envelope = MessageCodec.encode(message).toByteArray();
    byte[] frame = new byte[4 + envelope.length];
    frame[0] = (byte) (envelope.length >>> 24);
    frame[1] = (byte) (envelope.length >>> 16);
    frame[2] = (byte) (envelope.length >>> 8);
    frame[3] = (byte) envelope.length;
    System.arraycopy(envelope, 0, frame, 4, envelope.length);
    sendRaw(frame);
  }

  void sendRaw(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next message, or empty if the node closed the connection. */
  Optional<Message> read() {
    try {
      int length = in.readInt();
      byte[] envelope = new byte[length];
      in.readFully(envelope);
      return Optional.of(MessageCodec.decode(envelope));
    } catch (EOFException | SocketException e) {
      return Optional.empty();
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the node sent nothing for 5 s", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads until a refusal arrives (skipping other messages); empty if closed without one. */
  Optional<Message.Refusal> awaitRefusal() {
    while (true) {
      Optional<Message> message = read();
      if (message.isEmpty()) {
        return Optional.empty();
      }
      if (message.get() instanceof Message.Refusal refusal) {
        return Optional.of(refusal);
      }
    }
  }

  /** Whether the node closed the connection (reads to the end, skipping messages). */
  boolean closedByNode() {
    while (true) {
      if (read().isEmpty()) {
        return true;
      }
    }
  }

  /**
   * Runs the handshake as {@code key} on {@code network} with {@code version}; returns the node's
   * hello. With {@code forgeSignature} the ack carries a signature by another key.
   */
  Message.Hello handshake(
      NetworkId network, Ed25519PrivateKey key, int version, boolean forgeSignature) {
    byte[] challenge = new byte[32];
    new SecureRandom().nextBytes(challenge);
    send(new Message.Hello(network, version, key.publicKey(), challenge));
    Message first = read().orElseThrow(() -> new AssertionError("closed before the hello"));
    if (!(first instanceof Message.Hello hello)) {
      throw new AssertionError("expected a hello, got " + first);
    }
    byte[] transcript =
        HandshakeTranscript.bytes(
            network, key.publicKey(), hello.nodeKey(), hello.challenge(), challenge);
    Ed25519PrivateKey signer = forgeSignature ? Ed25519PrivateKey.fromSeed(new byte[32]) : key;
    send(new Message.HelloAck(signer.sign(transcript)));
    return hello;
  }

  /** Runs a correct handshake and reads the node's ack. */
  void handshakeFully(NetworkId network, Ed25519PrivateKey key) {
    handshake(network, key, Gossip.PROTOCOL_VERSION, false);
    Message ack = read().orElseThrow(() -> new AssertionError("closed before the ack"));
    if (!(ack instanceof Message.HelloAck)) {
      throw new AssertionError("expected an ack, got " + ack);
    }
  }

  Socket socket() {
    return socket;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
