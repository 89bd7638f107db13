package org.tanglenode.gossip;

/** Who opened a connection: this node (outbound) or the peer (inbound). */
public enum Direction {
  INBOUND,
  OUTBOUND
}
