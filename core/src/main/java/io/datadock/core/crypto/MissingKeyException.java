package io.datadock.core.crypto;

/** secret-service has no private key to start with: a loud failure, never silent data loss. */
public final class MissingKeyException extends RuntimeException {
  public MissingKeyException(String message) {
    super(message);
  }
}
