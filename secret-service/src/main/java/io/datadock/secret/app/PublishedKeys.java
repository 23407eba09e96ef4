package io.datadock.secret.app;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.secret.SecretKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** The key ids secret-service has published to {@code secret.keys}, read to the end once. */
final class PublishedKeys {

  private PublishedKeys() {}

  static Set<String> read(KafkaConnection kafka, String topicPrefix, Duration timeout) {
    Topic<String, SecretKey> topic = Topics.SECRET_KEYS;
    Set<String> ids = new TreeSet<>();
    try (KafkaConsumer<String, SecretKey> consumer =
        new KafkaConsumer<>(
            KafkaSettings.committedConsumer(kafka, null),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name(topicPrefix), timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      Instant deadline = Instant.now().plus(timeout);
      while (!ends.entrySet().stream()
          .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("cannot read " + topic.name(topicPrefix) + " to its end");
        }
        for (ConsumerRecord<String, SecretKey> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() == null) {
            ids.remove(r.key());
          } else {
            ids.add(r.key());
          }
        }
      }
    }
    return ids;
  }
}
