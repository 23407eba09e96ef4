package io.datadock.core.crypto;

/**
 * A payload could not be sealed or opened: unknown key, tampered ciphertext or wrong associated
 * data. The message names at most the key id, never plaintext or key material.
 *
 * <p>No cause and no stack trace: a rejected payload is an expected outcome that secret-service
 * turns into a rejection event, anyone can trigger it, and a crypto library's cause adds nothing an
 * operator can act on.
 */
public class SealingException extends RuntimeException {
  public SealingException(String message) {
    super(message, null, false, false);
  }
}
