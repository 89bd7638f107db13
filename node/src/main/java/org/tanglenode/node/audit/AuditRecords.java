package org.tanglenode.node.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.node.audit.AuditQueryException.Reason;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.record.Record;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.trust.TrustRoot;
import org.tanglenode.storage.TagCursor;
import org.tanglenode.storage.TagEntry;
import org.tanglenode.storage.TagPage;
import org.tanglenode.storage.TransactionMetadata;
import org.tanglenode.storage.TransactionStore;

/**
 * Finds the records of an audit in storage: a tag's records in tag order, or the records the
 * milestones {@code from..to} confirmed, in confirmation order, optionally only one issuer's.
 * Transactions that carry no record (transfers, milestones, plain data) are read and passed over.
 *
 * <p>Every call is bounded twice: by the page's entry limit and by a scan budget of transactions
 * read, so a filter that matches little still answers in bounded time, with a cursor to go on.
 */
public final class AuditRecords {

  /** Leaves read from the confirmed column at once. */
  private static final int LEAF_BATCH = 256;

  private final TransactionStore store;
  private final StoredTransactions stored;
  private final IntSupplier confirmedIndex;

  /**
   * @param confirmedIndex the index of the last milestone this node confirmed
   */
  public AuditRecords(
      TransactionStore store, Supplier<? extends TrustRoot> trust, IntSupplier confirmedIndex) {
    this.store = Objects.requireNonNull(store, "store");
    this.stored = new StoredTransactions(store, trust);
    this.confirmedIndex = Objects.requireNonNull(confirmedIndex, "confirmedIndex");
  }

  /** The last milestone confirmed here (0 before the first). */
  public int confirmedIndex() {
    return confirmedIndex.getAsInt();
  }

  /**
   * Milestone {@code index} as far as an audit needs it.
   *
   * @throws AuditQueryException UNKNOWN_MILESTONE or MILESTONE_NOT_CONFIRMED
   */
  public MilestoneFacts milestone(int index) {
    if (index > confirmedIndex()) {
      if (store.milestone(index).isPresent()) {
        throw new AuditQueryException(
            Reason.MILESTONE_NOT_CONFIRMED,
            "milestone "
                + index
                + " is not confirmed on this node yet (confirmed: "
                + confirmedIndex()
                + ")");
      }
      throw new AuditQueryException(Reason.UNKNOWN_MILESTONE, "no milestone " + index);
    }
    TransactionId id =
        store
            .milestone(index)
            .orElseThrow(
                () -> new AuditQueryException(Reason.UNKNOWN_MILESTONE, "no milestone " + index));
    Transaction tx = stored.transaction(id);
    if (!(tx.payload() instanceof Payload.Milestone payload)) {
      throw new IllegalStateException(
          "milestone " + index + " (" + id + ") has no milestone payload");
    }
    long firstLeaf = index == 1 ? 0 : historySize(index - 1);
    return new MilestoneFacts(index, id, tx.timestampMs(), firstLeaf, payload.historySize());
  }

  /**
   * Up to {@code limit} of the transactions milestone {@code index} newly confirmed, from history
   * leaf {@code fromLeaf} on (empty: its first).
   */
  public ConfirmedPage confirmedBy(int index, OptionalLong fromLeaf, int limit) {
    MilestoneFacts facts = milestone(index);
    long start = fromLeaf.orElse(facts.firstLeaf());
    if (start < facts.firstLeaf() || start > facts.historySize()) {
      throw new AuditQueryException(
          Reason.INVALID_CURSOR,
          "milestone "
              + index
              + " confirmed leaves "
              + facts.firstLeaf()
              + " to "
              + (facts.historySize() - 1)
              + ", not "
              + start);
    }
    long end = Math.min(facts.historySize(), start + limit);
    List<TransactionId> ids = leaves(start, end);
    return new ConfirmedPage(
        facts, ids, end < facts.historySize() ? OptionalLong.of(end) : OptionalLong.empty());
  }

  /**
   * Records tagged {@code tag} (of {@code issuer}, when given), in tag order: confirmed or not.
   *
   * @param after the {@code next} of the previous page, empty for the first
   */
  public AuditPage byTag(
      Tag tag,
      Optional<Ed25519PublicKey> issuer,
      Optional<String> after,
      int limit,
      int scanBudget) {
    Optional<TagCursor> cursor = after.map(AuditRecords::tagCursor);
    List<AuditEntry> entries = new ArrayList<>();
    Map<Integer, MilestoneFacts> milestones = new HashMap<>();
    int scanned = 0;
    while (true) {
      int want = Math.min(scanBudget - scanned, TransactionStore.MAX_PAGE);
      if (want <= 0) {
        return new AuditPage(entries, scanned, cursor.map(TagCursor::toText));
      }
      TagPage page = store.byTag(tag, cursor, want);
      for (TagEntry tagged : page.entries()) {
        if (entries.size() == limit) {
          return new AuditPage(entries, scanned, cursor.map(TagCursor::toText));
        }
        scanned++;
        cursor = Optional.of(tagged.cursor());
        entry(tagged.id(), issuer, milestones).ifPresent(entries::add);
      }
      if (page.next().isEmpty()) {
        return new AuditPage(entries, scanned, Optional.empty());
      }
    }
  }

