package io.datadock.gateway.auth;

import io.datadock.runtime.identity.IdentityDirectory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * API keys issued to users ({@code dda_...}), checked against the identity topics; falls back to
 * the bootstrap token. An OIDC/JWT verifier would be one more {@link TokenVerifier} in this list.
 */
public final class ApiKeyVerifier implements TokenVerifier {

  /** How long a token of a key not yet read waits for the directory; then it is refused. */
  static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(5);

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

  /**
   * A key issued on another gateway works here only once this gateway's directory has read it,
   * milliseconds later: a client that issues a key and uses it at once, behind a load balancer, was
   * refused. A token naming a key this directory has not read waits for the directory to reach the
   * end of the identity topics (one request for every token waiting at that moment), then is
   * verified again. A key already read, revoked or not, is decided at once.
   */
  @Override
  public CompletableFuture<Optional<Caller>> verifyLatest(String token) {
    if (!directory.mayNotHaveRead(token)) {
      return CompletableFuture.completedFuture(verify(token));
    }
    return directory
        .sync()
        .orTimeout(CATCH_UP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .handle((synced, failed) -> verify(token));
  }
}
