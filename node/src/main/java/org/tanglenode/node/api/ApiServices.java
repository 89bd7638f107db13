package org.tanglenode.node.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.Gossip;
import org.tanglenode.node.BuildInfo;
import org.tanglenode.node.audit.HistoryProofs;
import org.tanglenode.node.audit.ReceiptBuilder;
import org.tanglenode.node.events.EventHub;
import org.tanglenode.node.ingest.IngestPipeline;
import org.tanglenode.node.issuing.PayloadCompleter;
import org.tanglenode.node.view.LedgerView;
import org.tanglenode.node.view.MilestoneView;
import org.tanglenode.node.view.TipSource;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.storage.Snapshots;
import org.tanglenode.storage.TransactionStore;

/**
 * What the API reads and drives, as the node wired it: the solid {@link TipSource}, the {@link
 * MilestoneView} of the indexes consensus writes, and the {@link LedgerView} of consensus' ledger.
 *
 * @param build the version and git commit this node was built from
 * @param receipts makes receipt files of confirmed transactions
 * @param history makes consistency proofs between milestones
 * @param metrics the Prometheus registry to scrape, empty when metrics are off
 * @param confirmedTransactions transactions confirmed by milestones since the node started
 * @param ready whether the node is ready to serve (storage open, gossip started)
 * @param trust the node's trust chain as of its last confirmed milestone
 * @param snapshots exports snapshot files of the node's storage
 * @param snapshotFolder where an exported snapshot is written before it is sent (in the data
 *     folder)
 */
public record ApiServices(
    BuildInfo build,
    Network network,
    Ed25519PublicKey nodeKey,
    TransactionStore store,
    IngestPipeline ingest,
    Gossip gossip,
    TipSource tips,
    MilestoneView milestones,
    LedgerView ledger,
    EventHub events,
    PayloadCompleter completer,
    ReceiptBuilder receipts,
    HistoryProofs history,
    Optional<PrometheusMeterRegistry> metrics,
    LongSupplier confirmedTransactions,
    BooleanSupplier ready,
    Supplier<TrustChain> trust,
    Snapshots snapshots,
    Path snapshotFolder,
    Clock clock) {}
