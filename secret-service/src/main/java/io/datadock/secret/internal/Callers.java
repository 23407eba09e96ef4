package io.datadock.secret.internal;

import io.datadock.core.identity.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who calls an internal endpoint, from its {@code Authorization} header: a configured bearer token
 * (a service, {@code service:<name>}, or the operator, {@code user:admin}), or a user's API key as
 * the identity directory verifies it.
 */
public final class Callers {

  /**
   * An identified caller.
   *
   * @param id {@code service:<name>} or {@code user:<id>}
   * @param user the verified user behind an API key, or null for a configured token
   */
  public record Caller(String id, Principal user) {}

  private final Map<String, String> tokens;
  private final Function<String, Optional<Principal>> apiKeys;

  /**
   * @param tokens bearer token → caller identity ({@code service:<name>} or {@code user:<id>})
   * @param apiKeys verifies a user's API key (the identity directory)
   */
  public Callers(Map<String, String> tokens, Function<String, Optional<Principal>> apiKeys) {
    this.tokens = Map.copyOf(tokens);
    this.apiKeys = apiKeys;
  }

  /**
   * The identity a configured bearer token stands for; empty when there is none or it is unknown.
   */
  public Optional<String> configured(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.ofNullable(tokens.get(authorization.substring(7).trim()));
  }

  /** A configured token first, else a user's API key; empty when neither is known. */
  public Optional<Caller> identify(String authorization) {
    Optional<String> configured = configured(authorization);
    if (configured.isPresent()) {
      return Optional.of(new Caller(configured.get(), null));
    }
    if (authorization == null || authorization.length() <= 7) {
      return Optional.empty();
    }
    return apiKeys
        .apply(authorization.substring(7).trim())
        .map(user -> new Caller("user:" + user.id(), user));
  }
}
