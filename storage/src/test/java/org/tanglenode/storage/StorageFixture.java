package org.tanglenode.storage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Opens storage in a folder with small RocksDB settings fit for tests. */
final class StorageFixture {

  private StorageFixture() {}

  static StorageConfig config(Path directory) {
    return StorageConfig.defaults(directory)
        .withRocksDb(
            RocksDbSettings.defaults()
                .withBlockCacheBytes(8L << 20)
                .withWriteBufferBytes(4L << 20, 32L << 20));
  }

  static Storage open(Path directory) {
    return open(config(directory));
  }

  static Storage open(StorageConfig config) {
    return Storage.open(config, new SimpleMeterRegistry(), Clock.systemUTC());
  }

  static Storage openFast(Path directory) {
    return open(config(directory).withDurability(Durability.syncEvery(Duration.ofMillis(50))));
  }
}
