package org.tanglenode.storage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.tanglenode.crypto.hash.Blake2b256Hasher;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.storage.schema.Column;
import org.tanglenode.storage.schema.LedgerDiffKey;
import org.tanglenode.storage.schema.LedgerDiffKeyCodec;
import org.tanglenode.storage.schema.MerkleKey;
import org.tanglenode.storage.schema.MerkleKeyCodec;
import org.tanglenode.storage.schema.NodeStateKey;
import org.tanglenode.storage.schema.OutputCodec;
import org.tanglenode.storage.schema.OutputRefCodec;
import org.tanglenode.storage.schema.SpentOutputCodec;
import org.tanglenode.storage.schema.TransactionIdCodec;
import org.tanglenode.storage.schema.TransactionValueCodec;
import org.tanglenode.storage.schema.UInt32Codec;

/**
 * Snapshot files: the ledger state (every unspent output), the milestone at one index and the
 * frontier of the history tree at that milestone's size, in one file that ends with its own
 * BLAKE2b-256 digest. docs/storage.md specifies every byte.
 *
 * <p>The frontier is the hash of each perfect subtree of the leaves {@code [0, history_size)}, one
 * per set bit of the size, largest first: exactly the stored nodes the history tree reads for the
 * root at that size, and every node left of it that a later append or a later leaf's inclusion
 * proof needs. So a node started from a snapshot continues the tree and builds receipts for records
 * confirmed after it; receipts for records before it need a node that kept them.
 *
 * <p>Export reads one consistent view of the database while the node keeps writing, and can export
 * an index below the confirmed one by undoing the later milestones' ledger diffs. Import verifies
 * the whole file first and writes nothing unless it is intact; it fills an empty database only.
 */
public final class Snapshots {

  static final byte[] MAGIC = "TANGSNAP".getBytes(StandardCharsets.US_ASCII);
  static final int FORMAT = 2;
  private static final int MAX_TRANSACTION_BYTES = 1 << 20;
  private static final int MAX_ENTRY_POINTS = 10_000_000;
  private static final int IMPORT_CHUNK = 5_000;

  private final TangleDatabase db;
  private final TransactionStore store;
  private final Clock clock;
  private final OutputRefCodec refCodec = new OutputRefCodec();
  private final OutputCodec outputCodec = new OutputCodec();
  private final SpentOutputCodec spentCodec = new SpentOutputCodec();
  private final LedgerDiffKeyCodec diffCodec = new LedgerDiffKeyCodec();
  private final TransactionIdCodec idCodec = new TransactionIdCodec();
  private final UInt32Codec uint32 = new UInt32Codec();
  private final MerkleKeyCodec merkleCodec = new MerkleKeyCodec();
  private final MerkleHasher hasher = MerkleHasher.blake2b256();

  Snapshots(TangleDatabase db, TransactionStore store, Clock clock) {
    this.db = db;
    this.store = store;
    this.clock = clock;
  }

  // ---- export -------------------------------------------------------------------------------

  /**
   * Writes the ledger state and the milestone at {@code milestoneIndex} to {@code file} (through a
   * temporary file moved into place, so {@code file} is never half written).
   *
   * @throws IllegalArgumentException the index is not between 1 and the confirmed milestone
   * @throws StorageException the milestone transaction is not stored, or the file cannot be written
   */
  public SnapshotInfo export(int milestoneIndex, long network, Path file) {
    Path part = file.resolveSibling(file.getFileName() + ".part");
    SnapshotInfo info;
    try (OutputStream raw = Files.newOutputStream(part)) {
      info = db.withView(view -> write(view, milestoneIndex, network, raw));
    } catch (IOException e) {
      throw new StorageException("cannot write the snapshot " + part + ": " + e, e);
    } catch (UncheckedIOException e) {
      throw new StorageException("cannot write the snapshot " + part + ": " + e, e);
    }
    try {
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StorageException("cannot move the snapshot into " + file + ": " + e, e);
    }
    return info;
  }

