package io.datadock.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.schemas.common.SealedPayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealerTest {

  private static final byte[] AAD = "t/secret/a".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PLAIN = "hunter2".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void sealedPayloadsOpenWithTheRingsKey() {
    KeyRing ring = KeyRing.loadOrCreate(dir);

    SealedPayload sealed = new Sealer().seal(ring.newest(), PLAIN, AAD);

    assertThat(sealed.getKeyId()).isEqualTo(ring.newest().keyId());
    assertThat(sealed.getEnc().remaining()).isEqualTo(32);
    assertThat(sealed.getNonce().remaining()).isEqualTo(12);
    assertThat(ring.open(sealed, AAD)).isEqualTo(PLAIN);
  }

  @Test
  void sealingTwiceGivesDifferentCiphertexts() {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    Sealer sealer = new Sealer();

    assertThat(sealer.seal(ring.newest(), PLAIN, AAD).getCiphertext())
        .isNotEqualTo(sealer.seal(ring.newest(), PLAIN, AAD).getCiphertext());
  }

  @Test
  void oneEncapsulationServesManyPayloadsUntilTheRecipientChanges() {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    Sealer sealer = new Sealer();
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
  void aNewEncapsulationStartsOnceThePayloadLimitIsReached() {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    Sealer sealer = new Sealer(2, Long.MAX_VALUE);

    SealedPayload a = sealer.seal(ring.newest(), PLAIN, AAD);
    SealedPayload b = sealer.seal(ring.newest(), PLAIN, AAD);
    SealedPayload c = sealer.seal(ring.newest(), PLAIN, AAD);

    assertThat(b.getEnc()).isEqualTo(a.getEnc());
    assertThat(c.getEnc()).isNotEqualTo(a.getEnc());
    assertThat(List.of(a, b, c)).allSatisfy(p -> assertThat(ring.open(p, AAD)).isEqualTo(PLAIN));
  }

  @Test
  void aNewEncapsulationStartsOnceTheEpochIsTooOld() {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    Sealer sealer = new Sealer(Long.MAX_VALUE, 0);

    SealedPayload a = sealer.seal(ring.newest(), PLAIN, AAD);
    SealedPayload b = sealer.seal(ring.newest(), PLAIN, AAD);

    assertThat(b.getEnc()).isNotEqualTo(a.getEnc());
    assertThat(ring.open(b, AAD)).isEqualTo(PLAIN);
  }

  @Test
  void aRecipientWhoseIdDoesNotNameItsKeyIsRefused() {
    RecipientKey real = KeyRing.loadOrCreate(dir).newest();
    RecipientKey mixedUp = new RecipientKey("k-0000000000000000", real.publicKey(), 0);

    assertThatThrownBy(() -> new Sealer().seal(mixedUp, PLAIN, AAD))
        .isInstanceOf(SealingException.class)
        .hasMessageContaining("k-0000000000000000");
  }

  @Test
  void anInvalidPublicKeyIsRefused() {
    byte[] tooShort = new byte[31];
    RecipientKey bad = new RecipientKey(RecipientKey.idOf(tooShort), tooShort, 0);

    assertThatThrownBy(() -> new Sealer().seal(bad, PLAIN, AAD))
        .isInstanceOf(SealingException.class);
  }

  @Test
  void manyThreadsSealThroughOneSealerAcrossEpochs() throws Exception {
    KeyRing ring = KeyRing.loadOrCreate(dir);
    Sealer sealer = new Sealer(50, Long.MAX_VALUE);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<SealedPayload>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  List<SealedPayload> out = new ArrayList<>();
                  for (int i = 0; i < 200; i++) {
                    out.add(sealer.seal(ring.newest(), plain(thread, i), AAD));
                  }
                  return out;
                }));
      }
      for (int t = 0; t < 8; t++) {
        List<SealedPayload> sealed = futures.get(t).get();
        for (int i = 0; i < sealed.size(); i++) {
          assertThat(ring.open(sealed.get(i), AAD)).isEqualTo(plain(t, i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] plain(int thread, int i) {
    return ("secret-" + thread + "-" + i).getBytes(StandardCharsets.UTF_8);
  }
}
