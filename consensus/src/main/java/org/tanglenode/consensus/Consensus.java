package org.tanglenode.consensus;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.consensus.confirmation.ConfirmationService;
import org.tanglenode.consensus.confirmation.MilestoneConfirmer;
import org.tanglenode.consensus.ledger.Ledger;
import org.tanglenode.consensus.milestone.Coordinator;
import org.tanglenode.consensus.milestone.MilestoneValidator;
import org.tanglenode.consensus.milestone.ParentSource;
import org.tanglenode.consensus.milestone.SignatureVerdicts;
import org.tanglenode.consensus.milestone.TransactionSubmitter;
import org.tanglenode.consensus.solidification.MissingTransactionRequester;
import org.tanglenode.consensus.solidification.Solidifier;
import org.tanglenode.consensus.solidification.SolidifierConfig;
import org.tanglenode.consensus.solidification.StoredSolidity;
import org.tanglenode.consensus.trust.ConfirmedTrust;
import org.tanglenode.consensus.trust.DeferredMilestones;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.storage.TransactionStore;

/**
 * The module's factory and owner: builds the ledger, the confirmer, the confirmation service and
 * the solidifier over one {@link TransactionStore}, wires the solidifier's events to the
 * confirmation service, starts them in that order and closes them in reverse. The node offers each
 * stored transaction to {@link #solidifier()}, asks {@link #milestoneGate()} before storing a
 * milestone as the milestone of its index, and may add a {@link #coordinator}.
 */
public final class Consensus implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Consensus.class);

  private final ConfirmedTrust trust;
  private final Network network;
  private final TransactionStore store;
  private final MeterRegistry registry;
  private final Clock clock;
  private final Ledger ledger;
  private final MilestoneConfirmer confirmer;
  private final ConfirmationService confirmation;
  private final Solidifier solidifier;
  private final MilestoneValidator validator;
  private final DeferredMilestones milestoneGate;
  private final SignatureVerdicts verdicts;

  private Consensus(
      ConfirmedTrust trust,
      DeferredMilestones milestoneGate,
      TransactionStore store,
      MeterRegistry registry,
      Clock clock,
      Ledger ledger,
      MilestoneConfirmer confirmer,
      ConfirmationService confirmation,
      Solidifier solidifier,
      SignatureVerdicts verdicts) {
    this.trust = trust;
    this.network = trust.network();
    this.store = store;
    this.registry = registry;
    this.clock = clock;
    this.ledger = ledger;
    this.confirmer = confirmer;
    this.confirmation = confirmation;
    this.solidifier = solidifier;
    this.validator = new MilestoneValidator(trust, verdicts);
    this.verdicts = verdicts;
    this.milestoneGate = milestoneGate;
  }

  /**
   * Builds the services for a network whose genesis file is in the stable encoding (devnets,
   * tests); see {@code TrustChain.ofNetwork}.
   */
  public static Consensus create(
      Network network,
      TransactionStore store,
      SolidifierConfig solidifierConfig,
      MissingTransactionRequester requester,
      MeterRegistry registry,
      Clock clock) {
    return create(
        TrustChain.ofNetwork(network),
        DeferredMilestones.DEFAULT_CAPACITY,
        store,
        solidifierConfig,
        requester,
        registry,
        clock);
  }

  /**
   * Builds the services; nothing runs until {@link #start()}. {@code genesis} is the trust chain of
   * the network's genesis file; the updates confirmed so far are loaded from the store at start.
   * {@code deferredMilestones} bounds the milestones {@link #milestoneGate()} keeps.
   */
  public static Consensus create(
      TrustChain genesis,
      int deferredMilestones,
      TransactionStore store,
      SolidifierConfig solidifierConfig,
      MissingTransactionRequester requester,
      MeterRegistry registry,
      Clock clock) {
    Objects.requireNonNull(genesis, "genesis");
    Objects.requireNonNull(store, "store");
    Network network = genesis.network();
    ConfirmedTrust trust = new ConfirmedTrust(genesis);
    Ledger ledger = new Ledger(network, store);
    // One set of signature verdicts for the gate, the confirmer and the node's validator: each
    // milestone's committee signatures are verified once per node.
    SignatureVerdicts verdicts = new SignatureVerdicts(SignatureVerdicts.DEFAULT_CAPACITY);
    DeferredMilestones milestoneGate =
        new DeferredMilestones(trust, store, deferredMilestones, verdicts);
    MilestoneConfirmer confirmer =
        new MilestoneConfirmer(
            trust, milestoneGate, verdicts, store, ledger, store::update, registry);
    ConfirmationService confirmation =
        new ConfirmationService(
            confirmer, Duration.ofMillis(network.genesis().milestoneIntervalMs()));
    Solidifier solidifier =
        new Solidifier(
            solidifierConfig,
            new StoredSolidity(
                store, network.rootId(), store.restartState().solidEntryPoints().keySet()),
            requester,
            registry,
            clock);
    return new Consensus(
        trust,
        milestoneGate,
        store,
        registry,
        clock,
        ledger,
        confirmer,
        confirmation,
        solidifier,
        verdicts);
  }

  /** Ledger (genesis outputs, address index), confirmer, confirmation thread, solidifier. */
  public void start() {
    ledger.start();
    confirmer.addListener(milestoneGate);
    confirmer.start();
    confirmation.start();
    solidifier.addListener(ids -> confirmation.trigger());
    solidifier.start();
    confirmation.trigger();
  }

  /** A coordinator over this node's confirmer; the caller starts and closes it. */
  public Coordinator coordinator(
      List<Ed25519PrivateKey> committeeKeys,
      ParentSource parents,
      TransactionSubmitter submitter,
      ScheduledExecutorService scheduler) {
    return new Coordinator(
        trust, committeeKeys, parents, confirmer, submitter, scheduler, clock, registry);
  }

  /** The committee and issuers per milestone index, grown by confirmed trust updates. */
  public ConfirmedTrust trust() {
    return trust;
  }

  public Solidifier solidifier() {
    return solidifier;
  }

  public MilestoneConfirmer confirmer() {
    return confirmer;
  }

  public Ledger ledger() {
    return ledger;
  }

  /** The signature verdicts the gate, the confirmer and {@link #validator()} share. */
  public SignatureVerdicts signatureVerdicts() {
    return verdicts;
  }

  public MilestoneValidator validator() {
    return validator;
  }

  /**
   * What decides whether a stored milestone is indexed as the milestone of its index: the committee
   * signature check, with milestones of a committee not known yet kept for a later check.
   */
  public DeferredMilestones milestoneGate() {
    return milestoneGate;
  }

  /** Closes the solidifier, then the confirmation thread. Idempotent; storage is the caller's. */
  @Override
  public void close() {
    try {
      solidifier.close();
    } catch (RuntimeException e) {
      LOG.error("Closing the solidifier failed", e);
    }
    try {
      confirmation.close();
    } catch (RuntimeException e) {
      LOG.error("Closing the confirmation service failed", e);
    }
  }
}
