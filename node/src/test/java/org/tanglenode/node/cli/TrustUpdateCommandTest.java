package org.tanglenode.node.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.trust.TrustChain;

class TrustUpdateCommandTest {

  @Test
  void anEffectiveIndexAtOrJustAfterTheConfirmedOneIsTooEarly() {
    assertThatThrownBy(() -> TrustUpdateCommand.checkEffective(40, 40))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("too early");
    assertThatThrownBy(() -> TrustUpdateCommand.checkEffective(41, 40))
        .hasMessageContaining("too early");
    assertThatCode(() -> TrustUpdateCommand.checkEffective(45, 40)).doesNotThrowAnyException();
  }

  @Test
  void anEffectiveIndexBeyondTheLeadIsRefusedAsNodesWouldIgnoreIt() {
    assertThatThrownBy(() -> TrustUpdateCommand.checkEffective(Integer.MAX_VALUE, 40))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("MAX_LEAD");
    assertThatCode(() -> TrustUpdateCommand.checkEffective(40 + TrustChain.MAX_LEAD, 40))
        .doesNotThrowAnyException();
  }
}
