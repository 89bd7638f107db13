package org.tanglenode.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RocksDbSettingsTest {

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Compression.class)
  void everyCompressionWritesAndReadsBack(Compression compression) {
    TransactionFixture fixture = new TransactionFixture(1);
    StorableTransaction tx = fixture.builder().dataSize(4096).build();
    StorageConfig config =
        StorageFixture.config(folder)
            .withRocksDb(
                StorageFixture.config(folder)
                    .rocksDb()
                    .withCompression(compression)
                    .withMaxOpenFiles(64));
    try (Storage storage = StorageFixture.open(config)) {
      storage.transactions().store(tx).join();
    }
    try (Storage storage = StorageFixture.open(config)) {
      assertThat(storage.transactions().transactionBytes(tx.id()))
          .hasValueSatisfying(b -> assertThat(b).isEqualTo(tx.bytes()));
    }
  }

  @Test
  void defaultsFitASmallServer() {
    RocksDbSettings defaults = RocksDbSettings.defaults();

    assertThat(defaults.blockCacheBytes() + defaults.totalWriteBufferBytes())
        .isLessThanOrEqualTo(512L << 20);
    assertThat(defaults.compression()).isEqualTo(Compression.LZ4);
    assertThat(defaults.backgroundJobs()).isEqualTo(2);
    assertThat(StorageConfig.defaults(folder).durability()).isEqualTo(Durability.syncEveryGroup());
  }

  @Test
  void nonsenseIsRefusedWhenConfigured() {
    assertThatThrownBy(() -> RocksDbSettings.defaults().withBlockCacheBytes(10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("block cache");
    assertThatThrownBy(() -> RocksDbSettings.defaults().withMaxOpenFiles(3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Durability.syncEvery(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StorageConfig.defaults(folder).withWriteQueueCapacity(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
