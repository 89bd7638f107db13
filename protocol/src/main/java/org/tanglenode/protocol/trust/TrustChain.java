package org.tanglenode.protocol.trust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.Cosignature;
import org.tanglenode.protocol.IssuerChange;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Network;

/**
 * A network's trust as its genesis file plus the committee-signed trust updates after it, in
 * sequence order. Each update holds from its effective index on, so every question is answered for
 * a milestone index: what an old index answered before an update, it still answers after. Immutable
 * and thread-safe; {@link #append} gives a longer chain or says why the update does not link.
 */
public final class TrustChain implements TrustRoot {

  /**
   * How far above the milestone that confirms it an update's effective index may lie (100,000
   * milestones: days at a seconds interval). A node ignores, for trust, an update further ahead, so
   * a typo such as 2^31 - 1 cannot freeze the chain: every later update needs a higher index.
   */
  public static final int MAX_LEAD = 100_000;

  private final byte[] genesisFile;
  private final Network network;
  private final GenesisTrust genesisTrust;
  private final List<Transaction> updates;

  /** Committees in force from an index on, ascending by index; the first is the genesis one. */
  private final List<Ranged<Committee>> committees;

  /** Per key, its registry entries from an index on (empty: revoked), ascending by index. */
  private final Map<Ed25519PublicKey, List<Ranged<Optional<String>>>> issuers;

  private record Ranged<T>(long fromIndex, T value) {}

  private TrustChain(
      byte[] genesisFile,
      Network network,
      List<Transaction> updates,
      List<Ranged<Committee>> committees,
      Map<Ed25519PublicKey, List<Ranged<Optional<String>>>> issuers) {
    this.genesisFile = genesisFile;
    this.network = network;
    this.genesisTrust = new GenesisTrust(network);
    this.updates = updates;
    this.committees = committees;
    this.issuers = issuers;
  }

  /**
   * The chain of a network without updates yet.
   *
   * @throws IllegalArgumentException if the bytes are not a valid genesis file
   */
  public static TrustChain ofGenesisFile(byte[] genesisFile) {
    byte[] copy = genesisFile.clone();
    Network network = GenesisFile.parse(copy);
    return new TrustChain(
        copy,
        network,
        List.of(),
        List.of(new Ranged<>(0, network.genesis().committee())),
        Map.of());
  }

  /**
   * The chain of {@code network} without updates, for a network whose genesis file is the stable
   * encoding {@link GenesisFile#encode} writes (devnets, tests).
   *
   * @throws IllegalArgumentException if that encoding does not give the network's id: then only the
   *     file's own bytes can, through {@link #ofGenesisFile}
   */
  public static TrustChain ofNetwork(Network network) {
    TrustChain chain = ofGenesisFile(GenesisFile.encode(network.genesis()));
    if (!chain.network.id().equals(network.id())) {
      throw new IllegalArgumentException(
          "the genesis file of network "
              + network.id().toHex()
              + " is not in the stable encoding; start from its own bytes");
    }
    return chain;
  }

