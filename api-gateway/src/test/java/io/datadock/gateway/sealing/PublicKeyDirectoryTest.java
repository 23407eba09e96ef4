package io.datadock.gateway.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.crypto.KeyAnnouncements;
import io.datadock.core.crypto.RecipientKey;
import io.datadock.core.crypto.Sealer;
import io.datadock.core.crypto.SigningKey;
import io.datadock.core.crypto.TrustAnchor;
import io.datadock.schemas.secret.KeyState;
import io.datadock.schemas.secret.SecretKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PublicKeyDirectoryTest {

  private final SigningKey service = SigningKey.generate();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final PublicKeyDirectory directory =
      new PublicKeyDirectory(TrustAnchor.trusting(service), metrics);
  private long offset;

  @Test
  void sealsToTheNewestActiveKeySignedByTheTrustedSigner() {
    receive(KeyAnnouncements.signed(announcement("k1", 1, KeyState.ACTIVE), service));
    receive(KeyAnnouncements.signed(announcement("k2", 2, KeyState.ACTIVE), service));

    assertThat(directory.current()).map(RecipientKey::keyId).contains(id("k2"));
    assertThat(directory.known()).isDone();
    assertThat(rejected("unsigned") + rejected("untrusted_signer")).isZero();
  }

  @Test
  void newerAnnouncementsNobodyTrustedSignedChangeNothingAndAreCounted() {
    receive(KeyAnnouncements.signed(announcement("real", 1, KeyState.ACTIVE), service));

    receive(announcement("forged-unsigned", 5, KeyState.ACTIVE));
    receive(KeyAnnouncements.signed(announcement("forged", 6, KeyState.ACTIVE), attacker()));
    receive(KeyAnnouncements.signed(announcement("real", 1, KeyState.RETIRED), attacker()));
    receive(null);

    assertThat(directory.current()).map(RecipientKey::keyId).contains(id("real"));
    assertThat(rejected("unsigned")).isEqualTo(1);
    assertThat(rejected("untrusted_signer")).isEqualTo(2);
    assertThat(rejected("tombstone")).isEqualTo(1);
  }

  @Test
  void anUnsignedKeyAloneIsNoKeyToSealTo() {
    receive(announcement("forged", 5, KeyState.ACTIVE));

    assertThat(directory.current()).isEmpty();
    assertThat(directory.known()).isNotDone();
  }

  @Test
  void aTrustedRetirementStopsSealingToTheKey() {
    receive(KeyAnnouncements.signed(announcement("k1", 1, KeyState.ACTIVE), service));
    receive(KeyAnnouncements.signed(announcement("k2", 2, KeyState.ACTIVE), service));
    receive(KeyAnnouncements.signed(announcement("k2", 2, KeyState.RETIRED), service));

    assertThat(directory.current()).map(RecipientKey::keyId).contains(id("k1"));
  }

  private static byte[] publicKey(String name) {
    byte[] key = new byte[32];
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, key, 0, Math.min(bytes.length, key.length));
    return key;
  }

  private static String id(String name) {
    return RecipientKey.idOf(publicKey(name));
  }

  @Test
  void aTrustedAnnouncementWhoseIdIsNotItsKeysIsNoKeyToSealTo() {
    receive(KeyAnnouncements.signed(announcement("k1", 1, KeyState.ACTIVE), service));

    receive(
        KeyAnnouncements.signed(
            announcement(id("k1"), publicKey("other"), 2, KeyState.ACTIVE), service));
    receive(
        KeyAnnouncements.signed(
            announcement("k-made-up", publicKey("k2"), 3, KeyState.ACTIVE), service));

    assertThat(directory.current())
        .hasValueSatisfying(
            k -> {
              assertThat(k.keyId()).isEqualTo(id("k1"));
              assertThat(k.publicKey()).isEqualTo(publicKey("k1"));
            });
    assertThat(rejected("id_mismatch")).isEqualTo(2);
  }

  @Test
  void aTrustedAnnouncementOfAKeyNothingCanBeSealedToIsNoKeyToSealTo() {
    receive(KeyAnnouncements.signed(announcement("k1", 1, KeyState.ACTIVE), service));
    byte[] tooShort = new byte[31];
    byte[] lowOrderPoint = new byte[32]; // u = 0: every shared secret would be zero

    receive(
        KeyAnnouncements.signed(
            announcement(RecipientKey.idOf(tooShort), tooShort, 2, KeyState.ACTIVE), service));
    receive(
        KeyAnnouncements.signed(
            announcement(RecipientKey.idOf(lowOrderPoint), lowOrderPoint, 3, KeyState.ACTIVE),
            service));

    assertThat(directory.current()).map(RecipientKey::keyId).contains(id("k1"));
    assertThat(rejected("invalid_key")).isEqualTo(2);
    RecipientKey current = directory.current().orElseThrow();
    assertThat(new Sealer().seal(current, new byte[] {1}, new byte[0])).isNotNull();
  }

  private static SigningKey attacker() {
    return SigningKey.generate();
  }

  private void receive(SecretKey value) {
    String key = value == null ? id("real") : value.getKeyId();
    directory.onRecord(new ConsumerRecord<>("datadock.secret.keys", 0, offset++, key, value));
  }

  private double rejected(String reason) {
    var counter = metrics.find(PublicKeyDirectory.REJECTED).tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  /** An announcement of the public key named {@code name}, under that key's own id. */
  private static SecretKey announcement(String name, long createdAt, KeyState state) {
    return announcement(id(name), publicKey(name), createdAt, state);
  }

  private static SecretKey announcement(
      String keyId, byte[] publicKey, long createdAt, KeyState state) {
    return SecretKey.newBuilder()
        .setKeyId(keyId)
        .setAlgorithm("HPKE-X25519-HKDF-SHA256-AES256GCM")
        .setPublicKey(ByteBuffer.wrap(publicKey))
        .setState(state)
        .setCreatedAt(createdAt)
        .build();
  }
}
