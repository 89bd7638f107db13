package org.tanglenode.consensus.trust;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.protocol.trust.LinkVerdict;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.protocol.trust.TrustRoot;
import org.tanglenode.storage.MilestoneKind;
import org.tanglenode.storage.TagCursor;
import org.tanglenode.storage.TagEntry;
import org.tanglenode.storage.TagPage;
import org.tanglenode.storage.TransactionMetadata;
import org.tanglenode.storage.TransactionStore;

/**
 * The node's trust: its {@link TrustChain}, grown by the trust updates that milestones confirm. An
 * update counts only if a milestone with an index below its effective index confirms it (so every
 * node knows the committee of index {@code i} once milestone {@code i - 1} is confirmed) and it
 * links to the chain; the updates one milestone confirms are offered in (sequence, id) order, so
 * the outcome does not depend on their white-flag order. Anything else is ignored for trust, with a
 * log line naming the id. The chain is not stored: {@link #load} rebuilds it from the updates the
 * store indexes under {@link Payload.TrustUpdate#TAG} and their confirming milestone.
 *
 * <p>Reads are lock-free (the chain is immutable, held in a volatile field); growth comes from the
 * confirmation thread only.
 */
public final class ConfirmedTrust implements TrustRoot {

  private static final Logger LOG = LoggerFactory.getLogger(ConfirmedTrust.class);

  /** Orders the updates one milestone confirms: by sequence, then by id. */
  private static final Comparator<Transaction> LINK_ORDER =
      Comparator.comparingInt((Transaction tx) -> ((Payload.TrustUpdate) tx.payload()).sequence())
          .thenComparing(Transaction::id);

  /**
   * The chain and the last milestone index whose confirmed updates it holds, read together: the
   * committee of index {@code i} is final once {@code settledIndex >= i - 1}.
   */
  public record Settled(TrustChain chain, int settledIndex) {
    public Settled {
      Objects.requireNonNull(chain, "chain");
    }

    /** Whether the committee of {@code milestoneIndex} can no longer change. */
    public boolean isFinal(long milestoneIndex) {
      return milestoneIndex <= settledIndex + 1L;
    }
  }

  private volatile Settled settled;

  public ConfirmedTrust(TrustChain genesis) {
    this.settled = new Settled(Objects.requireNonNull(genesis, "genesis"), 0);
  }

  /** The chain as of the last milestone offered to {@link #confirmed}. */
  public TrustChain chain() {
    return settled.chain();
  }

  /**
   * The chain and the milestone index it is settled up to, as one value. Readers that decide on a
   * milestone's committee take this once, so they never pair a new index with an old chain.
   */
  public Settled settled() {
    return settled;
  }

  @Override
  public Network network() {
    return settled.chain().network();
  }

  @Override
  public Committee committeeAt(long milestoneIndex) {
    return settled.chain().committeeAt(milestoneIndex);
  }

  @Override
  public Optional<String> organisationAt(Ed25519PublicKey key, long milestoneIndex) {
    return settled.chain().organisationAt(key, milestoneIndex);
  }

  /**
   * Offers the transactions milestone {@code milestoneIndex} confirmed; those carrying a trust
   * update are appended when they are in time and link. Returns the updates that were appended.
   */
  public synchronized List<Transaction> confirmed(int milestoneIndex, List<Transaction> confirmed) {
    List<Transaction> updates = new ArrayList<>();
    for (Transaction tx : confirmed) {
      if (tx.payload() instanceof Payload.TrustUpdate) {
        updates.add(tx);
      }
    }
    updates.sort(LINK_ORDER);
    TrustChain chain = settled.chain();
    List<Transaction> appended = new ArrayList<>();
    for (Transaction tx : updates) {
      Payload.TrustUpdate update = (Payload.TrustUpdate) tx.payload();
      if (update.effectiveIndex() <= milestoneIndex) {
        LOG.warn(
            "Trust update {} (sequence {}) ignored: confirmed by milestone {}, not before its"
                + " effective index {}",
            tx.id(),
            update.sequence(),
            milestoneIndex,
            update.effectiveIndex());
        continue;
      }
      if (update.effectiveIndex() - (long) milestoneIndex > TrustChain.MAX_LEAD) {
        LOG.warn(
            "Trust update {} (sequence {}) ignored: effective index {} is more than {} above"
                + " milestone {}, which confirmed it",
            tx.id(),
            update.sequence(),
            update.effectiveIndex(),
            TrustChain.MAX_LEAD,
            milestoneIndex);
        continue;
      }
      LinkVerdict verdict = chain.append(tx);
      if (verdict instanceof LinkVerdict.Linked linked) {
        chain = linked.chain();
        appended.add(tx);
        LOG.info(
            "Trust update {} (sequence {}) holds from milestone {}",
            tx.id(),
            update.sequence(),
            update.effectiveIndex());
      } else {
        LinkVerdict.Refused refused = (LinkVerdict.Refused) verdict;
        LOG.warn(
            "Trust update {} (sequence {}) ignored: {} {}",
            tx.id(),
            update.sequence(),
            refused.code(),
            refused.detail());
      }
    }
    settled = new Settled(chain, Math.max(settled.settledIndex(), milestoneIndex));
    return appended;
  }

  /**
   * Rebuilds the chain from the store: every transaction indexed under the trust tag that carries a
   * trust update and is referenced by a milestone, offered milestone by milestone as {@link
   * #confirmed} did when they were confirmed.
   */
  public synchronized void load(TransactionStore store, TransactionDecoder decoder) {
    record Candidate(int milestoneIndex, Transaction tx) {}
    List<Candidate> candidates = new ArrayList<>();
    Optional<TagCursor> cursor = Optional.empty();
    do {
      TagPage page = store.byTag(Payload.TrustUpdate.TAG, cursor, TransactionStore.MAX_PAGE);
      for (TagEntry entry : page.entries()) {
        TransactionId id = entry.id();
        Optional<TransactionMetadata> metadata = store.metadata(id);
        if (metadata.isEmpty() || metadata.get().referencedByMilestone().isEmpty()) {
          continue;
        }
        Optional<byte[]> bytes = store.transactionBytes(id);
        if (bytes.isEmpty()) {
          continue;
        }
        if (decoder.decode(bytes.get()) instanceof ValidationResult.Valid valid
            && valid.transaction().payload() instanceof Payload.TrustUpdate) {
          candidates.add(
              new Candidate(
                  metadata.get().referencedByMilestone().getAsInt(), valid.transaction()));
        }
      }
      cursor = page.next();
    } while (cursor.isPresent());
    candidates.sort(Comparator.comparingInt(Candidate::milestoneIndex));
    int i = 0;
    while (i < candidates.size()) {
      int index = candidates.get(i).milestoneIndex();
      List<Transaction> batch = new ArrayList<>();
      while (i < candidates.size() && candidates.get(i).milestoneIndex() == index) {
        batch.add(candidates.get(i++).tx());
      }
      confirmed(index, batch);
    }
    int confirmedIndex = store.milestoneIndex(MilestoneKind.CONFIRMED);
    settled = new Settled(settled.chain(), Math.max(settled.settledIndex(), confirmedIndex));
    if (settled.chain().lastSequence() > 0) {
      LOG.info("Trust chain loaded: {} updates", settled.chain().lastSequence());
    }
  }
}
