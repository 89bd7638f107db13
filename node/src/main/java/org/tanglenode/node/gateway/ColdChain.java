package org.tanglenode.node.gateway;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.tanglenode.protocol.record.TrailEvent;

/** The cold-chain rules of the configuration, fed every stored reading. */
final class ColdChain {

  private ColdChain() {}

  static ReadingListener of(
      List<GatewayConfig.ColdChainRuleConfig> rules, Consumer<TrailEvent> trail, Clock clock) {
    if (rules.isEmpty()) {
      return ReadingListener.NONE;
    }
    throw new GatewayStartException("cold-chain rules are not supported yet", null);
  }
}
