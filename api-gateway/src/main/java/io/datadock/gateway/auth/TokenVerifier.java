package io.datadock.gateway.auth;

import java.util.Optional;

/**
 * Turns a bearer token into a caller. The one seam for authentication: API keys today, an OIDC/JWT
 * verifier tomorrow, behind the same method.
 */
public interface TokenVerifier {

  /** The caller the token stands for, or empty when the token is unknown, expired or revoked. */
  Optional<Caller> verify(String token);
}
