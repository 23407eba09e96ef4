package io.datadock.core.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key-signing public key a gateway trusts, as its fingerprint: {@code sha256:} and the hex
 * SHA-256 of the X.509-encoded public key. Configured as the fingerprint itself, or as a file that
 * holds it or the public key in PEM (the {@code .pub} file {@code NewSigningKey} writes).
 */
public final class TrustAnchor {

  private static final String PREFIX = "sha256:";
  private static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{64}");

  private final String fingerprint;

  private TrustAnchor(String fingerprint) {
    this.fingerprint = fingerprint;
  }

  /**
   * @param value a fingerprint, or the path of a file holding one or a PEM public key
   * @throws IllegalArgumentException saying what is wrong with the value
   */
  public static TrustAnchor of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "required: the fingerprint (sha256:<hex>) of secret-service's key-signing public key, or"
              + " a file holding it or the public key; unsigned sealing keys are not trusted");
    }
    String text = value.trim();
    if (text.startsWith(PREFIX)) {
      return fingerprint(text).orElseThrow(() -> notAFingerprint(text));
    }
    return fromFile(text);
  }

  public static TrustAnchor trusting(SigningKey key) {
    return new TrustAnchor(key.fingerprint());
  }

  /** {@code sha256:<hex>} of an X.509-encoded public key. */
  public static String fingerprintOf(byte[] publicKey) {
    try {
      return PREFIX
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  public String fingerprint() {
    return fingerprint;
  }

  /** Whether a signature by {@code signer} (X.509-encoded) is a signature this anchor trusts. */
  public boolean trusts(byte[] signer) {
    return MessageDigest.isEqual(
        fingerprint.getBytes(StandardCharsets.US_ASCII),
        fingerprintOf(signer).getBytes(StandardCharsets.US_ASCII));
  }

  /** Whether {@code signature} is {@code publicKey}'s Ed25519 signature of {@code message}. */
  static boolean verifies(byte[] publicKey, byte[] message, byte[] signature) {
    try {
      PublicKey key =
          KeyFactory.getInstance(SigningKey.ALGORITHM)
              .generatePublic(new X509EncodedKeySpec(publicKey));
      Signature verifier = Signature.getInstance(SigningKey.ALGORITHM);
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static TrustAnchor fromFile(String text) {
    Path file;
    try {
      file = Path.of(text);
    } catch (InvalidPathException e) {
      throw notAFingerprint(text);
    }
    String content;
    try {
      content = Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "neither a fingerprint (sha256:<hex>) nor a readable file: " + text);
    }
    Optional<TrustAnchor> fromPem =
        Pem.read(content, Pem.PUBLIC_KEY).map(der -> new TrustAnchor(fingerprintOf(der)));
    return fromPem
        .or(() -> fingerprint(content))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the file "
                        + text
                        + " holds neither a PEM PUBLIC KEY nor a fingerprint (sha256:<hex>)"));
  }

  private static Optional<TrustAnchor> fingerprint(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    return FINGERPRINT.matcher(lower).matches()
        ? Optional.of(new TrustAnchor(lower))
        : Optional.empty();
  }

  private static IllegalArgumentException notAFingerprint(String text) {
    return new IllegalArgumentException(
        "not a fingerprint: expected sha256: and 64 hex digits, got " + text.length() + " chars");
  }

  @Override
  public String toString() {
    return fingerprint;
  }
}
