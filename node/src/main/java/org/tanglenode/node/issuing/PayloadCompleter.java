package org.tanglenode.node.issuing;

import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.node.view.TipSource;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;

/**
 * Completes a payload sent by an authorised API caller into a transaction of the node: parents from
 * the {@link TipSource}, the node's signature, proof of work. Blocks while the proof of work runs
 * (call it on a worker thread).
 */
public final class PayloadCompleter {

  private final TransactionIssuer issuer;
  private final Ed25519PrivateKey nodeKey;
  private final TipSource tips;
  private final int parents;

  public PayloadCompleter(
      TransactionIssuer issuer, Ed25519PrivateKey nodeKey, TipSource tips, int parents) {
    this.issuer = issuer;
    this.nodeKey = nodeKey;
    this.tips = tips;
    this.parents = parents;
  }

  public Transaction complete(Payload payload) {
    return issuer.issue(nodeKey, tips.selectParents(parents), payload);
  }
}