  private SnapshotInfo write(TangleDatabase.View view, int index, long network, OutputStream raw) {
    byte[] confirmedRaw = view.get(Column.NODE_STATE, NodeStateKey.CONFIRMED_MILESTONE.keyBytes());
    int confirmed = confirmedRaw == null ? 0 : uint32.decode(confirmedRaw);
    if (index < 1 || index > confirmed) {
      throw new IllegalArgumentException(
          "a snapshot is taken at a confirmed milestone, 1.." + confirmed + ", not " + index);
    }
    byte[] milestoneRaw = view.get(Column.MILESTONES, uint32.encode(index));
    byte[] milestoneValue =
        milestoneRaw == null ? null : view.get(Column.TRANSACTIONS, milestoneRaw);
    if (milestoneValue == null) {
      throw new StorageException("milestone " + index + " is not stored; cannot export it");
    }
    TransactionId milestoneId = idCodec.decode(milestoneRaw);
    byte[] milestoneBytes = new TransactionValueCodec().bytes(milestoneValue);
    Payload.Milestone payload = milestonePayload(milestoneBytes, null);
    List<byte[]> frontier = new ArrayList<>();
    for (MerkleKey key : frontierKeys(payload.historySize())) {
      byte[] hash = view.get(Column.MERKLE, merkleCodec.encode(key));
      if (hash == null) {
        throw new StorageException(
            "history-tree node "
                + key
                + " of milestone "
                + index
                + " is not stored; cannot export its frontier");
      }
      frontier.add(hash);
    }

    // Undo the milestones after the index: outputs they created go, outputs they spent return.
    Set<OutputRef> createdAfter = new HashSet<>();
    List<OutputRef> spentAfter = new ArrayList<>();
    byte[] from = diffCodec.prefix(index + 1);
    view.scan(
        Column.LEDGER_DIFFS,
        new byte[0],
        from,
        (key, value) -> {
          LedgerDiffKey diff = diffCodec.decode(key);
          (diff.kind() == LedgerDiffKey.Kind.CREATED ? createdAfter : spentAfter).add(diff.ref());
          return true;
        });
    TreeMap<OutputRef, Output> restored = new TreeMap<>();
    for (OutputRef ref : spentAfter) {
      if (!createdAfter.contains(ref)) {
        byte[] spent = view.get(Column.SPENT_OUTPUTS, refCodec.encode(ref));
        if (spent == null) {
          throw new StorageException(
              "the spent output " + ref + " of a later milestone is missing");
        }
        restored.put(ref, spentCodec.decode(ref, spent).output());
      }
    }

    Blake2b256Hasher digest = new Blake2b256Hasher();
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new DigestingOutput(raw, digest), 1 << 16));
    long[] totals = new long[2]; // count, amount
    try {
      out.write(MAGIC);
      out.writeInt(FORMAT);
      out.writeLong(network);
      out.writeInt(index);
      out.writeLong(clock.millis());
      out.writeInt(milestoneBytes.length);
      out.write(milestoneBytes);
      Map<TransactionId, Integer> entryPoints = new TreeMap<>();
      view.scan(
          Column.SOLID_ENTRY_POINTS,
          new byte[0],
          new byte[0],
          (key, value) -> {
            int at = uint32.decode(value);
            if (at <= index) {
              entryPoints.put(idCodec.decode(key), at);
            }
            return true;
          });
      out.writeInt(entryPoints.size());
      for (Map.Entry<TransactionId, Integer> entry : entryPoints.entrySet()) {
        out.write(entry.getKey().bytes());
        out.writeInt(entry.getValue());
      }
      out.writeLong(payload.historySize());
      for (byte[] hash : frontier) {
        out.write(hash);
      }
      view.scan(
          Column.LEDGER_OUTPUTS,
          new byte[0],
          new byte[0],
          (key, value) -> {
            OutputRef ref = refCodec.decode(key);
            while (!restored.isEmpty() && restored.firstKey().compareTo(ref) < 0) {
              Map.Entry<OutputRef, Output> back = restored.pollFirstEntry();
              writeOutput(out, back.getKey(), outputCodec.encode(back.getValue()), totals);
            }
            if (!createdAfter.contains(ref)) {
              writeOutput(out, ref, value, totals);
            }
            return true;
          });
      while (!restored.isEmpty()) {
        Map.Entry<OutputRef, Output> back = restored.pollFirstEntry();
        writeOutput(out, back.getKey(), outputCodec.encode(back.getValue()), totals);
      }
      out.writeByte(0);
      out.writeLong(totals[0]);
      out.writeLong(totals[1]);
      out.flush();
      byte[] sum = digest.finish();
      raw.write(sum);
      raw.flush();
      return new SnapshotInfo(
          network,
          index,
          milestoneId,
          entryPoints.size(),
          totals[0],
          totals[1],
          HexFormat.of().formatHex(sum));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeOutput(DataOutputStream out, OutputRef ref, byte[] output, long[] totals) {
    try {
      out.writeByte(1);
      out.write(refCodec.encode(ref));
      out.writeShort(output.length);
      out.write(output);
      totals[0]++;
      totals[1] = Math.addExact(totals[1], outputCodec.decode(output).amount());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- verify and import --------------------------------------------------------------------

  /** Reads the whole file and checks its structure and digest; writes nothing. */
  public SnapshotInfo verify(Path file) {
    return read(file, null);
  }

  /**
   * Verifies {@code file}, then fills this (empty) database with its ledger state, solid entry
   * points and milestone, and sets the latest, solid and confirmed milestone to its index.
   *
   * @throws InvalidSnapshotException the file is damaged or for another network; nothing written
   * @throws StorageException the database is not empty
   */
  public SnapshotInfo importFrom(Path file, long expectedNetwork) {
    SnapshotInfo info = verify(file);
    if (info.network() != expectedNetwork) {
      throw new InvalidSnapshotException(
          file,
          "it is for network "
              + Long.toHexString(info.network())
              + ", not "
              + Long.toHexString(expectedNetwork),
          null);
    }
    if (store.transactionCount() > 0
        || store.milestoneIndex(MilestoneKind.LATEST) > 0
        || store.hasLedgerState()) {
      throw new StorageException(
          "a snapshot is imported into an empty database only; this one has "
              + store.transactionCount()
              + " transactions. Start the node on an empty folder to import it.");
    }
    expect(store.update(StateUpdate.builder().snapshotImportMark(info.milestoneIndex()).build()));
    read(file, new Importer(info));
    return info;
  }

  /** Receives a snapshot's content while it is read a second time, after verification. */
  private final class Importer {
    private final SnapshotInfo info;
    private StateUpdate.Builder chunk = StateUpdate.builder();
    private int inChunk;
    private final List<CompletableFuture<UpdateOutcome>> pending = new ArrayList<>();

    Importer(SnapshotInfo info) {
      this.info = info;
    }

    void milestone(byte[] bytes, Path file) {
      ValidationResult decoded = new TransactionDecoder(MAX_TRANSACTION_BYTES).decode(bytes);
      if (!(decoded instanceof ValidationResult.Valid valid)) {
        throw new InvalidSnapshotException(file, "its milestone does not decode: " + decoded, null);
      }
      StoreOutcome outcome = store.store(StorableTransaction.from(valid.transaction())).join();
      if (outcome.code() != StoreOutcome.Code.STORED) {
        throw new StorageException("could not store the snapshot's milestone: " + outcome);
      }
    }

    void output(OutputRef ref, Output output) {
      chunk.putUnspentOutput(ref, output);
      if (++inChunk == IMPORT_CHUNK) {
        pending.add(store.update(chunk.build()));
        chunk = StateUpdate.builder();
        inChunk = 0;
      }
    }

    void finish(Map<TransactionId, Integer> entryPoints, Map<MerkleKey, byte[]> frontier) {
      int index = info.milestoneIndex();
      frontier.forEach(chunk::putHistoryNode);
      for (Map.Entry<TransactionId, Integer> entry : entryPoints.entrySet()) {
        chunk.addSolidEntryPoint(entry.getKey(), entry.getValue());
      }
      chunk
          .addSolidEntryPoint(info.milestoneId(), index)
          .markSolid(info.milestoneId())
          .markReferenced(info.milestoneId(), index, ConflictState.NONE)
          .setMilestoneIndex(MilestoneKind.SOLID, index)
          .setMilestoneIndex(MilestoneKind.CONFIRMED, index)
          .snapshotImportMark(0);
      pending.forEach(Snapshots::expect);
      expect(store.update(chunk.build()));
    }
  }

  private static void expect(CompletableFuture<UpdateOutcome> update) {
    UpdateOutcome outcome = update.join();
    if (outcome.code() != UpdateOutcome.Code.APPLIED) {
      throw new StorageException("a snapshot import step was refused: " + outcome);
    }
  }

  /** Reads {@code file}; with an importer, hands it the content (the file was verified before). */
  private SnapshotInfo read(Path file, Importer importer) {
    Blake2b256Hasher digest = new Blake2b256Hasher();
    try (InputStream raw = Files.newInputStream(file);
        InputStream buffered = new BufferedInputStream(raw, 1 << 16)) {
      DigestingInput digesting = new DigestingInput(buffered, digest);
      DataInputStream in = new DataInputStream(digesting);
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new InvalidSnapshotException(file, "it is not a Tangle snapshot (no TANGSNAP)", null);
      }
      int format = in.readInt();
      if (format != FORMAT) {
        throw new InvalidSnapshotException(
            file, "its format is " + format + ", this node reads " + FORMAT, null);
      }
      long network = in.readLong();
      int index = in.readInt();
      in.readLong(); // created at
      int milestoneLength = in.readInt();
      if (index < 1 || milestoneLength < 1 || milestoneLength > MAX_TRANSACTION_BYTES) {
        throw new InvalidSnapshotException(file, "its header is out of range", null);
      }
      byte[] milestone = in.readNBytes(milestoneLength);
      if (milestone.length != milestoneLength) {
        throw new EOFException();
      }
      Payload.Milestone payload = milestonePayload(milestone, file);
      if (payload.index() != index) {
        throw new InvalidSnapshotException(
            file, "its header says index " + index + ", its milestone " + payload.index(), null);
      }
      if (importer != null) {
        importer.milestone(milestone, file);
      }
      int entryPointCount = in.readInt();
      if (entryPointCount < 0 || entryPointCount > MAX_ENTRY_POINTS) {
        throw new InvalidSnapshotException(file, "its entry point count is out of range", null);
      }
      Map<TransactionId, Integer> entryPoints = new TreeMap<>();
      for (int i = 0; i < entryPointCount; i++) {
        byte[] id = in.readNBytes(TransactionId.SIZE);
        if (id.length != TransactionId.SIZE) {
          throw new EOFException();
        }
        entryPoints.put(new TransactionId(id), in.readInt());
      }
      Map<MerkleKey, byte[]> frontier = readFrontier(in, payload, file);
      long count = 0;
      long amount = 0;
      OutputRef previous = null;
      int marker;
      while ((marker = in.readUnsignedByte()) == 1) {
        byte[] key = in.readNBytes(OutputRefCodec.SIZE);
        int length = in.readUnsignedShort();
        byte[] value = in.readNBytes(length);
        if (key.length != OutputRefCodec.SIZE || value.length != length) {
          throw new EOFException();
        }
        OutputRef ref = refCodec.decode(key);
        if (previous != null && previous.compareTo(ref) >= 0) {
          throw new InvalidSnapshotException(file, "its outputs are not in order", null);
        }
        previous = ref;
        Output output = outputCodec.decode(value);
        count++;
        amount = Math.addExact(amount, output.amount());
        if (importer != null) {
          importer.output(ref, output);
        }
      }
      if (marker != 0) {
        throw new InvalidSnapshotException(file, "an output entry has marker " + marker, null);
      }
      if (in.readLong() != count || in.readLong() != amount) {
        throw new InvalidSnapshotException(file, "its totals do not match its outputs", null);
      }
      byte[] computed = digest.finish();
      byte[] stored = buffered.readNBytes(32);
      if (stored.length != 32) {
        throw new EOFException();
      }
      if (buffered.read() != -1) {
        throw new InvalidSnapshotException(file, "it has bytes after its digest", null);
      }
      if (!Arrays.equals(computed, stored)) {
        throw new InvalidSnapshotException(
            file, "its BLAKE2b-256 digest does not match its content", null);
      }
      SnapshotInfo info =
          new SnapshotInfo(
              network,
              index,
              TransactionId.of(milestone),
              entryPoints.size(),
              count,
              amount,
              HexFormat.of().formatHex(computed));
      if (importer != null) {
        importer.finish(entryPoints, frontier);
      }
      return info;
    } catch (EOFException e) {
      throw new InvalidSnapshotException(file, "it ends too early (truncated)", e);
    } catch (org.tanglenode.storage.schema.CorruptValueException
        | IllegalArgumentException
        | ArithmeticException e) {
      throw new InvalidSnapshotException(file, "it holds an invalid entry: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new StorageException("cannot read the snapshot " + file + ": " + e, e);
    }
  }

  /**
   * Reads the history size and frontier, and checks them against the milestone: the same size, and
   * the frontier folds to the milestone's history root (so a damaged or foreign frontier is refused
   * before anything is written).
   */
  private Map<MerkleKey, byte[]> readFrontier(
      DataInputStream in, Payload.Milestone milestone, Path file) throws IOException {
    long size = in.readLong();
    if (size != milestone.historySize()) {
      throw new InvalidSnapshotException(
          file,
          "its history size " + size + " is not its milestone's " + milestone.historySize(),
          null);
    }
    Map<MerkleKey, byte[]> frontier = new LinkedHashMap<>();
    List<byte[]> hashes = new ArrayList<>();
    for (MerkleKey key : frontierKeys(size)) {
      byte[] hash = in.readNBytes(hasher.digestSize());
      if (hash.length != hasher.digestSize()) {
        throw new EOFException();
      }
      frontier.put(key, hash);
      hashes.add(hash);
    }
    byte[] root = hasher.emptyRoot();
    if (!hashes.isEmpty()) {
      root = hashes.get(hashes.size() - 1);
      for (int i = hashes.size() - 2; i >= 0; i--) {
        root = hasher.nodeHash(hashes.get(i), root);
      }
    }
    if (!MessageDigest.isEqual(root, milestone.historyRoot())) {
      throw new InvalidSnapshotException(
          file, "its history-tree frontier does not give its milestone's history root", null);
    }
    return frontier;
  }

  /** The perfect subtrees of the leaves [0, size), largest first (see the class comment). */
  static List<MerkleKey> frontierKeys(long size) {
    List<MerkleKey> keys = new ArrayList<>();
    long offset = 0;
    long rest = size;
    while (rest > 0) {
      long width = Long.highestOneBit(rest);
      int level = Long.numberOfTrailingZeros(width);
      keys.add(new MerkleKey(level, offset >> level));
      offset += width;
      rest -= width;
    }
    return keys;
  }

  private static Payload.Milestone milestonePayload(byte[] bytes, Path file) {
    ValidationResult decoded = new TransactionDecoder(MAX_TRANSACTION_BYTES).decode(bytes);
    if (decoded instanceof ValidationResult.Valid valid
        && valid.transaction().payload() instanceof Payload.Milestone milestone) {
      return milestone;
    }
    String why = "its milestone does not decode as a milestone: " + decoded;
    if (file == null) {
      throw new StorageException("the stored milestone transaction is damaged: " + decoded);
    }
    throw new InvalidSnapshotException(file, why, null);
  }

  /** Feeds every byte written through it to a digest. */
  private static final class DigestingOutput extends FilterOutputStream {
    private final Blake2b256Hasher digest;

    DigestingOutput(OutputStream out, Blake2b256Hasher digest) {
      super(out);
      this.digest = digest;
    }

    @Override
    public void write(int b) throws IOException {
      digest.update((byte) b);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      digest.update(b, off, len);
      out.write(b, off, len);
    }

    @Override
    public void close() {
      // the caller closes the underlying stream
    }
  }

  /** Feeds every byte read through it to a digest. */
  private static final class DigestingInput extends FilterInputStream {
    private final Blake2b256Hasher digest;

    DigestingInput(InputStream in, Blake2b256Hasher digest) {
      super(in);
      this.digest = digest;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        digest.update((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        digest.update(b, off, n);
      }
      return n;
    }
  }
}
