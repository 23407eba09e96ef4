package io.datadock.core.crypto;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.hpke.HPKEContext;

/**
 * The data keys that encapsulations export, opened once and then kept: gateways reuse an
 * encapsulation for many payloads. Bounded (emptied when full); it holds keys, never plaintext.
 */
final class DataKeyCache {

  static final int DEFAULT_CAPACITY = 10_000;

  private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();
  private final int capacity;

  DataKeyCache(int capacity) {
    this.capacity = capacity;
  }

  /** The data key {@code enc} exports for {@code key}. */
  SecretKeySpec get(RingKey key, byte[] enc) {
    String id = key.keyId() + ":" + HexFormat.of().formatHex(enc);
    SecretKeySpec cached = keys.get(id);
    if (cached != null) {
      return cached;
    }
    HPKEContext context = Hpke.suite().setupBaseR(enc, key.pair(), Hpke.INFO);
    SecretKeySpec dataKey =
        new SecretKeySpec(context.export(Hpke.DATA_KEY_CONTEXT, Hpke.DATA_KEY_BYTES), "AES");
    if (keys.size() >= capacity) {
      keys.clear();
    }
    keys.put(id, dataKey);
    return dataKey;
  }

  /** Drops every data key of a retired key. */
  void forget(String keyId) {
    keys.keySet().removeIf(id -> id.startsWith(keyId + ":"));
  }

  int size() {
    return keys.size();
  }
}
