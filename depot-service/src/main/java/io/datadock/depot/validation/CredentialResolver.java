package io.datadock.depot.validation;

import io.datadock.connectors.Credentials;

/** Reads a secret's values for one purpose on behalf of a depot that references it. */
@FunctionalInterface
public interface CredentialResolver {

  /**
   * @throws ResolutionException when the credentials cannot be had; its message says why and never
   *     holds a value
   */
  Credentials resolve(String secretKey, String purpose, String depotKey);

  /** A refused or failed resolution. */
  final class ResolutionException extends RuntimeException {
    public ResolutionException(String message) {
      super(message);
    }
  }
}
