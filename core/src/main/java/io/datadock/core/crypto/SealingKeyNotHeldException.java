package io.datadock.core.crypto;

/**
 * A payload sealed to a key this ring does not hold: its private half was lost, retired, or never
 * here (a gateway sealing from a stale or wrong view of the announced keys). Unlike a tampered
 * payload, the data may be fine: sealed again to a current key, it opens.
 */
public final class SealingKeyNotHeldException extends SealingException {

  private final String keyId;

  public SealingKeyNotHeldException(String keyId) {
    super("no private key " + keyId + " to open the payload");
    this.keyId = keyId;
  }

  /** The id of the key the payload names; an id, never key material. */
  public String keyId() {
    return keyId;
  }
}
