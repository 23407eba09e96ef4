package io.datadock.secret.lifecycle;

import io.datadock.core.crypto.SealingException;
import io.datadock.core.crypto.SecretPayloads;
import io.datadock.schemas.secret.SecretSpec;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Whether two specs of a secret are the same: same metadata and same plaintext. Sealed bytes differ
 * on every apply, so the stored payload is opened and compared in constant time; no digest of a
 * secret is ever stored.
 */
final class SpecComparison {

  private final PayloadOpener opener;

  SpecComparison(PayloadOpener opener) {
    this.opener = opener;
  }

  /**
   * @param incomingPlain the incoming spec's opened payload
   * @param aad the secret's associated data
   */
  boolean same(SecretSpec stored, SecretSpec incoming, byte[] incomingPlain, byte[] aad) {
    if (!sameMetadata(stored, incoming)) {
      return false;
    }
    try {
      return SecretPayloads.sameContent(opener.open(stored.getSealed(), aad), incomingPlain);
    } catch (SealingException e) {
      // The stored payload was sealed to a key that is gone: treat the apply as a change, which
      // re-seals the secret under a key we hold.
      return false;
    }
  }

  /** Whether the payload holds exactly the data and file keys the spec names. */
  static boolean keysMatch(SecretSpec spec, SecretPayloads.Decoded payload) {
    return new TreeSet<>(spec.getDataKeys()).equals(payload.data().keySet())
        && new TreeSet<>(spec.getFileKeys()).equals(payload.files().keySet());
  }

  private static boolean sameMetadata(SecretSpec stored, SecretSpec incoming) {
    return Objects.equals(stored.getSecretType(), incoming.getSecretType())
        && Objects.equals(stored.getAcl(), incoming.getAcl())
        && Objects.equals(stored.getDescription(), incoming.getDescription())
        && Objects.equals(stored.getTags(), incoming.getTags())
        && Objects.equals(stored.getOwner(), incoming.getOwner())
        && Objects.equals(stored.getLayer(), incoming.getLayer())
        && Objects.equals(stored.getManifestVersion(), incoming.getManifestVersion())
        && Objects.equals(stored.getDataKeys(), incoming.getDataKeys())
        && Objects.equals(stored.getFileKeys(), incoming.getFileKeys());
  }
}
