package io.datadock.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.crypto.KeyAnnouncements.Verdict;
import io.datadock.schemas.secret.KeyState;
import io.datadock.schemas.secret.SecretKey;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class KeyAnnouncementsTest {

  private final SigningKey trusted = SigningKey.generate();
  private final TrustAnchor anchor = TrustAnchor.trusting(trusted);

  @Test
  void anAnnouncementSignedByTheTrustedKeyIsTrusted() {
    assertThat(KeyAnnouncements.verify(KeyAnnouncements.signed(active("k1"), trusted), anchor))
        .isEqualTo(Verdict.TRUSTED);
  }

  @Test
  void anUnsignedAnnouncementIsNot() {
    assertThat(KeyAnnouncements.verify(active("k1"), anchor)).isEqualTo(Verdict.UNSIGNED);
  }

  @Test
  void oneSignedByAnotherKeyIsNot() {
    SecretKey forged = KeyAnnouncements.signed(active("k1"), SigningKey.generate());

    assertThat(KeyAnnouncements.verify(forged, anchor)).isEqualTo(Verdict.UNTRUSTED_SIGNER);
  }

  @Test
  void everySignedFieldIsBoundToTheSignature() {
    SecretKey signed = KeyAnnouncements.signed(active("k1"), trusted);

    assertThat(KeyAnnouncements.verify(copy(signed).setKeyId("k2").build(), anchor))
        .isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(KeyAnnouncements.verify(copy(signed).setAlgorithm("other").build(), anchor))
        .isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(
            KeyAnnouncements.verify(
                copy(signed).setPublicKey(ByteBuffer.wrap(filled(32, 9))).build(), anchor))
        .isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(KeyAnnouncements.verify(copy(signed).setState(KeyState.RETIRED).build(), anchor))
        .isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(KeyAnnouncements.verify(copy(signed).setCreatedAt(2).build(), anchor))
        .isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void aGarbageSignatureNamingTheTrustedSignerIsABadSignature() {
    SecretKey forged =
        copy(active("k1"))
            .setSigningKey(ByteBuffer.wrap(trusted.publicKey()))
            .setSignature(ByteBuffer.wrap(filled(64, 1)))
            .build();

    assertThat(KeyAnnouncements.verify(forged, anchor)).isEqualTo(Verdict.BAD_SIGNATURE);
  }

  private static SecretKey active(String keyId) {
    return SecretKey.newBuilder()
        .setKeyId(keyId)
        .setAlgorithm("HPKE-X25519-HKDF-SHA256-AES256GCM")
        .setPublicKey(ByteBuffer.wrap(filled(32, 7)))
        .setState(KeyState.ACTIVE)
        .setCreatedAt(1)
        .build();
  }

  private static SecretKey.Builder copy(SecretKey key) {
    return SecretKey.newBuilder()
        .setKeyId(key.getKeyId())
        .setAlgorithm(key.getAlgorithm())
        .setPublicKey(key.getPublicKey())
        .setState(key.getState())
        .setCreatedAt(key.getCreatedAt())
        .setSigningKey(key.getSigningKey())
        .setSignature(key.getSignature());
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
