package org.tanglenode.protocol.genesis;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parameters that define a network, as read from its genesis file. The network's identity is
 * the hash of the file itself ({@link NetworkId}), so two files that differ in any byte define two
 * networks.
 *
 * @param name a label for people, such as {@code aid-ledger-east}
 * @param addressPrefix the human-readable part of the network's addresses (bech32m)
 * @param powDifficulty leading zero bits a transaction's proof of work must reach (0 to 64)
 * @param milestoneIntervalMs how often the coordinator issues a milestone
 * @param timestampMs when the network starts; no transaction may be older
 * @param committee the milestone signers and their threshold
 * @param limits size and time limits
 * @param allocations the whole token supply, given out at genesis
 * @param issuers keys whose holders the network knows by organisation name (optional, may be empty)
 */
public record Genesis(
    String name,
    String addressPrefix,
    int powDifficulty,
    long milestoneIntervalMs,
    long timestampMs,
    Committee committee,
    Limits limits,
    List<Allocation> allocations,
    List<Issuer> issuers) {

  public static final int MAX_POW_DIFFICULTY = 64;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final Pattern PREFIX = Pattern.compile("[a-z]{1,16}");

  public Genesis {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name: 1 to 63 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
    }
    if (addressPrefix == null || !PREFIX.matcher(addressPrefix).matches()) {
      throw new IllegalArgumentException("addressPrefix: 1 to 16 lowercase letters a-z");
    }
    if (powDifficulty < 0 || powDifficulty > MAX_POW_DIFFICULTY) {
      throw new IllegalArgumentException(
          "powDifficulty: must be between 0 and " + MAX_POW_DIFFICULTY + ", not " + powDifficulty);
    }
    if (milestoneIntervalMs < 100) {
      throw new IllegalArgumentException("milestoneIntervalMs: must be at least 100");
    }
    if (timestampMs < 0) {
      throw new IllegalArgumentException("timestampMs: must not be negative");
    }
    if (committee == null) {
      throw new IllegalArgumentException("committee: missing");
    }
    if (limits == null) {
      throw new IllegalArgumentException("limits: missing");
    }
    allocations = List.copyOf(allocations);
    long supply = 0;
    for (Allocation allocation : allocations) {
      supply += allocation.amount();
      if (supply < 0) {
        throw new IllegalArgumentException("allocations: the supply exceeds 2^63 - 1");
      }
    }
    issuers = List.copyOf(issuers);
    var keys = new HashSet<>();
    for (Issuer issuer : issuers) {
      if (!keys.add(issuer.key())) {
        throw new IllegalArgumentException(
            "issuers: key " + issuer.key().toHex() + " is listed twice");
      }
    }
  }

  /** A genesis that names no issuers. */
  public Genesis(
      String name,
      String addressPrefix,
      int powDifficulty,
      long milestoneIntervalMs,
      long timestampMs,
      Committee committee,
      Limits limits,
      List<Allocation> allocations) {
    this(
        name,
        addressPrefix,
        powDifficulty,
        milestoneIntervalMs,
        timestampMs,
        committee,
        limits,
        allocations,
        List.of());
  }

  /** This genesis with another proof-of-work difficulty. */
  public Genesis withPowDifficulty(int bits) {
    return new Genesis(
        name,
        addressPrefix,
        bits,
        milestoneIntervalMs,
        timestampMs,
        committee,
        limits,
        allocations,
        issuers);
  }

  /** This genesis with another milestone interval. */
  public Genesis withMilestoneIntervalMs(long intervalMs) {
    return new Genesis(
        name,
        addressPrefix,
        powDifficulty,
        intervalMs,
        timestampMs,
        committee,
        limits,
        allocations,
        issuers);
  }

  /** This genesis with other limits. */
  public Genesis withLimits(Limits newLimits) {
    return new Genesis(
        name,
        addressPrefix,
        powDifficulty,
        milestoneIntervalMs,
        timestampMs,
        committee,
        newLimits,
        allocations,
        issuers);
  }

  /** This genesis naming {@code newIssuers} instead of its own. */
  public Genesis withIssuers(List<Issuer> newIssuers) {
    return new Genesis(
        name,
        addressPrefix,
        powDifficulty,
        milestoneIntervalMs,
        timestampMs,
        committee,
        limits,
        allocations,
        newIssuers);
  }

  /** The sum of all allocations. */
  public long supply() {
    return allocations.stream().mapToLong(Allocation::amount).sum();
  }
}
