package org.tanglenode.gossip;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tanglenode.crypto.sign.Ed25519PublicKey;

/**
 * Misbehaviour scores of node keys, and temporary bans. Points are added for invalid messages and
 * forgiven at a steady rate; a key that reaches the ban score is refused for the ban duration.
 * Remembers a bounded number of keys (the least recently touched are forgotten). Thread-safe.
 */
final class PeerScores {

  private static final class Score {
    double score;
    long updatedMillis;
    long bannedUntilMillis;
  }

  private final Clock clock;
  private final int banScore;
  private final double decayPerMilli;
  private final long banMillis;
  private final LinkedHashMap<Ed25519PublicKey, Score> entries;

  PeerScores(GossipConfig config, Clock clock) {
    this.clock = clock;
    this.banScore = config.banScore();
    this.decayPerMilli = config.scoreDecayPerMinute() / 60_000.0;
    this.banMillis = config.banDuration().toMillis();
    int capacity = config.maxTrackedPeerScores();
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Ed25519PublicKey, Score> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Adds {@code points} to the key's score; true if that bans it (it was not banned before). */
  synchronized boolean penalize(Ed25519PublicKey key, int points) {
    long now = clock.millis();
    Score entry = entries.computeIfAbsent(key, k -> new Score());
    decay(entry, now);
    entry.score += points;
    if (entry.score >= banScore && entry.bannedUntilMillis <= now) {
      entry.bannedUntilMillis = now + banMillis;
      entry.score = 0;
      return true;
    }
    return false;
  }

  synchronized boolean isBanned(Ed25519PublicKey key) {
    Score entry = entries.get(key);
    return entry != null && entry.bannedUntilMillis > clock.millis();
  }

  synchronized int score(Ed25519PublicKey key) {
    Score entry = entries.get(key);
    if (entry == null) {
      return 0;
    }
    decay(entry, clock.millis());
    return (int) Math.round(entry.score);
  }

  synchronized long bannedCount() {
    long now = clock.millis();
    return entries.values().stream().filter(e -> e.bannedUntilMillis > now).count();
  }

  private void decay(Score entry, long now) {
    long elapsed = Math.max(0, now - entry.updatedMillis);
    entry.score = Math.max(0, entry.score - elapsed * decayPerMilli);
    entry.updatedMillis = now;
  }
}
