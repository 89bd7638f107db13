package org.tanglenode.benchmarks.consensus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Allocation;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.protocol.genesis.Network;

/**
 * A network with one allocation and a cone of {@code size} new transactions on it, as one milestone
 * would confirm: each approves one of the 50 transactions before it and the oldest one nothing
 * approves yet, so a milestone approving the few left unapproved confirms all of them; every {@code
 * transferEvery}-th is a transfer that passes the allocation's tokens on (a chain of spends, each
 * signed), the rest are 64-byte data anchors. Built from a seed, so every run measures the same
 * bytes.
 */
final class ConeFixture {

  static final long T0 = 1_704_067_200_000L;

  final Network network;
  final List<Transaction> transactions = new ArrayList<>();
  final List<TransactionId> tips;

  ConeFixture(int size, int transferEvery, long seed) {
    Ed25519PrivateKey owner = key(1);
    Ed25519PrivateKey committee = key(101);
    byte[] ownerAddress = org.tanglenode.crypto.hash.Blake2b256.digest(owner.publicKey().bytes());
    Genesis genesis =
        new Genesis(
            "bench",
            "tst",
            0,
            1_000,
            T0,
            new Committee(List.of(committee.publicKey()), 1),
            Limits.DEFAULT,
            List.of(new Allocation(ownerAddress, 1_000_000)));
    network = GenesisFile.parse(GenesisFile.encode(genesis));
    Random random = new Random(seed);
    List<TransactionId> ids = new ArrayList<>();
    ids.add(network.rootId());
    OutputRef coins = new OutputRef(network.rootId(), 0);
    Ed25519PrivateKey writer = key(9);
    java.util.LinkedHashSet<TransactionId> unapproved = new java.util.LinkedHashSet<>();
    for (int i = 0; i < size; i++) {
      List<TransactionId> parents = new ArrayList<>();
      parents.add(ids.get(Math.max(0, ids.size() - 1 - random.nextInt(50))));
      parents.add(
          unapproved.isEmpty()
              ? ids.get(Math.max(0, ids.size() - 1 - random.nextInt(50)))
              : unapproved.iterator().next());
      Transaction tx;
      if (transferEvery > 0 && i % transferEvery == 0) {
        Output output = new Output(1_000_000, List.of(ownerAddress), 1, 0);
        tx =
            builder(owner, parents, i)
                .payload(new Payload.Transfer(List.of(coins), List.of(output), Optional.empty()))
                .build()
                .sign(owner)
                .complete(0);
        coins = new OutputRef(tx.id(), 0);
      } else {
        byte[] anchor = new byte[64];
        random.nextBytes(anchor);
        tx =
            builder(writer, parents, i)
                .payload(new Payload.Data(Optional.of(Tag.of("trail")), anchor))
                .build()
                .sign(writer)
                .complete(0);
      }
      transactions.add(tx);
      ids.add(tx.id());
      unapproved.removeAll(parents);
      unapproved.add(tx.id());
    }
    if (unapproved.size() > 8) {
      throw new IllegalStateException(unapproved.size() + " transactions are not approved");
    }
    tips = List.copyOf(unapproved);
  }

  /** The parents a milestone approves: the transactions nothing approves, at most 8. */
  List<TransactionId> milestoneParents() {
    return tips;
  }

  private TransactionBuilder builder(Ed25519PrivateKey key, List<TransactionId> parents, int i) {
    return new TransactionBuilder(network.shortId())
        .parents(parents)
        .issuer(key.publicKey())
        .timestampMs(T0 + 1_000 + i);
  }

  static Ed25519PrivateKey key(int n) {
    byte[] seed = new byte[32];
    java.util.Arrays.fill(seed, (byte) n);
    return Ed25519PrivateKey.fromSeed(seed);
  }

  static Path tempFolder() {
    try {
      return Files.createTempDirectory("bench-whiteflag");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
