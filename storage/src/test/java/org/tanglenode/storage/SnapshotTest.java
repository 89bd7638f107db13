package org.tanglenode.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.merkle.HistoryTree;
import org.tanglenode.crypto.merkle.InclusionProof;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.crypto.merkle.MerkleNode;
import org.tanglenode.crypto.merkle.MerkleNodeStore;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.schema.MerkleKey;

/** The ledger columns, and snapshot files exported from one database and imported into another. */
class SnapshotTest {

  private static final long NETWORK = 0x7461_6e67L;
  private static final MerkleHasher HASHER = MerkleHasher.blake2b256();

  @TempDir Path folder;
  private final TransactionFixture fixture = new TransactionFixture(21);
  private Storage storage;
  private TransactionStore store;

  // A small history: milestone 1 creates outputs a, b, c; milestone 2 spends a and creates d.
  private StorableTransaction m1;
  private StorableTransaction m2;
  private StorableTransaction spender;
  private final OutputRef a = ref(1, 0);
  private final OutputRef b = ref(1, 1);
  private final OutputRef c = ref(2, 0);
  private final OutputRef d = ref(3, 0);

  // The history tree: milestone 1 confirms leaves 0..4, milestone 2 leaves 5..10 (11 = 8 + 2 + 1,
  // so its frontier is three nodes). Leaves are the hashes of their index, as a stand-in.
  private final HistoryTree history = HistoryTree.inMemory(HASHER);
  private final List<MerkleNode> historyNodes = new ArrayList<>();

  @BeforeEach
  void buildHistory() {
    storage = StorageFixture.open(folder.resolve("source"));
    store = storage.transactions();
    appendLeaves(0, 5);
    m1 = fixture.builder().milestone(1).historySize(5).historyRoot(history.root()).build();
    spender = fixture.builder().parent(m1.id()).build();
    List<MerkleNode> firstNodes = List.copyOf(historyNodes);
    appendLeaves(5, 11);
    m2 =
        fixture
            .builder()
            .parent(spender.id())
            .milestone(2)
            .historySize(11)
            .historyRoot(history.root())
            .build();
    for (StorableTransaction tx : List.of(m1, spender, m2)) {
      store.store(tx).join();
    }
    StateUpdate.Builder first = StateUpdate.builder();
    StateUpdate.Builder second = StateUpdate.builder();
    for (MerkleNode node : historyNodes) {
      (firstNodes.contains(node) ? first : second)
          .putHistoryNode(new MerkleKey(node.level(), node.index()), node.hash());
    }
    apply(first.build());
    apply(second.build());
    apply(
        StateUpdate.builder()
            .createOutput(1, a, output(100))
            .createOutput(1, b, output(200))
            .createOutput(1, c, output(300))
            .addSolidEntryPoint(m1.id(), 1)
            .setMilestoneIndex(MilestoneKind.CONFIRMED, 1)
            .build());
    apply(
        StateUpdate.builder()
            .spendOutput(2, a, spender.id())
            .createOutput(2, d, output(100))
            .setMilestoneIndex(MilestoneKind.CONFIRMED, 2)
            .build());
  }

  /** Appends leaves [from, to) to the test's tree, remembering every node it completes. */
  private void appendLeaves(long from, long to) {
    for (long i = from; i < to; i++) {
      history.append(leaf(i));
    }
    historyNodes.clear();
    for (int level = 0; (1L << level) <= history.size(); level++) {
      for (long index = 0; (index + 1) << level <= history.size(); index++) {
        historyNodes.add(node(level, index));
      }
    }
  }

  private MerkleNode node(int level, long index) {
    // the root of the perfect subtree: the range hash of its leaves
    long width = 1L << level;
    HistoryTree part = HistoryTree.inMemory(HASHER);
    for (long i = index * width; i < (index + 1) * width; i++) {
      part.append(leaf(i));
    }
    return new MerkleNode(level, index, part.root());
  }

