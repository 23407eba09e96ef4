package io.datadock.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * A secret-service public key (X25519, 32 raw bytes) with its id and creation time. Gateways seal
 * to the newest one.
 *
 * <p>Equality compares the key bytes, not the array reference (a record's default would).
 */
public record RecipientKey(String keyId, byte[] publicKey, long createdAt) {

  /** {@code k-} and the first 16 hex digits of the key's SHA-256: stable and collision-safe. */
  public static String idOf(byte[] publicKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey);
      return "k-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@link #keyId} is the id of {@link #publicKey}, i.e. the pair was not mixed up. */
  public boolean idMatchesKey() {
    return publicKey != null && idOf(publicKey).equals(keyId);
  }

  /**
   * Whether a payload can be sealed to {@link #publicKey}: 32 bytes that HPKE's X25519 accepts (a
   * low-order point, whose shared secret would be all zeros, is refused). Costs one encapsulation.
   */
  public boolean acceptsSealing() {
    if (publicKey == null || publicKey.length != 32) {
      return false;
    }
    try {
      HPKE hpke = Hpke.suite();
      hpke.setupBaseS(hpke.deserializePublicKey(publicKey), Hpke.INFO);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecipientKey other
        && createdAt == other.createdAt
        && Objects.equals(keyId, other.keyId)
        && Arrays.equals(publicKey, other.publicKey);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Objects.hashCode(keyId) + Arrays.hashCode(publicKey))
        + Long.hashCode(createdAt);
  }

  @Override
  public String toString() {
    return "RecipientKey[" + keyId + ", createdAt=" + createdAt + "]";
  }
}
