package org.tanglenode.gossip;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.crypto.sign.Ed25519PublicKey;

/**
 * Keeps the node connected to its configured peers: dials each, and when a connection fails or
 * drops, dials again after an exponential backoff with jitter (reset once a handshake succeeds).
 * Peers can be added and removed while running.
 */
final class Dialer {

  private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);

  /** One configured peer and the state of dialing it. Guarded by itself. */
  final class Target {
    final PeerAddress address;
    int failures;
    boolean removed;
    boolean established;
    boolean connecting;
    Channel channel;
    Ed25519PublicKey key;

    Target(PeerAddress address) {
      this.address = address;
    }

    void established(Ed25519PublicKey peerKey) {
      synchronized (this) {
        key = peerKey;
        failures = 0;
        established = true;
      }
    }
  }

  private final Function<Target, Bootstrap> bootstraps;
  private final ScheduledExecutorService scheduler;
  private final Backoff backoff;
  private final PeerRegistry registry;
  private final Map<PeerAddress, Target> targets = new ConcurrentHashMap<>();
  private volatile boolean closed;

  Dialer(
      Function<Target, Bootstrap> bootstraps,
      ScheduledExecutorService scheduler,
      Backoff backoff,
      PeerRegistry registry) {
    this.bootstraps = bootstraps;
    this.scheduler = scheduler;
    this.backoff = backoff;
    this.registry = registry;
    registry.onRemoved(this::peerGone);
  }

  /** Starts dialing {@code address} (no-op if already configured). */
  void add(PeerAddress address) {
    Target target = new Target(address);
    if (targets.putIfAbsent(address, target) == null) {
      schedule(target, Duration.ZERO);
    }
  }

  /** Stops dialing {@code address} and closes its connection; true if it was configured. */
  boolean remove(PeerAddress address) {
    Target target = targets.remove(address);
    if (target == null) {
      return false;
    }
    Channel channel;
    synchronized (target) {
      target.removed = true;
      channel = target.channel;
    }
    if (channel != null) {
      channel.close();
    }
    return true;
  }

  List<PeerAddress> addresses() {
    return List.copyOf(targets.keySet());
  }

  void close() {
    closed = true;
  }

  private void schedule(Target target, Duration delay) {
    if (closed) {
      return;
    }
    try {
      scheduler.schedule(() -> dial(target), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // shutting down
    }
  }

  private void dial(Target target) {
    synchronized (target) {
      if (closed || target.removed || target.connecting) {
        return;
      }
      if (target.key != null && registry.contains(target.key)) {
        // Connected already, the other way round; look again later.
        schedule(target, backoff.delay(target.failures));
        return;
      }
      target.established = false;
      target.connecting = true;
    }
    bootstraps
        .apply(target)
        .connect(target.address.host(), target.address.port())
        .addListener(
            future -> {
              if (!future.isSuccess()) {
                LOG.debug("dialing {} failed: {}", target.address, future.cause().getMessage());
                synchronized (target) {
                  target.connecting = false;
                }
                redial(target);
                return;
              }
              Channel channel = ((io.netty.channel.ChannelFuture) future).channel();
              boolean keep;
              synchronized (target) {
                keep = !target.removed && !closed;
                if (keep) {
                  target.channel = channel;
                } else {
                  target.connecting = false;
                }
              }
              if (!keep) {
                channel.close();
                return;
              }
              channel
                  .closeFuture()
                  .addListener(
                      f -> {
                        synchronized (target) {
                          target.channel = null;
                          target.connecting = false;
                        }
                        redial(target);
                      });
            });
  }

  private void redial(Target target) {
    Duration delay;
    synchronized (target) {
      if (target.removed || closed) {
        return;
      }
      if (!target.established) {
        target.failures++;
      }
      delay = backoff.delay(target.established ? 0 : target.failures);
    }
    LOG.debug("dialing {} again in {}", target.address, delay);
    schedule(target, delay);
  }

  private void peerGone(Peer peer) {
    for (Target target : targets.values()) {
      boolean wake;
      synchronized (target) {
        wake = peer.key().equals(target.key) && !target.connecting && !target.removed;
      }
      if (wake) {
        schedule(target, backoff.delay(0));
      }
    }
  }
}