  /**
   * Records confirmed by milestones {@code from} to {@code to} (of {@code issuer}, when given), in
   * confirmation order.
   *
   * @param after the {@code next} of the previous page, empty for the first
   * @throws AuditQueryException when a milestone of the range is not confirmed here
   */
  public AuditPage confirmedBetween(
      int from,
      int to,
      Optional<Ed25519PublicKey> issuer,
      Optional<String> after,
      int limit,
      int scanBudget) {
    int index = from;
    OptionalLong leaf = OptionalLong.empty();
    if (after.isPresent()) {
      long[] cursor = leafCursor(after.get());
      if (cursor[0] < from || cursor[0] > to) {
        throw new AuditQueryException(
            Reason.INVALID_CURSOR, "the cursor points outside milestones " + from + " to " + to);
      }
      index = (int) cursor[0];
      leaf = OptionalLong.of(cursor[1]);
    }
    List<AuditEntry> entries = new ArrayList<>();
    Map<Integer, MilestoneFacts> milestones = new HashMap<>();
    int scanned = 0;
    for (; index <= to; index++, leaf = OptionalLong.empty()) {
      MilestoneFacts facts = milestone(index);
      milestones.put(index, facts);
      long next = leaf.orElse(facts.firstLeaf());
      if (next < facts.firstLeaf() || next > facts.historySize()) {
        throw new AuditQueryException(
            Reason.INVALID_CURSOR, "the cursor points outside milestone " + index + "'s leaves");
      }
      while (next < facts.historySize()) {
        long batchEnd =
            Math.min(facts.historySize(), next + Math.min(LEAF_BATCH, scanBudget - scanned));
        if (entries.size() == limit || batchEnd == next) {
          return new AuditPage(entries, scanned, Optional.of(leafCursorText(index, next)));
        }
        for (TransactionId id : leaves(next, batchEnd)) {
          if (entries.size() == limit) {
            return new AuditPage(entries, scanned, Optional.of(leafCursorText(index, next)));
          }
          scanned++;
          next++;
          entry(id, issuer, milestones).ifPresent(entries::add);
        }
      }
    }
    return new AuditPage(entries, scanned, Optional.empty());
  }

  private List<TransactionId> leaves(long from, long to) {
    List<TransactionId> ids = store.confirmedIds(from, to);
    if (ids.size() != to - from) {
      throw new IllegalStateException(
          "the confirmed column lacks leaves of [" + from + ", " + to + ")");
    }
    return ids;
  }

  /** The record in transaction {@code id}, if it carries one and {@code issuer} (if any) signed. */
  private Optional<AuditEntry> entry(
      TransactionId id,
      Optional<Ed25519PublicKey> issuer,
      Map<Integer, MilestoneFacts> milestones) {
    Transaction tx = stored.transaction(id);
    if (issuer.isPresent() && !issuer.get().equals(tx.issuer())) {
      return Optional.empty();
    }
    if (!(tx.payload() instanceof Payload.Data data)) {
      return Optional.empty();
    }
    byte[] json = data.data();
    Optional<Record> record = Records.tryParse(json);
    if (record.isEmpty()) {
      return Optional.empty();
    }
    TransactionMetadata metadata = stored.metadata(id);
    OptionalLong milestoneTime = OptionalLong.empty();
    if (metadata.referencedByMilestone().isPresent()) {
      int index = metadata.referencedByMilestone().getAsInt();
      if (index <= confirmedIndex()) {
        milestoneTime =
            OptionalLong.of(milestones.computeIfAbsent(index, this::milestone).timestampMs());
      }
    }
    return Optional.of(
        new AuditEntry(
            id,
            tx.timestampMs(),
            tx.tag(),
            tx.issuer(),
            stored.organisation(tx, metadata, confirmedIndex()),
            record.get(),
            json,
            metadata,
            milestoneTime));
  }

  private long historySize(int index) {
    TransactionId id =
        store
            .milestone(index)
            .orElseThrow(
                () -> new IllegalStateException("confirmed milestone " + index + " is not stored"));
    if (!(stored.transaction(id).payload() instanceof Payload.Milestone payload)) {
      throw new IllegalStateException(
          "milestone " + index + " (" + id + ") has no milestone payload");
    }
    return payload.historySize();
  }

  static TagCursor tagCursor(String text) {
    try {
      return TagCursor.parse(text);
    } catch (IllegalArgumentException e) {
      throw new AuditQueryException(
          Reason.INVALID_CURSOR, "cursor must be the 'next' value of the previous page");
    }
  }

  static String leafCursorText(int milestone, long leaf) {
    return milestone + ":" + leaf;
  }

  static long[] leafCursor(String text) {
    int colon = text.indexOf(':');
    try {
      if (colon < 1) {
        throw new NumberFormatException("no ':'");
      }
      long[] parsed = {
        Integer.parseInt(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1))
      };
      if (parsed[0] < 1 || parsed[1] < 0) {
        throw new NumberFormatException("negative");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new AuditQueryException(
          Reason.INVALID_CURSOR, "cursor must be the 'next' value of the previous page");
    }
  }
}
