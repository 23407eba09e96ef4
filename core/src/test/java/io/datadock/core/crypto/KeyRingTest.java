package io.datadock.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.schemas.common.SealedPayload;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

  private static final byte[] AAD = "t/secret/a".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PLAIN = "hunter2".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private final Sealer sealer = new Sealer();

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
  void aPayloadSealedToAnotherRingsKeyFailsClosed() {
    KeyRing ring = KeyRing.loadOrCreate(dir.resolve("a"));
    KeyRing other = KeyRing.loadOrCreate(dir.resolve("b"));

    SealedPayload sealed = sealer.seal(other.newest(), PLAIN, AAD);

    assertThatThrownBy(() -> ring.open(sealed, AAD))
        .isInstanceOfSatisfying(
            SealingKeyNotHeldException.class,
            e -> assertThat(e.keyId()).isEqualTo(other.newest().keyId()));
    assertThatThrownBy(() -> ring.openForReplay(sealed, AAD))
        .isInstanceOf(SealingKeyNotHeldException.class);
  }

  @Test
  void tamperedCiphertextEncOrNonceFailsClosed() {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    SealedPayload sealed = sealer.seal(ring.newest(), PLAIN, AAD);

    SealedPayload badCiphertext =
        SealedPayload.newBuilder(sealed)
            .setCiphertext(flipFirstBit(sealed.getCiphertext()))
            .build();
    SealedPayload badTag =
        SealedPayload.newBuilder(sealed).setCiphertext(flipLastBit(sealed.getCiphertext())).build();
    SealedPayload badEnc =
        SealedPayload.newBuilder(sealed).setEnc(flipFirstBit(sealed.getEnc())).build();
    SealedPayload shortEnc =
        SealedPayload.newBuilder(sealed).setEnc(ByteBuffer.wrap(new byte[5])).build();
    SealedPayload badNonce =
        SealedPayload.newBuilder(sealed).setNonce(flipFirstBit(sealed.getNonce())).build();
    SealedPayload noNonce =
        SealedPayload.newBuilder(sealed).setNonce(ByteBuffer.wrap(new byte[0])).build();

    for (SealedPayload bad : List.of(badCiphertext, badTag, badEnc, shortEnc, badNonce, noNonce)) {
      assertThatThrownBy(() -> ring.open(bad, AAD))
          .isInstanceOf(SealingException.class)
          .hasMessageContaining(sealed.getKeyId());
    }
    assertThat(ring.open(sealed, AAD)).isEqualTo(PLAIN);
  }

  @Test
  void theWrongAssociatedDataFailsClosed() {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    SealedPayload sealed = sealer.seal(ring.newest(), PLAIN, AAD);

    assertThatThrownBy(() -> ring.open(sealed, "t/secret/b".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SealingException.class)
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> ring.open(sealed, new byte[0])).isInstanceOf(SealingException.class);
  }

  @Test
  void failureMessagesHoldNoKeyMaterial() throws Exception {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    SealedPayload sealed = sealer.seal(ring.newest(), PLAIN, AAD);
    String keyFile = Files.readString(dir.resolve(ring.newest().keyId() + ".key"));
    String privateKey = keyFile.lines().filter(l -> l.startsWith("private=")).findFirst().get();

    assertThatThrownBy(() -> ring.open(sealed, new byte[0]))
        .hasMessageNotContaining(privateKey.substring("private=".length()))
        .hasMessageNotContaining("hunter2")
        .hasNoCause();
  }

  @Test
  void anAddedKeyBecomesNewestWhileOldPayloadsStillOpenUntilRetired() {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    RecipientKey first = ring.newest();
    SealedPayload old = sealer.seal(first, PLAIN, AAD);

    RecipientKey second = ring.addKey();

    assertThat(ring.newest()).isEqualTo(second);
    assertThat(second.createdAt()).isGreaterThan(first.createdAt());
    assertThat(ring.publicKeys()).containsExactly(first, second);
    assertThat(ring.open(old, AAD)).isEqualTo(PLAIN);
    assertThat(ring.open(sealer.seal(second, PLAIN, AAD), AAD)).isEqualTo(PLAIN);

    assertThatThrownBy(() -> ring.retire(second.keyId())).isInstanceOf(IllegalStateException.class);
    ring.retire(first.keyId());

    assertThatThrownBy(() -> ring.open(old, AAD))
        .isInstanceOf(SealingException.class)
        .hasMessageContaining(first.keyId());
    assertThat(dir.resolve(first.keyId() + ".retired")).exists();
    assertThat(dir.resolve(first.keyId() + ".key")).doesNotExist();
    assertThat(KeyRing.load(dir).publicKeys())
        .extracting(RecipientKey::keyId)
        .containsExactly(second.keyId());
  }

  @Test
  void aReplayStillOpensWhatARetiredKeySealedButNothingElse() {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    RecipientKey first = ring.newest();
    SealedPayload old = sealer.seal(first, PLAIN, AAD);
    ring.addKey();
    ring.retire(first.keyId());

    assertThatThrownBy(() -> ring.open(old, AAD)).isInstanceOf(SealingException.class);
    assertThat(ring.openForReplay(old, AAD)).isEqualTo(PLAIN);
    assertThat(KeyRing.load(dir).openForReplay(old, AAD)).isEqualTo(PLAIN);
    SealedPayload foreign =
        sealer.seal(KeyRing.loadOrCreate(dir.resolve("other")).newest(), PLAIN, AAD);
    assertThatThrownBy(() -> ring.openForReplay(foreign, AAD)).isInstanceOf(SealingException.class);
  }

  @Test
  void instancesSharingTheDirectoryStartTogetherOnOneKeyAndOpenEachOthersNewKeys()
      throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<KeyRing>> starting = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        starting.add(pool.submit(() -> KeyRing.loadOrCreate(dir)));
      }
      List<KeyRing> rings = new java.util.ArrayList<>();
      for (var f : starting) {
        rings.add(f.get());
      }
      assertThat(rings.stream().map(r -> r.newest().keyId()).distinct()).hasSize(1);

      RecipientKey rotated = rings.get(0).addKey(); // a rotation on one instance
      SealedPayload sealed = sealer.seal(rotated, PLAIN, AAD);
      assertThat(rings.get(1).open(sealed, AAD)).isEqualTo(PLAIN);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aKeyMountedAsASecretOpensAndIsNotRetiredButRotationsStillGoToTheDirectory()
      throws Exception {
    Path secret = dir.resolve("mounted-sealing-key");
    String keyId = KeyRing.newKeyFile(secret);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
        .isEqualTo("rw-------");
    Path keyDir = dir.resolve("keys");

    KeyRing ring = KeyRing.withMountedKey(keyDir, secret);
    assertThat(ring.newest().keyId()).isEqualTo(keyId);
    SealedPayload sealed = sealer.seal(ring.newest(), PLAIN, AAD);
    assertThat(ring.open(sealed, AAD)).isEqualTo(PLAIN);

    RecipientKey rotated = ring.addKey();
    assertThat(keyDir.resolve(rotated.keyId() + ".key")).exists();
    assertThatThrownBy(() -> ring.retire(keyId))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mounted");
    KeyRing restarted = KeyRing.withMountedKey(keyDir, secret);
    assertThat(restarted.newest()).isEqualTo(rotated);
    assertThat(restarted.open(sealed, AAD)).isEqualTo(PLAIN);
  }

  @Test
  void theOnlyKeyCannotBeRetiredNorAnUnknownOne() {
    KeyRing ring = KeyRing.loadOrCreate(dir);

    assertThatThrownBy(() -> ring.retire(ring.newest().keyId()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ring.retire("k-0000000000000000"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newestIsTheSameAfterReloading() {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    ring.addKey();
    ring.addKey();
    RecipientKey newest = ring.addKey();

    for (int i = 0; i < 3; i++) {
      KeyRing reloaded = KeyRing.load(dir);
      assertThat(reloaded.newest()).isEqualTo(newest);
      assertThat(reloaded.publicKeys()).isEqualTo(ring.publicKeys());
    }
  }

  @Test
  void keysPersistWithOwnerOnlyPermissions() throws Exception {
    Path keys = dir.resolve("keys");
    KeyRing first = KeyRing.loadOrCreate(keys);
    String id = first.newest().keyId();
    SealedPayload sealed = sealer.seal(first.newest(), PLAIN, AAD);

    KeyRing second = KeyRing.loadOrCreate(keys);

    assertThat(second.newest().keyId()).isEqualTo(id);
    assertThat(second.publicKeys()).hasSize(1);
    assertThat(second.open(sealed, AAD)).isEqualTo(PLAIN);
    Path file = keys.resolve(id + ".key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)))
        .isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(keys)) {
      assertThat(files).containsExactlyInAnyOrder(file, keys.resolve(".lock"));
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(".lock"))))
        .isEqualTo("rw-------");
  }

  @Test
  void theKeyFileHoldsCreationTimeAndBothKeys() throws Exception {
    RecipientKey key = KeyRing.loadOrCreate(dir).newest();

    List<String> lines = Files.readAllLines(dir.resolve(key.keyId() + ".key"));

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("created=" + key.createdAt());
    assertThat(lines.get(1)).startsWith("private=").hasSize("private=".length() + 44);
    assertThat(lines.get(2))
        .isEqualTo("public=" + Base64.getEncoder().encodeToString(key.publicKey()));
  }

  @Test
  void loadingWithoutAnyKeyFailsLoudly() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Files.writeString(empty.resolve("k-0000000000000000.retired"), "retired keys are not loaded");

    assertThatThrownBy(() -> KeyRing.load(empty))
        .isInstanceOf(MissingKeyException.class)
        .hasMessageContaining(empty.toAbsolutePath().toString())
        .hasMessageContaining("cannot be opened");
    assertThatThrownBy(() -> KeyRing.load(dir.resolve("missing")))
        .isInstanceOf(MissingKeyException.class);
  }

  @Test
  void aKeyFileWhosePublicKeyIsNotItsPrivateKeysIsRefused() throws Exception {
    KeyRing ring = KeyRing.loadOrCreate(dir.resolve("a"));
    RecipientKey other = KeyRing.loadOrCreate(dir.resolve("b")).newest();
    Path file = dir.resolve("a").resolve(ring.newest().keyId() + ".key");
    String swapped =
        Files.readString(file)
            .replaceAll(
                "public=.*", "public=" + Base64.getEncoder().encodeToString(other.publicKey()));
    Files.writeString(file, swapped);

    assertThatThrownBy(() -> KeyRing.load(dir.resolve("a")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.getFileName().toString())
        .hasMessageContaining("not the public key");
  }

  @Test
  void aMisnamedOrCorruptKeyFileIsRefusedWithoutQuotingIt() throws Exception {
    RecipientKey key = KeyRing.loadOrCreate(dir).newest();
    Path file = dir.resolve(key.keyId() + ".key");
    Files.move(file, dir.resolve("other.key"));

    assertThatThrownBy(() -> KeyRing.load(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must be named " + key.keyId() + ".key");

    Files.writeString(dir.resolve("other.key"), "created=1\nprivate=%%secret%%\npublic=AAAA\n");
    assertThatThrownBy(() -> KeyRing.load(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'private' is not base64")
        .hasMessageNotContaining("secret%")
        .hasNoCause();
  }

  @Test
  void manyThreadsOpenWhileKeysRotate() throws Exception {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    List<SealedPayload> sealed = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      sealed.add(new Sealer(7, Long.MAX_VALUE).seal(ring.newest(), PLAIN, AAD));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (SealedPayload p : sealed) {
                    assertThat(ring.open(p, AAD)).isEqualTo(PLAIN);
                  }
                }));
      }
      for (int i = 0; i < 5; i++) {
        ring.addKey();
        ring.publicKeys();
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ring.publicKeys()).hasSize(6);
  }

  private static ByteBuffer flipFirstBit(ByteBuffer buffer) {
    byte[] bytes = bytes(buffer);
    bytes[0] ^= 1;
    return ByteBuffer.wrap(bytes);
  }

  private static ByteBuffer flipLastBit(ByteBuffer buffer) {
    byte[] bytes = bytes(buffer);
    bytes[bytes.length - 1] ^= 1;
    return ByteBuffer.wrap(bytes);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
