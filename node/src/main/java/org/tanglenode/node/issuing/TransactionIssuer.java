package org.tanglenode.node.issuing;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.SignedTransaction;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Network;

/**
 * Turns a payload into a finished transaction of one network: parents, timestamp, the issuer's
 * signature, then proof of work on the given solver. Used by the CLI offline and by the node for
 * clients that let it complete their transactions.
 */
public final class TransactionIssuer {

  private final long networkShortId;
  private final int powDifficulty;
  private final Clock clock;
  private final PowSolver solver;

  public TransactionIssuer(Network network, Clock clock, PowSolver solver) {
    this(network.shortId(), network.genesis().powDifficulty(), clock, solver);
  }

  /**
   * An issuer for a network known only by what its nodes tell (the CLI without the genesis file):
   * the {@code network} field of its transactions and its proof-of-work difficulty.
   */
  public TransactionIssuer(long networkShortId, int powDifficulty, Clock clock, PowSolver solver) {
    this.networkShortId = networkShortId;
    this.powDifficulty = powDifficulty;
    this.clock = clock;
    this.solver = solver;
  }

  /** A signed transaction whose proof of work meets the network's difficulty. */
  public Transaction issue(
      Ed25519PrivateKey key, Collection<TransactionId> parents, Payload payload) {
    return issue(key, List.of(), parents, payload);
  }

  /**
   * A transaction signed by {@code key} and cosigned by each of {@code cosigners} (a committee's
   * members on a trust update), whose proof of work meets the network's difficulty.
   */
  public Transaction issue(
      Ed25519PrivateKey key,
      List<Ed25519PrivateKey> cosigners,
      Collection<TransactionId> parents,
      Payload payload) {
    SignedTransaction signed =
        new TransactionBuilder(networkShortId)
            .parents(parents)
            .issuer(key.publicKey())
            .timestampMs(clock.millis())
            .payload(payload)
            .build()
            .sign(key);
    for (Ed25519PrivateKey cosigner : cosigners) {
      signed.cosign(cosigner);
    }
    return signed.complete(solve(signed.essenceDigest()));
  }

  private long solve(byte[] essenceDigest) {
    if (powDifficulty == 0) {
      return 0;
    }
    try {
      return solver.solve(essenceDigest, powDifficulty).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while doing proof of work");
    } catch (ExecutionException e) {
      throw new IllegalStateException("proof of work failed", e.getCause());
    }
  }
}
