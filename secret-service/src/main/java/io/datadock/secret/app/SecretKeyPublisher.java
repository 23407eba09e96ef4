package io.datadock.secret.app;

import io.datadock.core.crypto.KeyAnnouncements;
import io.datadock.core.crypto.KeyRing;
import io.datadock.core.crypto.RecipientKey;
import io.datadock.core.crypto.SigningKey;
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
 * so gateways learn where to seal without sharing a file with secret-service. Each announcement is
 * signed with the service's {@link SigningKey}: gateways ignore any they cannot verify.
 */
public final class SecretKeyPublisher {

  static final String ALGORITHM = "HPKE-X25519-HKDF-SHA256-AES256GCM";

  private final KafkaConnection kafka;
  private final String topicPrefix;
  private final SigningKey signingKey;

  public SecretKeyPublisher(KafkaConnection kafka, String topicPrefix, SigningKey signingKey) {
    this.kafka = kafka;
    this.topicPrefix = topicPrefix;
    this.signingKey = signingKey;
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
        SecretKey announcement =
            SecretKey.newBuilder()
                .setKeyId(key.keyId())
                .setAlgorithm(ALGORITHM)
                .setPublicKey(ByteBuffer.wrap(key.publicKey()))
                .setState(state)
                .setCreatedAt(key.createdAt())
                .build();
        SecretKey signed = KeyAnnouncements.signed(announcement, signingKey);
        producer.send(new ProducerRecord<>(topic.name(topicPrefix), key.keyId(), signed));
      }
      producer.flush();
    }
  }
}
