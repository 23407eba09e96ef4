package io.datadock.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.schemas.common.SealedPayload;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DataKeyCacheTest {

  private final RingKey first = RingKey.generate(0);
  private final RingKey second = RingKey.generate(0);

  @Test
  void anEncapsulationIsOpenedOnceAndItsKeyKept() {
    DataKeyCache cache = new DataKeyCache(10);
    byte[] enc = enc(first);

    assertThat(cache.get(first, enc)).isSameAs(cache.get(first, enc));
    assertThat(cache.get(first, enc(first))).isNotEqualTo(cache.get(first, enc));
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void aFullCacheStartsOverAndARetiredKeysEntriesAreForgotten() {
    DataKeyCache cache = new DataKeyCache(2);
    cache.get(first, enc(first));
    cache.get(second, enc(second));
    cache.get(first, enc(first));
    assertThat(cache.size()).as("emptied when full, then the new key kept").isEqualTo(1);

    cache.get(second, enc(second));
    cache.forget(first.keyId());

    assertThat(cache.size()).isEqualTo(1);
  }

  /** A fresh encapsulation to {@code key}. */
  private static byte[] enc(RingKey key) {
    SealedPayload sealed =
        new Sealer(1, Long.MAX_VALUE)
            .seal(key.publicKey(), "v".getBytes(StandardCharsets.UTF_8), new byte[0]);
    ByteBuffer enc = sealed.getEnc();
    byte[] out = new byte[enc.remaining()];
    enc.duplicate().get(out);
    return out;
  }
}
