package io.datadock.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A secret-service public key (X25519, 32 raw bytes) with its id and creation time. Gateways seal
 * to the newest one.
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
}
