package io.datadock.gateway.sealing;

import io.datadock.core.crypto.KeyAnnouncements;
import io.datadock.core.crypto.KeyAnnouncements.Verdict;
import io.datadock.core.crypto.RecipientKey;
import io.datadock.core.crypto.TrustAnchor;
import io.datadock.schemas.secret.KeyState;
import io.datadock.schemas.secret.SecretKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret-service public keys, learnt from the compacted {@code secret.keys} topic. The gateway
 * seals to the newest active key; it never holds a private key. Only announcements signed by the
 * key its {@link TrustAnchor} names count: any other record (unsigned, signed by another key, a
 * signature that does not match, a key id that is not its public key's, a public key HPKE cannot
 * seal to, a tombstone, which cannot be signed) is ignored, logged with its key id and counted in
 * {@code datadock.keys.announcements.rejected} by reason.
 */
public final class PublicKeyDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(PublicKeyDirectory.class);
  static final String REJECTED = "datadock.keys.announcements.rejected";
  private static final String TOMBSTONE = "tombstone";
  private static final String ID_MISMATCH = "id_mismatch";
  private static final String INVALID_KEY = "invalid_key";

  private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> known = new CompletableFuture<>();
  private final TrustAnchor anchor;
  private final MeterRegistry metrics;
  private volatile RecipientKey current;

  public PublicKeyDirectory(TrustAnchor anchor, MeterRegistry metrics) {
    this.anchor = anchor;
    this.metrics = metrics;
  }

  public void onRecord(ConsumerRecord<String, SecretKey> record) {
    if (record.value() == null) {
      reject(record, TOMBSTONE);
      return;
    }
    Verdict verdict = KeyAnnouncements.verify(record.value(), anchor);
    if (verdict != Verdict.TRUSTED) {
      reject(record, verdict.tag());
      return;
    }
    RecipientKey announced = toRecipient(record.value());
    if (!announced.idMatchesKey()) {
      // Sealing to it would fail on every apply, and secret-service holds no key of that id.
      reject(record, ID_MISMATCH);
      return;
    }
    if (!announced.acceptsSealing()) {
      // Every apply sealing to it would fail; keep sealing to the key before it.
      reject(record, INVALID_KEY);
      return;
    }
    keys.put(record.key(), record.value());
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

  private void reject(ConsumerRecord<String, SecretKey> record, String reason) {
    Counter.builder(REJECTED).tag("reason", reason).register(metrics).increment();
    LOG.warn(
        "key announcement ignored keyId={} reason={} partition={} offset={} trusted={}",
        printable(record.key()),
        reason,
        record.partition(),
        record.offset(),
        anchor);
  }

  /** A key id as written by whoever wrote the record: bounded, one line. */
  private static String printable(String keyId) {
    if (keyId == null) {
      return "null";
    }
    String line = keyId.replaceAll("\\p{Cntrl}", "?");
    return line.length() > 80 ? line.substring(0, 80) + "..." : line;
  }

  private static RecipientKey toRecipient(SecretKey key) {
    byte[] bytes = new byte[key.getPublicKey().remaining()];
    key.getPublicKey().duplicate().get(bytes);
    return new RecipientKey(key.getKeyId(), bytes, key.getCreatedAt());
  }
}