  /**
   * Checks that {@code update} is the next link and returns the longer chain. The link rules: a
   * trust update payload of this network; sequence = the last one's + 1 (1 first); effective index
   * above the last one's; every signature on it verifies; and the distinct keys of {@code
   * committeeAt(effectiveIndex - 1)} among issuer and cosigners reach that committee's threshold.
   * Proof of work and timestamp are not checked here: the committee's signatures are what make an
   * update trusted.
   */
  public LinkVerdict append(Transaction update) {
    if (!(update.payload() instanceof Payload.TrustUpdate payload)) {
      return refuse(
          LinkVerdict.Code.NOT_A_TRUST_UPDATE, update.id() + " carries " + update.payload().kind());
    }
    if (update.network() != network.shortId()) {
      return refuse(
          LinkVerdict.Code.WRONG_NETWORK,
          String.format("network %016x, this is %016x", update.network(), network.shortId()));
    }
    if (payload.sequence() != lastSequence() + 1) {
      return refuse(
          LinkVerdict.Code.WRONG_SEQUENCE,
          "sequence " + payload.sequence() + ", the next is " + (lastSequence() + 1));
    }
    if (payload.effectiveIndex() <= lastEffectiveIndex()) {
      return refuse(
          LinkVerdict.Code.EFFECTIVE_INDEX_NOT_INCREASING,
          "effective index "
              + payload.effectiveIndex()
              + ", the previous update's is "
              + lastEffectiveIndex());
    }
    byte[] digest = update.essenceDigest();
    if (!update.issuer().verify(digest, update.signature())) {
      return refuse(LinkVerdict.Code.BAD_SIGNATURE, "the issuer's signature does not verify");
    }
    for (Cosignature cosignature : update.cosignatures()) {
      if (!cosignature.publicKey().verify(digest, cosignature.signature())) {
        return refuse(
            LinkVerdict.Code.BAD_SIGNATURE,
            "the cosignature of " + cosignature.publicKey().toHex() + " does not verify");
      }
    }
    Committee committee = committeeAt(payload.effectiveIndex() - 1L);
    Set<Ed25519PublicKey> signers = committee.membersAmong(update.issuer(), update.cosignatures());
    if (signers.size() < committee.threshold()) {
      return refuse(
          LinkVerdict.Code.TOO_FEW_SIGNATURES,
          signers.size()
              + " distinct keys of the committee in force at index "
              + (payload.effectiveIndex() - 1L)
              + " signed, its threshold is "
              + committee.threshold());
    }
    return new LinkVerdict.Linked(extendedBy(update, payload));
  }

  private TrustChain extendedBy(Transaction update, Payload.TrustUpdate payload) {
    List<Transaction> longer = new ArrayList<>(updates);
    longer.add(update);
    List<Ranged<Committee>> newCommittees = new ArrayList<>(committees);
    payload
        .committee()
        .ifPresent(c -> newCommittees.add(new Ranged<>(payload.effectiveIndex(), c)));
    Map<Ed25519PublicKey, List<Ranged<Optional<String>>>> newIssuers = new HashMap<>(issuers);
    for (IssuerChange change : payload.issuers()) {
      List<Ranged<Optional<String>>> entries =
          new ArrayList<>(newIssuers.getOrDefault(change.key(), List.of()));
      entries.add(new Ranged<>(payload.effectiveIndex(), change.organisationName()));
      newIssuers.put(change.key(), List.copyOf(entries));
    }
    return new TrustChain(
        genesisFile,
        network,
        List.copyOf(longer),
        List.copyOf(newCommittees),
        Map.copyOf(newIssuers));
  }

  private static LinkVerdict refuse(LinkVerdict.Code code, String detail) {
    return new LinkVerdict.Refused(code, detail);
  }

  @Override
  public Network network() {
    return network;
  }

  /** The genesis file's exact bytes, from which the network id derives. */
  public byte[] genesisFile() {
    return genesisFile.clone();
  }

  /** The update transactions in sequence order. */
  public List<Transaction> updates() {
    return updates;
  }

  /** The last update's sequence, 0 before the first. */
  public int lastSequence() {
    return updates.size();
  }

  /** The last update's effective index, 0 before the first. */
  public int lastEffectiveIndex() {
    return updates.isEmpty()
        ? 0
        : ((Payload.TrustUpdate) updates.get(updates.size() - 1).payload()).effectiveIndex();
  }

  @Override
  public Committee committeeAt(long milestoneIndex) {
    return latestAt(committees, Math.max(0, milestoneIndex)).orElseThrow();
  }

  /**
   * From the updates first: the entry with the highest effective index not above {@code
   * milestoneIndex}. A key no update has named yet keeps what the genesis says of it.
   */
  @Override
  public Optional<String> organisationAt(Ed25519PublicKey key, long milestoneIndex) {
    Objects.requireNonNull(key, "key");
    Optional<Optional<String>> entry =
        latestAt(issuers.getOrDefault(key, List.of()), milestoneIndex);
    return entry.isPresent() ? entry.get() : genesisTrust.organisationAt(key, milestoneIndex);
  }

  private static <T> Optional<T> latestAt(List<Ranged<T>> ranges, long index) {
    Optional<T> found = Optional.empty();
    for (Ranged<T> range : ranges) {
      if (range.fromIndex() > index) {
        break;
      }
      found = Optional.of(range.value());
    }
    return found;
  }

  @Override
  public String toString() {
    return "TrustChain[" + network.genesis().name() + ", " + updates.size() + " updates]";
  }
}
