package org.tanglenode.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.tanglenode.crypto.pow.ProofOfWork;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.genesis.Network;

/**
 * Makes valid transactions for tests, deterministic given a seed: random parents, a data payload
 * and a signature by a key of {@link TestNetwork}, with proof of work when the network asks.
 */
public final class TestTransactions {

  private final Network network;
  private final Random random;

  public TestTransactions(Network network, long seed) {
    this.network = network;
    this.random = new Random(seed);
  }

  public TransactionId randomId() {
    byte[] id = new byte[TransactionId.SIZE];
    random.nextBytes(id);
    return new TransactionId(id);
  }

  /** A builder with random parents, a timestamp after genesis and the issuer of {@code key}. */
  public TransactionBuilder builder(Ed25519PrivateKey key) {
    List<TransactionId> parents = new ArrayList<>();
    int count = 1 + random.nextInt(TransactionValidator.MAX_PARENTS);
    for (int i = 0; i < count; i++) {
      parents.add(randomId());
    }
    return new TransactionBuilder(network.shortId())
        .parents(parents)
        .issuer(key.publicKey())
        .timestampMs(network.genesis().timestampMs() + random.nextInt(1_000_000));
  }

  /** A valid data transaction of up to {@code maxData} random bytes under a random tag. */
  public Transaction data(int maxData) {
    Ed25519PrivateKey key = TestNetwork.key(1 + random.nextInt(5));
    byte[] data = new byte[random.nextInt(maxData + 1)];
    random.nextBytes(data);
    Optional<Tag> tag =
        random.nextBoolean()
            ? Optional.of(Tag.of("trail-" + random.nextInt(100)))
            : Optional.empty();
    return complete(builder(key).payload(new Payload.Data(tag, data)).build().sign(key));
  }

  /** Completes {@code signed} with a nonce that meets the network's difficulty. */
  public Transaction complete(SignedTransaction signed) {
    int difficulty = network.genesis().powDifficulty();
    byte[] digest = signed.essenceDigest();
    long nonce = difficulty == 0 ? random.nextLong() : 0;
    while (!ProofOfWork.meets(digest, nonce, difficulty)) {
      nonce++;
    }
    return signed.complete(nonce);
  }
}
