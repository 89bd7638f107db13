package org.tanglenode.node;

import org.tanglenode.node.config.ApiConfig;

/** Variations of an {@link ApiConfig} for tests. */
final class ApiConfigs {

  private ApiConfigs() {}

  static ApiConfig disabled(ApiConfig api) {
    return new ApiConfig(
        false,
        api.bindHost(),
        api.port(),
        api.writeToken(),
        api.adminToken(),
        api.readToken(),
        api.readProtected(),
        api.openSubmit(),
        api.maxBodyBytes(),
        api.workerThreads(),
        api.workerQueue(),
        api.retryAfterSeconds(),
        api.maxPageSize(),
        api.maxMilestoneRange(),
        api.maxRecordScan(),
        api.powThreads(),
        api.eventBufferSize(),
        api.maxEventSubscribers(),
        api.dashboard());
  }
}
