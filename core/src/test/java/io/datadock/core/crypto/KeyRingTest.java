package io.datadock.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.schemas.common.SealedPayload;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

  private static final byte[] AAD = "t/secret/a".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PLAIN = "hunter2".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private final Sealer sealer = new Sealer();

  @Test
  void sealedPayloadsOpenWithTheRingsKey() {
    KeyRing ring = KeyRing.loadOrCreate(dir);

    SealedPayload sealed = sealer.seal(ring.newest(), PLAIN, AAD);

    assertThat(sealed.getKeyId()).isEqualTo(ring.newest().keyId());
    assertThat(ring.open(sealed, AAD)).isEqualTo(PLAIN);
  }

  @Test
  void sealingTwiceGivesDifferentCiphertexts() {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    assertThat(sealer.seal(ring.newest(), PLAIN, AAD).getCiphertext())
        .isNotEqualTo(sealer.seal(ring.newest(), PLAIN, AAD).getCiphertext());
  }

  @Test
  void oneEncapsulationServesManyPayloadsUntilTheRecipientChanges() {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    SealedPayload a = sealer.seal(ring.newest(), PLAIN, AAD);
    SealedPayload b = sealer.seal(ring.newest(), PLAIN, AAD);
    assertThat(a.getEnc()).isEqualTo(b.getEnc());
    assertThat(a.getNonce()).isNotEqualTo(b.getNonce());

    RecipientKey next = ring.addKey();
    SealedPayload c = sealer.seal(next, PLAIN, AAD);

    assertThat(c.getKeyId()).isEqualTo(next.keyId());
    assertThat(c.getEnc()).isNotEqualTo(a.getEnc());
    assertThat(ring.open(c, AAD)).isEqualTo(PLAIN);
    assertThat(ring.open(b, AAD)).isEqualTo(PLAIN);
  }

  @Test
  void anUnknownKeyIdFailsClosed() {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    SealedPayload sealed = sealer.seal(ring.newest(), PLAIN, AAD);
    sealed.setKeyId("k-0000000000000000");

    assertThatThrownBy(() -> ring.open(sealed, AAD))
        .isInstanceOf(SealingException.class)
        .hasMessageContaining("k-0000000000000000");
  }

  @Test
  void tamperedCiphertextOrEncFailsClosed() {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    SealedPayload sealed = sealer.seal(ring.newest(), PLAIN, AAD);

    SealedPayload badCiphertext =
        SealedPayload.newBuilder(sealed)
            .setCiphertext(flipFirstBit(sealed.getCiphertext()))
            .build();
    SealedPayload badEnc =
        SealedPayload.newBuilder(sealed).setEnc(flipFirstBit(sealed.getEnc())).build();
    SealedPayload badNonce =
        SealedPayload.newBuilder(sealed).setNonce(flipFirstBit(sealed.getNonce())).build();

    assertThatThrownBy(() -> ring.open(badCiphertext, AAD)).isInstanceOf(SealingException.class);
    assertThatThrownBy(() -> ring.open(badEnc, AAD)).isInstanceOf(SealingException.class);
    assertThatThrownBy(() -> ring.open(badNonce, AAD)).isInstanceOf(SealingException.class);
  }

  @Test
  void theWrongAssociatedDataFailsClosed() {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    SealedPayload sealed = sealer.seal(ring.newest(), PLAIN, AAD);

    assertThatThrownBy(() -> ring.open(sealed, "t/secret/b".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SealingException.class)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void anAddedKeyBecomesNewestWhileOldPayloadsStillOpenUntilRetired() {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    RecipientKey first = ring.newest();
    SealedPayload old = sealer.seal(first, PLAIN, AAD);

    RecipientKey second = ring.addKey();

    assertThat(ring.newest()).isEqualTo(second);
    assertThat(ring.open(old, AAD)).isEqualTo(PLAIN);
    assertThatThrownBy(() -> ring.retire(second.keyId())).isInstanceOf(IllegalStateException.class);
    ring.retire(first.keyId());
    assertThatThrownBy(() -> ring.open(old, AAD)).isInstanceOf(SealingException.class);
    assertThat(KeyRing.load(dir).publicKeys())
        .extracting(RecipientKey::keyId)
        .containsExactly(second.keyId());
  }

  @Test
  void keysPersistWithOwnerOnlyPermissions() throws Exception {
    String id = KeyRing.loadOrCreate(dir.resolve("keys")).newest().keyId();

    assertThat(KeyRing.loadOrCreate(dir.resolve("keys")).newest().keyId()).isEqualTo(id);
    Path file = dir.resolve("keys").resolve(id + ".key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys"))))
        .isEqualTo("rwx------");
  }

  @Test
  void loadingWithoutAnyKeyFailsLoudly() {
    assertThatThrownBy(() -> KeyRing.load(dir))
        .isInstanceOf(MissingKeyException.class)
        .hasMessageContaining(dir.toAbsolutePath().toString())
        .hasMessageContaining("cannot be opened");
  }

  @Test
  void payloadsAreCanonicalAndHideValuesInToString() {
    byte[] a = SecretPayloads.encode(Map.of("b", "2", "a", "1"), Map.of("f", new byte[] {1, 2}));
    byte[] b =
        SecretPayloads.encode(
            new java.util.TreeMap<>(Map.of("a", "1", "b", "2")), Map.of("f", new byte[] {1, 2}));

    assertThat(SecretPayloads.sameContent(a, b)).isTrue();
    assertThat(
            SecretPayloads.sameContent(
                a, SecretPayloads.encode(Map.of("a", "1", "b", "3"), Map.of())))
        .isFalse();
    SecretPayloads.Decoded decoded = SecretPayloads.decode(a);
    assertThat(decoded.data()).containsEntry("a", "1");
    assertThat(decoded.files().get("f")).containsExactly(1, 2);
    assertThat(decoded.toString()).contains("a", "b").doesNotContain("=1").doesNotContain("2]");
  }

  private static ByteBuffer flipFirstBit(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    bytes[0] ^= 1;
    return ByteBuffer.wrap(bytes);
  }
}
