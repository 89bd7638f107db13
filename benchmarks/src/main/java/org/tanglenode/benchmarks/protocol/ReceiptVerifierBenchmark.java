package org.tanglenode.benchmarks.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tanglenode.benchmarks.BenchmarkBase;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.crypto.merkle.MerkleTree;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.protocol.receipt.Receipt;
import org.tanglenode.protocol.receipt.ReceiptFile;
import org.tanglenode.protocol.receipt.ReceiptVerdict;
import org.tanglenode.protocol.receipt.ReceiptVerifier;
import org.tanglenode.protocol.trust.GenesisTrust;

/**
 * Verifying one receipt file from its bytes, as {@code tangle verify} does after reading it: parse,
 * re-encode and compare, decode and check the milestone (one committee signature) and the ~300-byte
 * transaction (its signature), then the history path. {@code historySize} sets the path's length (4
 * hashes for 16 leaves, 20 for 2^20); the two signature checks dominate either way.
 */
@State(Scope.Thread)
public class ReceiptVerifierBenchmark extends BenchmarkBase {

  @Param({"16", "1048576"})
  int historySize;

  private ReceiptVerifier verifier;
  private byte[] receipt;

  @Setup
  public void setUp() {
    Ed25519PrivateKey key = SampleTransactions.issuer(SEED);
    Network network = SampleTransactions.network(0, key);
    byte[] txBytes =
        SampleTransactions.dataTransaction(
            network, key, SampleTransactions.TRANSACTION_BYTES, SEED);
    TransactionId id = TransactionId.of(txBytes);
    MerkleHasher hasher = MerkleHasher.blake2b256();
    Random random = new Random(SEED);
    int leaf = historySize / 2 + 1;
    List<byte[]> leafHashes = new ArrayList<>(historySize);
    for (int i = 0; i < historySize; i++) {
      byte[] other = new byte[TransactionId.SIZE];
      random.nextBytes(other);
      leafHashes.add(hasher.leafHash(i == leaf ? id.bytes() : other));
    }
    MerkleTree tree = MerkleTree.ofLeafHashes(hasher, leafHashes);
    byte[] root = tree.root();
    Transaction milestone =
        new TransactionBuilder(network.shortId())
            .parent(id)
            .issuer(key.publicKey())
            .timestampMs(SampleTransactions.GENESIS_TIME_MS + 120_000L)
            .payload(new Payload.Milestone(1, Optional.empty(), root, root, historySize))
            .build()
            .sign(key)
            .complete(0);
    receipt =
        ReceiptFile.encode(
            new Receipt(
                Receipt.VERSION,
                network.id(),
                txBytes,
                milestone.bytes(),
                leaf,
                tree.inclusionProof(leaf).hashes()));
    verifier = new ReceiptVerifier(new GenesisTrust(network));
    ReceiptVerdict verdict = verifier.verify(receipt);
    if (!verdict.isVerified()) {
      throw new IllegalStateException("the sample receipt does not verify: " + verdict);
    }
  }

  @Benchmark
  public ReceiptVerdict verify() {
    return verifier.verify(receipt);
  }
}
