package io.datadock.depot.validation;

import io.datadock.connectors.Credentials;
import io.datadock.runtime.resolution.CredentialResolutionClient;
import io.datadock.runtime.resolution.CredentialResolutionClient.ResolutionException;

/** Reads a secret's values for one purpose on behalf of a depot that references it. */
@FunctionalInterface
public interface CredentialResolver {

  /**
   * @throws ResolutionException when the credentials cannot be had; its message says why and never
   *     holds a value
   */
  Credentials resolve(String secretKey, String purpose, String depotKey);

  /** Through secret-service's credential resolution: the secret's fields and its files. */
  static CredentialResolver of(CredentialResolutionClient client) {
    return (secret, purpose, depot) -> {
      CredentialResolutionClient.Resolved resolved =
          client.resolveWithFiles(secret, purpose, depot);
      return new Credentials(resolved.data(), resolved.files());
    };
  }
}
