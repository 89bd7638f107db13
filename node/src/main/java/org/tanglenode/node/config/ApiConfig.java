package org.tanglenode.node.config;

import static org.tanglenode.node.config.ConfigException.check;

/** The {@code api} section: the HTTP server, its tokens and limits. See {@link Settings}. */
public record ApiConfig(
    boolean enabled,
    String bindHost,
    int port,
    String writeToken,
    String adminToken,
    String readToken,
    boolean readProtected,
    boolean openSubmit,
    long maxBodyBytes,
    int workerThreads,
    int workerQueue,
    int retryAfterSeconds,
    int maxPageSize,
    int maxMilestoneRange,
    int maxRecordScan,
    int powThreads,
    int eventBufferSize,
    int maxEventSubscribers,
    boolean dashboard) {

  public ApiConfig {
    check(!bindHost.isBlank(), "api.bindHost", "must not be empty");
    check(port >= 0 && port <= 65_535, "api.port", "must be 0 to 65535, not " + port);
    tokenShape("api.writeToken", writeToken);
    tokenShape("api.adminToken", adminToken);
    tokenShape("api.readToken", readToken);
    check(
        maxBodyBytes >= 1024 && maxBodyBytes <= 16 << 20,
        "api.maxBodyBytes",
        "must be 1024 to 16777216, not " + maxBodyBytes);
    check(workerThreads >= 1, "api.workerThreads", "must be at least 1");
    check(workerQueue >= 1, "api.workerQueue", "must be at least 1");
    check(retryAfterSeconds >= 1, "api.retryAfterSeconds", "must be at least 1");
    check(
        maxPageSize >= 1 && maxPageSize <= 10_000,
        "api.maxPageSize",
        "must be 1 to 10000, not " + maxPageSize);
    check(
        maxMilestoneRange >= 1 && maxMilestoneRange <= 1_000_000,
        "api.maxMilestoneRange",
        "must be 1 to 1000000, not " + maxMilestoneRange);
    check(
        maxRecordScan >= 1 && maxRecordScan <= 1_000_000,
        "api.maxRecordScan",
        "must be 1 to 1000000, not " + maxRecordScan);
    check(powThreads >= 1, "api.powThreads", "must be at least 1");
    check(eventBufferSize >= 1, "api.eventBufferSize", "must be at least 1");
    check(maxEventSubscribers >= 0, "api.maxEventSubscribers", "must not be negative");
  }

  private static void tokenShape(String key, String token) {
    check(
        token.isEmpty() || (token.length() >= 16 && token.chars().allMatch(c -> c > 32 && c < 127)),
        key,
        "must be empty (disabled) or at least 16 printable characters without spaces");
  }

  /** This section with another port (tests and devnets pick ports). */
  public ApiConfig withPort(int value) {
    return new ApiConfig(
        enabled,
        bindHost,
        value,
        writeToken,
        adminToken,
        readToken,
        readProtected,
        openSubmit,
        maxBodyBytes,
        workerThreads,
        workerQueue,
        retryAfterSeconds,
        maxPageSize,
        maxMilestoneRange,
        maxRecordScan,
        powThreads,
        eventBufferSize,
        maxEventSubscribers,
        dashboard);
  }
}
