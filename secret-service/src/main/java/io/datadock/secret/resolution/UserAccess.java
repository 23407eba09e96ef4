package io.datadock.secret.resolution;

import io.datadock.core.identity.Principal;
import java.util.Optional;

/**
 * Whether a user (an API key, not a service) may resolve a secret: a member of the secret's tenant
 * holding {@code read-secret}, or {@code unsanitize-resource} to unsanitize.
 */
public final class UserAccess {

  private UserAccess() {}

  /**
   * Why {@code user} may not resolve the secret {@code key} for {@code purpose}; empty if it may.
   */
  public static Optional<String> refusal(Principal user, String key, Purpose purpose) {
    String tenant = key.contains("/") ? key.substring(0, key.indexOf('/')) : "";
    if (!user.memberOf(tenant)) {
      return Optional.of("forbidden: user is not a member of tenant '" + tenant + "'");
    }
    if (purpose == Purpose.UNSANITIZE) {
      return user.may(Principal.UNSANITIZE)
          ? Optional.empty()
          : Optional.of("forbidden: user does not have use-case unsanitize-resource");
    }
    return user.may(Principal.READ_SECRET)
        ? Optional.empty()
        : Optional.of("forbidden: user does not have use-case read-secret");
  }
}
