package io.datadock.core.crypto;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * One key of a {@link KeyRing}: its public part, as gateways see it, and its X25519 pair.
 *
 * @param publicKey the id, public key bytes and creation time
 * @param pair the private key, which opens what was sealed to the public one
 */
record RingKey(RecipientKey publicKey, AsymmetricCipherKeyPair pair) {

  /**
   * A new key pair, created now or, if a key of the ring is as new, just after it: creation times
   * order the keys, so the newest is deterministic.
   *
   * @param newestCreatedAt the creation time of the ring's newest key, 0 for none
   */
  static RingKey generate(long newestCreatedAt) {
    HPKE hpke = Hpke.suite();
    AsymmetricCipherKeyPair pair = hpke.generatePrivateKey();
    byte[] publicKey = hpke.serializePublicKey(pair.getPublic());
    long createdAt = Math.max(System.currentTimeMillis(), newestCreatedAt + 1);
    return new RingKey(new RecipientKey(RecipientKey.idOf(publicKey), publicKey, createdAt), pair);
  }

  String keyId() {
    return publicKey.keyId();
  }

  /** The raw 32 bytes of the private key, for its key file only. */
  byte[] privateKeyBytes() {
    return Hpke.suite().serializePrivateKey(pair.getPrivate());
  }
}
