package io.datadock.secret.rotation;

import io.datadock.core.crypto.KeyRing;
import io.datadock.core.crypto.RecipientKey;
import io.datadock.core.crypto.Sealer;
import io.datadock.schemas.secret.SecretAction;
import io.datadock.schemas.secret.SecretCommand;
import io.datadock.schemas.secret.SecretSpec;
import io.datadock.schemas.secret.SecretState;
import io.datadock.secret.app.SecretKeyPublisher;
import io.datadock.secret.lifecycle.SecretDecider;
import io.datadock.secret.topology.SecretTopology;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key rotation without downtime: add a key pair (gateways seal to it as soon as it is published),
 * re-seal every stored secret to it through the normal command path ({@code RESEAL} commands,
 * decided in each secret's own partition), then retire the old key once no secret uses it.
 * Plaintext exists here only between opening and re-sealing one secret.
 */
public final class KeyRotation {

  private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);

  /** What a rotation started: the new key and how many re-seal commands were sent. */
  public record Report(String newKeyId, int resealsSubmitted) {}

  private final Supplier<KafkaStreams> streams;
  private final KeyRing keyRing;
  private final SecretKeyPublisher publisher;
  private final Consumer<SecretCommand> commands;
  private final Clock clock;
  private final Sealer sealer = new Sealer();

  public KeyRotation(
      Supplier<KafkaStreams> streams,
      KeyRing keyRing,
      SecretKeyPublisher publisher,
      Consumer<SecretCommand> commands,
      Clock clock) {
    this.streams = streams;
    this.keyRing = keyRing;
    this.publisher = publisher;
    this.commands = commands;
    this.clock = clock;
  }

  public synchronized Report rotate() {
    RecipientKey newest = keyRing.addKey();
    publisher.publish(keyRing);
    int submitted = 0;
    try (KeyValueIterator<String, SecretState> all = store().all()) {
      while (all.hasNext()) {
        KeyValue<String, SecretState> entry = all.next();
        SecretSpec spec = entry.value.getSpec();
        if (spec.getSealed().getKeyId().equals(newest.keyId())) {
          continue;
        }
        byte[] aad = SecretDecider.associatedData(entry.key);
        SecretSpec resealed =
            SecretSpec.newBuilder(spec)
                .setSealed(sealer.seal(newest, keyRing.open(spec.getSealed(), aad), aad))
                .build();
        commands.accept(
            SecretCommand.newBuilder()
                .setCommandId(UUID.randomUUID().toString())
                .setResourceKey(entry.key)
                .setAction(SecretAction.RESEAL)
                .setIssuedBy("secret-service:key-rotation")
                .setIssuedAt(clock.millis())
                .setSpec(resealed)
                .setExpectedResourceVersion(entry.value.getResourceVersion())
                .build());
        submitted++;
      }
    }
    LOG.info("key rotation newKey={} resealsSubmitted={}", newest.keyId(), submitted);
    return new Report(newest.keyId(), submitted);
  }

  /** How many stored secrets (of this instance's partitions) each key seals. */
  public Map<String, Long> usage() {
    Map<String, Long> usage = new LinkedHashMap<>();
    keyRing.publicKeys().forEach(k -> usage.put(k.keyId(), 0L));
    try (KeyValueIterator<String, SecretState> all = store().all()) {
      all.forEachRemaining(
          e -> usage.merge(e.value.getSpec().getSealed().getKeyId(), 1L, Long::sum));
    }
    return usage;
  }

  /**
   * @throws IllegalStateException while a stored secret is still sealed to the key, or when it is
   *     the newest key
   */
  public synchronized void retire(String keyId) {
    long inUse = usage().getOrDefault(keyId, 0L);
    if (inUse > 0) {
      throw new IllegalStateException(
          "key "
              + keyId
              + " still seals "
              + inUse
              + " secret(s); rotate and wait for the re-seals first");
    }
    RecipientKey key =
        keyRing.publicKeys().stream()
            .filter(k -> k.keyId().equals(keyId))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no key " + keyId));
    keyRing.retire(keyId);
    publisher.publishRetired(key);
    LOG.info("key retired keyId={}", keyId);
  }

  private ReadOnlyKeyValueStore<String, SecretState> store() {
    KafkaStreams current = streams.get();
    if (current == null) {
      throw new IllegalStateException("secret-service is starting; retry once it is ready");
    }
    return current.store(
        StoreQueryParameters.fromNameAndType(
            SecretTopology.SECRETS_STORE,
            QueryableStoreTypes.<String, SecretState>keyValueStore()));
  }
}
