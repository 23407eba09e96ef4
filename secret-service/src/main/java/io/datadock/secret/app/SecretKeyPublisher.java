package io.datadock.secret.app;

import io.datadock.core.crypto.KeyRing;
import io.datadock.core.crypto.RecipientKey;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.schemas.Topics;
import io.datadock.schemas.secret.KeyState;
import io.datadock.schemas.secret.SecretKey;
import java.nio.ByteBuffer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes the key ring's public keys to the compacted {@code secret.keys} topic, keyed by key id,
 * so gateways learn where to seal without sharing a file with secret-service.
 */
public final class SecretKeyPublisher {

  static final String ALGORITHM = "HPKE-X25519-HKDF-SHA256-AES256GCM";

  private final KafkaConnection kafka;
  private final String topicPrefix;

  public SecretKeyPublisher(KafkaConnection kafka, String topicPrefix) {
    this.kafka = kafka;
    this.topicPrefix = topicPrefix;
  }

  /** Publishes every key of the ring as ACTIVE. */
  public void publish(KeyRing keyRing) {
    send(keyRing.publicKeys(), KeyState.ACTIVE);
  }

  /** Marks a key RETIRED: gateways stop sealing to it (compaction keeps only this record). */
  public void publishRetired(RecipientKey key) {
    send(java.util.List.of(key), KeyState.RETIRED);
  }

  private void send(java.util.List<RecipientKey> keys, KeyState state) {
    var topic = Topics.SECRET_KEYS;
    try (KafkaProducer<String, SecretKey> producer =
        new KafkaProducer<>(
            KafkaSettings.producer(kafka, "secret-service-keys"),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      for (RecipientKey key : keys) {
        SecretKey record =
            SecretKey.newBuilder()
                .setKeyId(key.keyId())
                .setAlgorithm(ALGORITHM)
                .setPublicKey(ByteBuffer.wrap(key.publicKey()))
                .setState(state)
                .setCreatedAt(key.createdAt())
                .build();
        producer.send(new ProducerRecord<>(topic.name(topicPrefix), key.keyId(), record));
      }
      producer.flush();
    }
  }
}
