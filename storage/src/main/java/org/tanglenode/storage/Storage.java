package org.tanglenode.storage;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage module's factory and owner: opens the database, starts the transaction store, and
 * closes both in reverse order.
 */
public final class Storage implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Storage.class);

  private final TangleDatabase database;
  private final TransactionStore transactions;
  private final Snapshots snapshots;
  private final Pruner pruner;

  private Storage(TangleDatabase database, TransactionStore transactions, Snapshots snapshots) {
    this.database = database;
    this.transactions = transactions;
    this.snapshots = snapshots;
    this.pruner = new Pruner(transactions);
  }

  /**
   * Opens (or creates) the database in {@code config.directory()} and starts the writer.
   *
   * @throws DatabaseLockedException another process has the folder open
   * @throws DatabaseCorruptException the folder holds a damaged database or foreign files
   * @throws SchemaVersionMismatchException the database has another schema version
   * @throws StorageException any other fault of the disk or the database
   */
  public static Storage open(StorageConfig config, MeterRegistry registry, Clock clock) {
    TangleDatabase database = new TangleDatabase(config.directory(), config.rocksDb(), clock);
    TransactionStore transactions = new TransactionStore(database, config, clock, registry);
    database.start();
    try {
      transactions.start();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return new Storage(database, transactions, new Snapshots(database, transactions, clock));
  }

  public TransactionStore transactions() {
    return transactions;
  }

  /** Export and import of snapshot files. */
  public Snapshots snapshots() {
    return snapshots;
  }

  /** The database itself, for this package's tests that scan whole columns. */
  TangleDatabase database() {
    return database;
  }

  /** Pruning of old confirmed transactions (off unless called with a number to keep). */
  public Pruner pruner() {
    return pruner;
  }

  /** Commits queued writes, stops the writer, closes the database. Idempotent. */
  @Override
  public void close() {
    try {
      transactions.close();
    } catch (RuntimeException e) {
      LOG.error("Closing the transaction store failed", e);
    }
    try {
      database.close();
    } catch (RuntimeException e) {
      LOG.error("Closing the database failed", e);
    }
  }
}
