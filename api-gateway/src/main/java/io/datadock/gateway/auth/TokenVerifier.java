package io.datadock.gateway.auth;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a bearer token into a caller. The one seam for authentication: API keys today, an OIDC/JWT
 * verifier tomorrow, behind the same method.
 */
public interface TokenVerifier {

  /** The caller the token stands for, or empty when the token is unknown, expired or revoked. */
  Optional<Caller> verify(String token);

  /**
   * As {@link #verify}, once this gateway has read every credential written before the call: for a
   * token {@link #verify} did not know, which another gateway may have issued a moment ago.
   */
  default CompletableFuture<Optional<Caller>> verifyLatest(String token) {
    return CompletableFuture.completedFuture(verify(token));
  }
}
