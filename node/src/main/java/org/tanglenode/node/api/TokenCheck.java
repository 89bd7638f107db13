package org.tanglenode.node.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.tanglenode.node.config.ApiConfig;

/**
 * Checks the bearer token of a request ({@code Authorization: Bearer TOKEN}) against the tokens of
 * the configuration, in constant time. Missing token: 401; wrong token, or the endpoint's token is
 * not configured: 403.
 */
final class TokenCheck {

  private final ApiConfig config;

  TokenCheck(ApiConfig config) {
    this.config = config;
  }

  /** Throws an {@link ApiException} unless {@code authorization} grants {@code access}. */
  void check(Access access, String authorization) {
    switch (access) {
      case OPEN -> {}
      case READ -> {
        if (config.readProtected()) {
          require(
              authorization, "reads", config.readToken(), config.writeToken(), config.adminToken());
        }
      }
      case SUBMIT -> {
        if (!config.openSubmit()) {
          require(
              authorization, "writes (api.writeToken)", config.writeToken(), config.adminToken());
        }
      }
      case WRITE ->
          require(
              authorization, "writes (api.writeToken)", config.writeToken(), config.adminToken());
      case ADMIN -> require(authorization, "admin endpoints (api.adminToken)", config.adminToken());
    }
  }

  private static void require(String authorization, String what, String... tokens) {
    boolean anyConfigured = false;
    for (String token : tokens) {
      anyConfigured |= !token.isEmpty();
    }
    if (!anyConfigured) {
      throw new ApiException(
          403, "FORBIDDEN", "no token is configured for " + what + " on this node: disabled");
    }
    if (authorization == null || authorization.isBlank()) {
      throw new ApiException(
          401,
          "UNAUTHORIZED",
          "this endpoint needs a token: Authorization: Bearer TOKEN",
          Map.of("WWW-Authenticate", "Bearer"));
    }
    if (!authorization.startsWith("Bearer ")) {
      throw new ApiException(
          401,
          "UNAUTHORIZED",
          "the Authorization header must be: Bearer TOKEN",
          Map.of("WWW-Authenticate", "Bearer"));
    }
    byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    boolean match = false;
    for (String token : tokens) {
      if (!token.isEmpty()) {
        match |= MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!match) {
      throw new ApiException(403, "FORBIDDEN", "the token does not grant " + what);
    }
  }
}
