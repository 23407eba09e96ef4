package io.datadock.core.crypto;

import io.datadock.schemas.secret.SecretKey;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The one definition of what a sealing-key announcement on {@code secret.keys} signs, and of how it
 * is checked: secret-service signs with its {@link SigningKey}, gateways verify against their
 * {@link TrustAnchor}. The signed bytes are a fixed layout (a version tag, then each field
 * length-prefixed), not the Avro encoding, so a schema that gains fields signs the same bytes.
 */
public final class KeyAnnouncements {

  /** Tags the layout below; a new layout gets a new tag. */
  private static final String LAYOUT = "datadock secret.keys announcement v1";

  /** Why an announcement is or is not trusted. */
  public enum Verdict {
    TRUSTED,
    /** No signature (written before signing existed, or by anyone without the key). */
    UNSIGNED,
    /** Signed, by a key other than the trusted one. */
    UNTRUSTED_SIGNER,
    /** Names the trusted signer, but the signature does not match the fields. */
    BAD_SIGNATURE;

    /** The lower-case name, for a metric tag and a log field. */
    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private KeyAnnouncements() {}

  /** The announcement with {@code key}'s public key and its signature over the fields. */
  public static SecretKey signed(SecretKey announcement, SigningKey key) {
    // The all-fields constructor, not a copying builder: Avro's deep copy of the enum would need
    // the schema package trusted by a global flag.
    return new SecretKey(
        announcement.getKeyId(),
        announcement.getAlgorithm(),
        announcement.getPublicKey(),
        announcement.getState(),
        announcement.getCreatedAt(),
        ByteBuffer.wrap(key.publicKey()),
        ByteBuffer.wrap(key.sign(signedBytes(announcement))));
  }

  public static Verdict verify(SecretKey announcement, TrustAnchor anchor) {
    if (announcement.getSignature() == null || announcement.getSigningKey() == null) {
      return Verdict.UNSIGNED;
    }
    byte[] signer = bytes(announcement.getSigningKey());
    if (!anchor.trusts(signer)) {
      return Verdict.UNTRUSTED_SIGNER;
    }
    return TrustAnchor.verifies(
            signer, signedBytes(announcement), bytes(announcement.getSignature()))
        ? Verdict.TRUSTED
        : Verdict.BAD_SIGNATURE;
  }

  /** The layout tag, key id, algorithm, public key, state and creation time. */
  static byte[] signedBytes(SecretKey announcement) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      field(out, LAYOUT.getBytes(StandardCharsets.UTF_8));
      field(out, announcement.getKeyId().getBytes(StandardCharsets.UTF_8));
      field(out, announcement.getAlgorithm().getBytes(StandardCharsets.UTF_8));
      field(out, bytes(announcement.getPublicKey()));
      field(out, announcement.getState().name().getBytes(StandardCharsets.UTF_8));
      out.writeLong(announcement.getCreatedAt());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  private static void field(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
