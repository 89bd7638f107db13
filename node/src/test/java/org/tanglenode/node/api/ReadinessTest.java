package org.tanglenode.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.tanglenode.gossip.SyncStatus;

class ReadinessTest {

  @Test
  void aStartedNodeSolidUpToWhatItsPeersKnowIsReady() {
    Readiness readiness = new Readiness(() -> true, () -> new SyncStatus(12, 12, 12, 2));

    assertThat(readiness.check())
        .containsEntry("status", "READY")
        .containsEntry("solidMilestone", 12)
        .containsEntry("peers", 2);
  }

  @Test
  void aNodeBehindItsPeersIsNotReady() {
    Readiness readiness = new Readiness(() -> true, () -> new SyncStatus(4, 3, 20, 1));

    ApiException refused = catchThrowableOfType(ApiException.class, readiness::check);

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.code()).isEqualTo("NOT_SYNCED");
    assertThat(refused.getMessage()).contains("17 milestones behind", "solid 3", "latest known 20");
  }

  @Test
  void aNodeThatStoredMilestonesItHasNotSolidifiedIsNotReady() {
    Readiness readiness = new Readiness(() -> true, () -> new SyncStatus(9, 7, 0, 0));

    assertThat(catchThrowableOfType(ApiException.class, readiness::check).code())
        .isEqualTo("NOT_SYNCED");
  }

  @Test
  void aNodeStartingOrStoppingIsNotReadyWhateverItsSync() {
    Readiness readiness = new Readiness(() -> false, () -> new SyncStatus(0, 0, 0, 0));

    assertThat(catchThrowableOfType(ApiException.class, readiness::check).code())
        .isEqualTo("NOT_READY");
  }
}
