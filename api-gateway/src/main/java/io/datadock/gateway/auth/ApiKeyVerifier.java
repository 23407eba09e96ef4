package io.datadock.gateway.auth;

import io.datadock.runtime.identity.IdentityDirectory;
import java.util.List;
import java.util.Optional;

/**
 * API keys issued to users ({@code dda_...}), checked against the identity topics; falls back to
 * the bootstrap token. An OIDC/JWT verifier would be one more {@link TokenVerifier} in this list.
 */
public final class ApiKeyVerifier implements TokenVerifier {

  private final IdentityDirectory directory;
  private final List<TokenVerifier> others;

  public ApiKeyVerifier(IdentityDirectory directory, TokenVerifier... others) {
    this.directory = directory;
    this.others = List.of(others);
  }

  @Override
  public Optional<Caller> verify(String token) {
    Optional<Caller> key = directory.verify(token).map(Caller::of);
    if (key.isPresent()) {
      return key;
    }
    for (TokenVerifier other : others) {
      Optional<Caller> caller = other.verify(token);
      if (caller.isPresent()) {
        return caller;
      }
    }
    return Optional.empty();
  }
}
