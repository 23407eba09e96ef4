package io.datadock.gateway.sealing;

import io.datadock.core.crypto.RecipientKey;
import io.datadock.schemas.secret.KeyState;
import io.datadock.schemas.secret.SecretKey;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The secret-service public keys, learnt from the compacted {@code secret.keys} topic. The gateway
 * seals to the newest active key; it never holds a private key.
 */
public final class PublicKeyDirectory {

  private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> known = new CompletableFuture<>();
  private volatile RecipientKey current;

  public void onRecord(ConsumerRecord<String, SecretKey> record) {
    if (record.value() == null) {
      keys.remove(record.key());
    } else {
      keys.put(record.key(), record.value());
    }
    current =
        keys.values().stream()
            .filter(k -> k.getState() == KeyState.ACTIVE)
            .max(
                Comparator.comparingLong(SecretKey::getCreatedAt)
                    .thenComparing(SecretKey::getKeyId))
            .map(PublicKeyDirectory::toRecipient)
            .orElse(null);
    if (current != null) {
      known.complete(null);
    }
  }

  /** Completes once a key to seal to is known. */
  public CompletableFuture<Void> known() {
    return known;
  }

  /** The key to seal to, or empty while secret-service has not published one yet. */
  public Optional<RecipientKey> current() {
    return Optional.ofNullable(current);
  }

  private static RecipientKey toRecipient(SecretKey key) {
    byte[] bytes = new byte[key.getPublicKey().remaining()];
    key.getPublicKey().duplicate().get(bytes);
    return new RecipientKey(key.getKeyId(), bytes, key.getCreatedAt());
  }
}
