package org.tanglenode.crypto.sign;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 verification that keeps the decoded public points of recently seen keys, so a key that
 * signs again skips decoding (a square root in the field) on every verify. Few issuers sign most
 * transactions, so on the ingest path nearly every verify hits.
 *
 * <p>The verdict is always that of {@link Ed25519PublicKey#verify}: a key enters the cache only
 * after BouncyCastle's own checks for a verification key (canonical y, not of small order, a point
 * on the curve: {@code validatePublicKeyPartialExport}, the checks {@code Ed25519.verify} runs on
 * the key bytes) accept it, and the cached point is then used by BouncyCastle's verify for a
 * decoded point. A key those checks refuse is never stored; its verify is {@code false}, as
 * uncached. {@code Ed25519KeyCacheTest} compares both paths on the Wycheproof and speccheck
 * vectors.
 *
 * <p>Bounded and lock-free: a direct-mapped table of {@code capacity} slots (rounded up to a power
 * of two), each an immutable entry of the key bytes and its point; a key whose slot holds another
 * key replaces it. That is cheaper on the hot path than an LRU list (one array read and one 32-byte
 * compare per hit, no allocation, no lock) and evicts about as well when few keys are hot. The slot
 * is chosen with a per-instance random seed, so a peer cannot craft keys that all land on the slot
 * of a busy issuer; the worst it can do is make verifies as slow as uncached. Capacity 0 turns the
 * cache off. Thread-safe.
 */
public final class Ed25519KeyCache {

  /**
   * Most slots a cache may have (2^20 entries, some 200 MiB of heap; an entry is about 200 bytes).
   */
  public static final int MAX_CAPACITY = 1 << 20;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final AtomicReferenceArray<Entry> slots;
  private final int mask;
  private final long seed;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /** A key and its decoded point; immutable, so safe to publish through the array. */
  private record Entry(byte[] key, Ed25519.PublicPoint point) {}

  /**
   * A cache of at least {@code capacity} keys (rounded up to a power of two); 0 turns it off.
   *
   * @throws IllegalArgumentException if capacity is negative or above {@link #MAX_CAPACITY}
   */
  public Ed25519KeyCache(int capacity) {
    this(capacity, new SecureRandom().nextLong());
  }

  /**
   * As {@link #Ed25519KeyCache(int)} with a chosen slot seed, so tests and benchmarks place keys
   * the same way on every run. A node uses the random one.
   */
  public Ed25519KeyCache(int capacity, long seed) {
    if (capacity < 0 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "an Ed25519 key cache holds 0 to " + MAX_CAPACITY + " keys, not " + capacity);
    }
    int size = capacity <= 1 ? capacity : Integer.highestOneBit(capacity - 1) << 1;
    this.slots = new AtomicReferenceArray<>(size);
    this.mask = size - 1;
    this.seed = seed;
  }

  /** A cache that keeps nothing: every verify decodes the key, as {@link Ed25519PublicKey} does. */
  public static Ed25519KeyCache disabled() {
    return new Ed25519KeyCache(0);
  }

  /**
   * Whether {@code signature} is a valid pure Ed25519 signature of {@code message} by {@code key};
   * the same verdict as {@link Ed25519PublicKey#verify(byte[], Ed25519Signature)}.
   */
  public boolean verify(Ed25519PublicKey key, byte[] message, Ed25519Signature signature) {
    if (slots.length() == 0) {
      return key.verify(message, signature);
    }
    Ed25519.PublicPoint point = point(key.unsafeBytes());
    if (point == null) {
      // Not a valid verification key: no signature by it verifies. Never cached.
      return false;
    }
    return Ed25519.verify(signature.unsafeBytes(), 0, point, message, 0, message.length);
  }

  /** Keys the cache holds at most (the slot count); 0 when off. */
  public int capacity() {
    return slots.length();
  }

  /** Verifies that found their key decoded. */
  public long hits() {
    return hits.sum();
  }

  /** Verifies that had to decode their key (valid or not). */
  public long misses() {
    return misses.sum();
  }

  private Ed25519.PublicPoint point(byte[] key) {
    int slot = slot(key);
    Entry entry = slots.get(slot);
    if (entry != null && Arrays.equals(entry.key(), key)) {
      hits.increment();
      return entry.point();
    }
    misses.increment();
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(key, 0);
    if (point != null) {
      slots.set(slot, new Entry(key.clone(), point));
    }
    return point;
  }

  private int slot(byte[] key) {
    // All 32 bytes count: keys sharing a prefix must not share a slot whatever the seed.
    long h = seed;
    for (int i = 0; i < Ed25519PublicKey.SIZE; i += Long.BYTES) {
      h = Long.rotateLeft((h ^ (long) LONGS.get(key, i)) * 0x9e3779b97f4a7c15L, 31);
    }
    // MurmurHash3's 64-bit finaliser: every input bit reaches the low bits the mask keeps.
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) h & mask;
  }
}