  private static byte[] leaf(long i) {
    return HASHER.leafHash(Long.toString(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Test
  void theLedgerKeepsUnspentSpentAndPerMilestoneDiffs() {
    assertThat(store.unspentOutput(a)).isEmpty();
    assertThat(store.unspentOutput(b)).contains(output(200));
    assertThat(store.unspentOutput(d)).contains(output(100));
    assertThat(store.spentOutput(a)).contains(new SpentOutput(a, output(100), spender.id(), 2));
    assertThat(store.ledgerDiff(1)).isEqualTo(new LedgerDiff(1, List.of(a, b, c), List.of()));
    assertThat(store.ledgerDiff(2)).isEqualTo(new LedgerDiff(2, List.of(d), List.of(a)));
  }

  @Test
  void spendingAnOutputThatIsNotUnspentWritesNothing() {
    UpdateOutcome outcome =
        apply(
            StateUpdate.builder()
                .spendOutput(3, b, spender.id())
                .spendOutput(3, a, spender.id()) // spent at milestone 2
                .build());

    assertThat(outcome).isEqualTo(new UpdateOutcome.UnknownOutputs(List.of(a)));
    assertThat(store.unspentOutput(b)).isPresent();

    UpdateOutcome twice =
        apply(
            StateUpdate.builder()
                .spendOutput(3, b, spender.id())
                .spendOutput(3, b, spender.id())
                .build());
    assertThat(twice.code()).isEqualTo(UpdateOutcome.Code.UNKNOWN_OUTPUTS);
    assertThat(store.unspentOutput(b)).isPresent();
  }

  @Test
  void aSnapshotAtTheConfirmedMilestoneRecreatesTheLedgerInAnEmptyDatabase() {
    Path file = folder.resolve("m2.snapshot");

    SnapshotInfo exported = storage.snapshots().export(2, NETWORK, file);

    assertThat(exported.outputs()).isEqualTo(3);
    assertThat(exported.totalAmount()).isEqualTo(600);
    assertThat(exported.milestoneId()).isEqualTo(m2.id());
    try (Storage target = StorageFixture.open(folder.resolve("target"))) {
      SnapshotInfo imported = target.snapshots().importFrom(file, NETWORK);
      TransactionStore restored = target.transactions();

      assertThat(imported).isEqualTo(exported);
      assertThat(restored.unspentOutput(a)).isEmpty();
      assertThat(restored.unspentOutput(b)).contains(output(200));
      assertThat(restored.unspentOutput(c)).contains(output(300));
      assertThat(restored.unspentOutput(d)).contains(output(100));
      assertThat(restored.milestone(2)).contains(m2.id());
      assertThat(restored.transactionBytes(m2.id()))
          .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(m2.bytes()));
      RestartState state = restored.restartState();
      assertThat(state.latestMilestone()).isEqualTo(2);
      assertThat(state.solidMilestone()).isEqualTo(2);
      assertThat(state.confirmedMilestone()).isEqualTo(2);
      assertThat(state.solidEntryPoints()).isEqualTo(Map.of(m1.id(), 1, m2.id(), 2));
      assertThat(restored.metadata(m2.id()).orElseThrow().referencedByMilestone()).hasValue(2);
    }
  }

  @Test
  void aSnapshotCarriesTheHistoryFrontierSoLaterLeavesGetReceipts() {
    Path file = folder.resolve("m2.snapshot");
    storage.snapshots().export(2, NETWORK, file);

    try (Storage target = StorageFixture.open(folder.resolve("target"))) {
      target.snapshots().importFrom(file, NETWORK);
      TransactionStore restored = target.transactions();
      // 11 = 8 + 2 + 1: the three perfect subtrees left of the next leaf, and nothing finer.
      assertThat(restored.historyNode(new MerkleKey(3, 0))).isPresent();
      assertThat(restored.historyNode(new MerkleKey(1, 4))).isPresent();
      assertThat(restored.historyNode(new MerkleKey(0, 10))).isPresent();
      assertThat(restored.historyNode(new MerkleKey(0, 3))).isEmpty();

      // The imported node continues the tree with the records confirmed after the snapshot ...
      HistoryTree continued = new HistoryTree(HASHER, new OverStore(restored, 11));
      assertThat(continued.root()).isEqualTo(history.root(11));
      for (long i = 11; i < 23; i++) {
        continued.append(leaf(i));
        history.append(leaf(i));
      }
      // ... to the same roots as a node that kept everything, and proves any later leaf.
      assertThat(continued.root()).isEqualTo(history.root());
      for (long leaf = 11; leaf < 23; leaf++) {
        InclusionProof proof = continued.inclusionProof(leaf, 23);
        assertThat(proof).isEqualTo(history.inclusionProof(leaf, 23));
        assertThat(proof.verify(HASHER, leaf(leaf), history.root()).isAccepted()).isTrue();
      }
      assertThatThrownBy(() -> continued.inclusionProof(3, 23))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("lacks node");
    }
  }

  @Test
  void aFrontierThatDoesNotGiveTheMilestonesHistoryRootIsRefused() throws Exception {
    Path file = folder.resolve("m2.snapshot");
    storage.snapshots().export(2, NETWORK, file);
    byte[] bytes = Files.readAllBytes(file);
    // header 36, milestone (4 + L), entry points (4 + 36 N), history size 8, then the frontier
    int milestoneLength = java.nio.ByteBuffer.wrap(bytes, 32, 4).getInt();
    int entryPoints = java.nio.ByteBuffer.wrap(bytes, 36 + milestoneLength, 4).getInt();
    int frontier = 36 + milestoneLength + 4 + 36 * entryPoints + 8;
    bytes[frontier + 5] ^= 1;
    // A correct digest over the changed bytes: only the root check can catch it.
    byte[] digest =
        new org.tanglenode.crypto.hash.Blake2b256Hasher()
            .update(bytes, 0, bytes.length - 32)
            .finish();
    System.arraycopy(digest, 0, bytes, bytes.length - 32, 32);
    Files.write(file, bytes);

    try (Storage target = StorageFixture.open(folder.resolve("target"))) {
      assertThatThrownBy(() -> target.snapshots().importFrom(file, NETWORK))
          .isInstanceOf(InvalidSnapshotException.class)
          .hasMessageContaining("frontier does not give its milestone's history root");
      assertThat(target.transactions().transactionCount()).isZero();
    }
  }

  /** The history tree of an imported database, with later appends on the heap. */
  private static final class OverStore implements MerkleNodeStore {
    private final TransactionStore store;
    private final Map<MerkleKey, byte[]> appended = new HashMap<>();
    private long size;

    OverStore(TransactionStore store, long size) {
      this.store = store;
      this.size = size;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public java.util.Optional<byte[]> get(int level, long index) {
      java.util.Optional<byte[]> stored = store.historyNode(new MerkleKey(level, index));
      return stored.isPresent()
          ? stored
          : java.util.Optional.ofNullable(appended.get(new MerkleKey(level, index)));
    }

    @Override
    public void append(long newSize, List<MerkleNode> nodes) {
      nodes.forEach(node -> appended.put(new MerkleKey(node.level(), node.index()), node.hash()));
      size = newSize;
    }
  }

  @Test
  void aSnapshotAtAnEarlierMilestoneUndoesTheLaterDiffs() {
    Path file = folder.resolve("m1.snapshot");

    SnapshotInfo exported = storage.snapshots().export(1, NETWORK, file);

    assertThat(exported.outputs()).isEqualTo(3);
    try (Storage target = StorageFixture.open(folder.resolve("target"))) {
      target.snapshots().importFrom(file, NETWORK);
      TransactionStore restored = target.transactions();
      assertThat(restored.unspentOutput(a)).contains(output(100)); // spent only at 2
      assertThat(restored.unspentOutput(d)).isEmpty(); // created only at 2
      assertThat(restored.restartState().confirmedMilestone()).isEqualTo(1);
    }
  }

  @Test
  void exportingTwiceGivesTheSameLedgerBytes() throws Exception {
    Path first = folder.resolve("1.snapshot");
    Path second = folder.resolve("2.snapshot");
    SnapshotInfo one = storage.snapshots().export(2, NETWORK, first);
    SnapshotInfo two = storage.snapshots().export(2, NETWORK, second);

    assertThat(storage.snapshots().verify(first)).isEqualTo(one);
    // Only the creation time (8 bytes after the index) and so the digest may differ.
    byte[] x = Files.readAllBytes(first);
    byte[] y = Files.readAllBytes(second);
    assertThat(Arrays.copyOfRange(x, 32, x.length - 32))
        .isEqualTo(Arrays.copyOfRange(y, 32, y.length - 32));
    assertThat(two.outputs()).isEqualTo(one.outputs());
  }

  @Test
  void aDamagedSnapshotImportsNothing() throws Exception {
    Path file = folder.resolve("m2.snapshot");
    storage.snapshots().export(2, NETWORK, file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 60] ^= 1; // inside the outputs
    Files.write(file, bytes);

    try (Storage target = StorageFixture.open(folder.resolve("target"))) {
      assertThatThrownBy(() -> target.snapshots().importFrom(file, NETWORK))
          .isInstanceOf(InvalidSnapshotException.class)
          .hasMessageContaining("Nothing was imported");
      assertThat(target.transactions().transactionCount()).isZero();
      assertThat(target.transactions().unspentOutput(b)).isEmpty();
    }
  }

  @Test
  void aTruncatedSnapshotIsRefused() throws Exception {
    Path file = folder.resolve("m2.snapshot");
    storage.snapshots().export(2, NETWORK, file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 40));

    assertThatThrownBy(() -> storage.snapshots().verify(file))
        .isInstanceOf(InvalidSnapshotException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void aSnapshotOfAnotherNetworkIsRefused() {
    Path file = folder.resolve("m2.snapshot");
    storage.snapshots().export(2, NETWORK, file);

    try (Storage target = StorageFixture.open(folder.resolve("target"))) {
      assertThatThrownBy(() -> target.snapshots().importFrom(file, NETWORK + 1))
          .isInstanceOf(InvalidSnapshotException.class)
          .hasMessageContaining("network");
    }
  }

  @Test
  void importRefusesADatabaseThatHasData() {
    Path file = folder.resolve("m2.snapshot");
    storage.snapshots().export(2, NETWORK, file);

    assertThatThrownBy(() -> storage.snapshots().importFrom(file, NETWORK))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("empty database only");
  }

  @Test
  void exportNeedsAConfirmedMilestone() {
    assertThatThrownBy(() -> storage.snapshots().export(3, NETWORK, folder.resolve("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1..2");
    assertThat(folder.resolve("x")).doesNotExist();
  }

  @Test
  void aDatabaseLeftByAnInterruptedImportIsRefused() {
    Path target = folder.resolve("target");
    try (Storage half = StorageFixture.open(target)) {
      half.transactions().update(StateUpdate.builder().snapshotImportMark(2).build()).join();
    }

    assertThatThrownBy(() -> StorageFixture.open(target))
        .isInstanceOf(DatabaseCorruptException.class)
        .hasMessageContaining("snapshot import into it was interrupted");
  }

  private UpdateOutcome apply(StateUpdate update) {
    return store.update(update).join();
  }

  private static OutputRef ref(int fill, int index) {
    byte[] id = new byte[32];
    Arrays.fill(id, (byte) fill);
    return new OutputRef(new TransactionId(id), index);
  }

  private static Output output(long amount) {
    byte[] address = new byte[32];
    address[0] = (byte) amount;
    return new Output(amount, List.of(address), 1, 0);
  }
}
