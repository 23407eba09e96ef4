package io.datadock.core.crypto;

/**
 * A payload could not be sealed or opened: unknown key, tampered ciphertext or wrong associated
 * data. The message names at most the key id, never plaintext or key material.
 */
public final class SealingException extends RuntimeException {
  public SealingException(String message) {
    super(message, null, false, false);
  }
}
