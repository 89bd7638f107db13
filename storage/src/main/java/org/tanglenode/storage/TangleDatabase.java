package org.tanglenode.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Filter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.storage.schema.Column;
import org.tanglenode.storage.schema.CorruptValueException;
import org.tanglenode.storage.schema.NodeStateKey;
import org.tanglenode.storage.schema.SchemaVersion;
import org.tanglenode.storage.schema.UInt32Codec;
import org.tanglenode.storage.schema.UInt64Codec;

/**
 * The RocksDB database: opening with its refusals, column handles, reads, batch writes and an
 * orderly close. Every use holds a read lock and {@link #close()} the write lock, so no native call
 * ever runs on a closed handle.
 */
final class TangleDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TangleDatabase.class);
  private static final String DEFAULT_FAMILY = "default";

  private final Path directory;
  private final RocksDbSettings settings;
  private final Clock clock;
  private final ServiceState state = new ServiceState("the storage database");
  private final ReentrantReadWriteLock useLock = new ReentrantReadWriteLock();
  private final UInt32Codec uint32 = new UInt32Codec();
  private final UInt64Codec uint64 = new UInt64Codec();

  /** Native objects to close after the database, in reverse order of creation. */
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();

  private final Map<Column, ColumnFamilyHandle> handles = new EnumMap<>(Column.class);
  private final List<ColumnFamilyHandle> allHandles = new ArrayList<>();
  private RocksDB db;
  private WriteOptions syncWrite;
  private WriteOptions asyncWrite;

  TangleDatabase(Path directory, RocksDbSettings settings, Clock clock) {
    this.directory = directory;
    this.settings = settings;
    this.clock = clock;
  }

  Path directory() {
    return directory;
  }

  /**
   * Opens the database, creating it in an absent or empty folder. Refuses, changing nothing, a
   * folder locked by another process ({@link DatabaseLockedException}), a damaged database or
   * foreign files ({@link DatabaseCorruptException}) and another schema version ({@link
   * SchemaVersionMismatchException}).
   */
  void start() {
    state.starting();
    RocksDB.loadLibrary();
    try {
      boolean fresh = prepareFolder();
      open(fresh);
      checkSchema(fresh);
      LOG.info("Opened the database in {} (schema version {})", directory, SchemaVersion.CURRENT);
    } catch (RuntimeException e) {
      releaseNative();
      state.closing();
      throw e;
    }
  }

  private boolean prepareFolder() {
    try {
      if (Files.exists(directory) && !Files.isDirectory(directory)) {
        throw new StorageException(
            directory + " is a file, not a folder: configure a folder for the database");
      }
      Files.createDirectories(directory);
      boolean empty;
      try (Stream<Path> entries = Files.list(directory)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !Files.exists(directory.resolve("CURRENT"))) {
        throw new DatabaseCorruptException(
            directory,
            "the folder holds files but no RocksDB CURRENT file (another program's files, or the"
                + " database lost its CURRENT file)",
            null);
      }
      return empty;
    } catch (IOException e) {
      throw new StorageException("cannot use the folder " + directory + ": " + e, e);
    }
  }

  private void open(boolean fresh) {
    List<String> existing = fresh ? List.of() : existingFamilies();
    if (!fresh && !existing.contains(Column.NODE_STATE.familyName())) {
      throw new DatabaseCorruptException(
          directory,
          "it is a RocksDB database without the column family '"
              + Column.NODE_STATE.familyName()
              + "' (families found: "
              + existing
              + ")",
          null);
    }
    Cache cache = track(new LRUCache(settings.blockCacheBytes()));
    Filter bloom = track(new BloomFilter(10));
    DBOptions options =
        track(
            new DBOptions()
                .setCreateIfMissing(fresh)
                .setCreateMissingColumnFamilies(fresh)
                .setErrorIfExists(fresh)
                .setParanoidChecks(true)
                .setMaxOpenFiles(settings.maxOpenFiles())
                .setMaxBackgroundJobs(settings.backgroundJobs())
                .setMaxTotalWalSize(4 * settings.totalWriteBufferBytes())
                .setKeepLogFileNum(5)
                .setWriteBufferManager(
                    track(new WriteBufferManager(settings.totalWriteBufferBytes(), cache))));

    List<String> names = new ArrayList<>();
    names.add(DEFAULT_FAMILY);
    for (Column column : Column.values()) {
      names.add(column.familyName());
    }
    for (String name : existing) {
      if (!names.contains(name)) {
        names.add(name); // a family of another schema version: opened so the version can be read
      }
    }
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    List<String> opened = new ArrayList<>();
    for (String name : names) {
      if (!fresh && !existing.contains(name)) {
        continue; // a missing family is reported by checkSchema, never created here
      }
      descriptors.add(
          new ColumnFamilyDescriptor(
              name.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
              columnOptions(columnNamed(name), cache, bloom)));
      opened.add(name);
    }
    try {
      db = RocksDB.open(options, directory.toString(), descriptors, allHandles);
    } catch (RocksDBException e) {
      throw translate("open", e);
    }
    for (int i = 0; i < opened.size(); i++) {
      Column column = columnNamed(opened.get(i));
      if (column != null) {
        handles.put(column, allHandles.get(i));
      }
    }
    syncWrite = track(new WriteOptions().setSync(true));
    asyncWrite = track(new WriteOptions().setSync(false));
  }

  private List<String> existingFamilies() {
    try (Options options = new Options()) {
      List<byte[]> raw = RocksDB.listColumnFamilies(options, directory.toString());
      List<String> names = new ArrayList<>(raw.size());
      for (byte[] name : raw) {
        names.add(new String(name, java.nio.charset.StandardCharsets.US_ASCII));
      }
      return names;
    } catch (RocksDBException e) {
      throw translate("read the column families of", e);
    }
  }

  private ColumnFamilyOptions columnOptions(Column column, Cache cache, Filter bloom) {
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(cache)
            .setFilterPolicy(bloom)
            .setCacheIndexAndFilterBlocks(true)
            .setPinL0FilterAndIndexBlocksInCache(true)
            .setBlockSize(16 * 1024);
    ColumnFamilyOptions options =
        track(new ColumnFamilyOptions())
            .setWriteBufferSize(settings.writeBufferBytes())
            .setMaxWriteBufferNumber(3)
            .setLevelCompactionDynamicLevelBytes(true)
            .setCompressionType(compressionType(settings.compression()))
            .setBottommostCompressionType(compressionType(settings.compression()));
    if (column != null && column.idPrefixed()) {
      options.useFixedLengthPrefixExtractor(org.tanglenode.protocol.TransactionId.SIZE);
      table.setWholeKeyFiltering(false);
    }
    if (column == Column.TRANSACTIONS) {
      // The writer asks for ids that are mostly absent (is this new? is that parent stored?): a
      // Bloom filter on the memtable answers those without a skip-list search.
      options.setMemtablePrefixBloomSizeRatio(0.05).setMemtableWholeKeyFiltering(true);
    }
    options.setTableFormatConfig(table);
    return options;
  }

  private static CompressionType compressionType(Compression compression) {
    return switch (compression) {
      case NONE -> CompressionType.NO_COMPRESSION;
      case LZ4 -> CompressionType.LZ4_COMPRESSION;
      case ZSTD -> CompressionType.ZSTD_COMPRESSION;
    };
  }

  private static Column columnNamed(String name) {
    for (Column column : Column.values()) {
      if (column.familyName().equals(name)) {
        return column;
      }
    }
    return null;
  }

  private void checkSchema(boolean fresh) {
    byte[] version = rawGet(Column.NODE_STATE, NodeStateKey.SCHEMA_VERSION.keyBytes());
    if (version == null) {
      if (fresh || allColumnsEmpty()) {
        // A new database, or one whose creation was interrupted before its first write.
        initialise();
        return;
      }
      throw new DatabaseCorruptException(directory, "it has data but no schema version", null);
    }
    int found;
    try {
      found = uint32.decode(version);
    } catch (CorruptValueException e) {
      throw new DatabaseCorruptException(
          directory, "its schema version is unreadable (" + e.getMessage() + ")", e);
    }
    if (found != SchemaVersion.CURRENT) {
      throw new SchemaVersionMismatchException(directory, found, SchemaVersion.CURRENT);
    }
    if (rawGet(Column.NODE_STATE, NodeStateKey.SNAPSHOT_IMPORT.keyBytes()) != null) {
      throw new DatabaseCorruptException(
          directory,
          "a snapshot import into it was interrupted, so it holds part of a ledger state (move the"
              + " folder aside and import the snapshot again into an empty folder)",
          null);
    }
    List<String> missing = new ArrayList<>();
    for (Column column : Column.values()) {
      if (!handles.containsKey(column)) {
        missing.add(column.familyName());
      }
    }
    if (!missing.isEmpty()) {
      throw new DatabaseCorruptException(
          directory, "the column families " + missing + " of its schema version are missing", null);
    }
  }

  private boolean allColumnsEmpty() {
    for (Column column : Column.values()) {
      if (handles.containsKey(column) && hasKeyWithPrefix(column, new byte[0])) {
        return false;
      }
    }
    return handles.size() == Column.values().length;
  }

  private void initialise() {
    try (WriteBatch batch = new WriteBatch()) {
      ColumnFamilyHandle nodeState = handle(Column.NODE_STATE);
      batch.put(nodeState, NodeStateKey.CREATED_AT_MS.keyBytes(), uint64.encode(clock.millis()));
      // Written last in the batch; the batch is atomic in any case.
      batch.put(
          nodeState, NodeStateKey.SCHEMA_VERSION.keyBytes(), uint32.encode(SchemaVersion.CURRENT));
      db.write(syncWrite, batch);
    } catch (RocksDBException e) {
      throw translate("initialise", e);
    }
    LOG.info("Created a new database in {}", directory);
  }

  // ---- use ----------------------------------------------------------------------------------

  /** Holds the database open for one call; release with {@link Lock#unlock()} in a finally. */
  private Lock use() {
    Lock lock = useLock.readLock();
    lock.lock();
    if (!state.running()) {
      lock.unlock();
      state.requireRunning();
    }
    return lock;
  }

  ColumnFamilyHandle handle(Column column) {
    return handles.get(column);
  }

  /** The value under {@code key}, or null. */
  byte[] get(Column column, byte[] key) {
    Lock lock = use();
    try {
      return rawGet(column, key);
    } finally {
      lock.unlock();
    }
  }

  private byte[] rawGet(Column column, byte[] key) {
    try {
      return db.get(handles.get(column), key);
    } catch (RocksDBException e) {
      throw translate("read from", e);
    }
  }

  /** Whether {@code key} is present; cheap when it is absent (Bloom filter). */
  boolean contains(Column column, byte[] key) {
    Lock lock = use();
    try {
      ColumnFamilyHandle handle = handles.get(column);
      if (!db.keyMayExist(handle, key, null)) {
        return false;
      }
      return db.get(handle, key) != null;
    } catch (RocksDBException e) {
      throw translate("read from", e);
    } finally {
      lock.unlock();
    }
  }

  /** Whether any key starts with {@code prefix}. */
  boolean hasKeyWithPrefix(Column column, byte[] prefix) {
    boolean[] found = new boolean[1];
    scan(
        column,
        prefix,
        prefix,
        (key, value) -> {
          found[0] = true;
          return false;
        });
    return found[0];
  }

  /** Which of {@code keys} are present, in one call. */
  boolean[] containsAll(Column column, List<byte[]> keys) {
    boolean[] out = new boolean[keys.size()];
    if (keys.isEmpty()) {
      return out;
    }
    Lock lock = use();
    try {
      List<ColumnFamilyHandle> columns =
          java.util.Collections.nCopies(keys.size(), handles.get(column));
      List<byte[]> values = db.multiGetAsList(columns, keys);
      for (int i = 0; i < out.length; i++) {
        out[i] = values.get(i) != null;
      }
      return out;
    } catch (RocksDBException e) {
      throw translate("read from", e);
    } finally {
      lock.unlock();
    }
  }

  /** Receives the entries of a scan in key order; returns false to stop. */
  interface Visitor {
    boolean visit(byte[] key, byte[] value);
  }

  /** Visits, in key order, the entries whose key starts with {@code prefix}, from {@code start}. */
  void scan(Column column, byte[] prefix, byte[] start, Visitor visitor) {
    Lock lock = use();
    try {
      rawScan(column, prefix, start, visitor, null);
    } finally {
      lock.unlock();
    }
  }

  /** A consistent view of the whole database as of one moment, for long reads such as exports. */
  interface View {
    byte[] get(Column column, byte[] key);

    void scan(Column column, byte[] prefix, byte[] start, Visitor visitor);
  }

  /** Runs {@code body} on a consistent view (a RocksDB snapshot); closing waits until it ends. */
  <T> T withView(java.util.function.Function<View, T> body) {
    Lock lock = use();
    org.rocksdb.Snapshot snapshot = db.getSnapshot();
    try (ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
      return body.apply(
          new View() {
            @Override
            public byte[] get(Column column, byte[] key) {
              try {
                return db.get(handles.get(column), read, key);
              } catch (RocksDBException e) {
                throw translate("read from", e);
              }
            }

            @Override
            public void scan(Column column, byte[] prefix, byte[] start, Visitor visitor) {
              rawScan(column, prefix, start, visitor, snapshot);
            }
          });
    } finally {
      db.releaseSnapshot(snapshot);
      lock.unlock();
    }
  }

  private void rawScan(
      Column column, byte[] prefix, byte[] start, Visitor visitor, org.rocksdb.Snapshot snapshot) {
    try (ReadOptions read = new ReadOptions()) {
      if (snapshot != null) {
        read.setSnapshot(snapshot);
      }
      if (column.idPrefixed() && prefix.length >= org.tanglenode.protocol.TransactionId.SIZE) {
        read.setPrefixSameAsStart(true);
      } else {
        read.setTotalOrderSeek(true);
      }
      try (RocksIterator it = db.newIterator(handles.get(column), read)) {
        it.seek(start);
        while (it.isValid()) {
          byte[] key = it.key();
          if (!startsWith(key, prefix) || !visitor.visit(key, it.value())) {
            break;
          }
          it.next();
        }
        it.status();
      }
    } catch (RocksDBException e) {
      throw translate("scan", e);
    }
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** Writes {@code batch} atomically; with {@code sync} the log is fsynced before returning. */
  void write(WriteBatch batch, boolean sync) {
    Lock lock = use();
    try {
      db.write(sync ? syncWrite : asyncWrite, batch);
    } catch (RocksDBException e) {
      throw translate("write to", e);
    } finally {
      lock.unlock();
    }
  }

  /** fsyncs the write-ahead log. */
  void syncLog() {
    Lock lock = use();
    try {
      db.flushWal(true);
    } catch (RocksDBException e) {
      throw translate("sync the log of", e);
    } finally {
      lock.unlock();
    }
  }

  /** A RocksDB property of one column, such as {@code rocksdb.estimate-num-keys}. */
  long longProperty(Column column, String property) {
    Lock lock = use();
    try {
      return db.getLongProperty(handles.get(column), property);
    } catch (RocksDBException e) {
      throw translate("read a property of", e);
    } finally {
      lock.unlock();
    }
  }

  // ---- errors and close ---------------------------------------------------------------------

  private StorageException translate(String action, RocksDBException e) {
    Status status = e.getStatus();
    Status.Code code = status == null ? null : status.getCode();
    String message = String.valueOf(e.getMessage());
    if (code == Status.Code.IOError && isLockMessage(message)) {
      return new DatabaseLockedException(directory, e);
    }
    if (code == Status.Code.Corruption) {
      return new DatabaseCorruptException(directory, "RocksDB reports: " + message, e);
    }
    if (code == Status.Code.InvalidArgument || code == Status.Code.NotSupported) {
      return new DatabaseCorruptException(
          directory, "RocksDB cannot " + action + " it: " + message, e);
    }
    return new StorageException(
        "cannot " + action + " the database in " + directory + ": " + message, e);
  }

  private static boolean isLockMessage(String message) {
    String lower = message.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("/lock") || lower.contains("lock file") || lower.contains("lock hold");
  }

  private <T extends AutoCloseable> T track(T resource) {
    resources.push(resource);
    return resource;
  }

  @Override
  public void close() {
    if (!state.closing()) {
      return;
    }
    Lock lock = useLock.writeLock();
    lock.lock();
    try {
      releaseNative();
    } finally {
      lock.unlock();
    }
    LOG.info("Closed the database in {}", directory);
  }

  private void releaseNative() {
    for (ColumnFamilyHandle handle : allHandles) {
      handle.close();
    }
    allHandles.clear();
    handles.clear();
    if (db != null) {
      try {
        db.syncWal();
      } catch (RocksDBException e) {
        LOG.warn("Could not sync the log of {} on close: {}", directory, e.getMessage());
      }
      try {
        db.closeE();
      } catch (RocksDBException e) {
        LOG.warn("Closing the database in {} reported: {}", directory, e.getMessage());
      }
      db = null;
    }
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        LOG.warn("Could not release a RocksDB resource: {}", e.toString());
      }
    }
  }
}
