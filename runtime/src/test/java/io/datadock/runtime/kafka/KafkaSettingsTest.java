package io.datadock.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.runtime.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

  private static final KafkaConnection KAFKA = KafkaConnection.plain("127.0.0.1:9092");

  @Test
  void membersBeatSixTimesASessionWithinHalfASecondAndTheDefaultThreeSeconds() {
    assertThat(KafkaSettings.heartbeatInterval(Duration.ofSeconds(6))).isEqualTo(1_000);
    assertThat(KafkaSettings.heartbeatInterval(Duration.ofSeconds(10))).isEqualTo(1_666);
    assertThat(KafkaSettings.heartbeatInterval(Duration.ofSeconds(45))).isEqualTo(3_000);
    assertThat(KafkaSettings.heartbeatInterval(Duration.ofSeconds(2))).isEqualTo(500);
  }

  @Test
  void staticMembersAndStreamsAppsBeatAtTheirSessionsPace() {
    Map<String, Object> member =
        KafkaSettings.staticMember(KAFKA, "g", "g-1", Duration.ofSeconds(6));
    assertThat(member)
        .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000)
        .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);

    Properties streams =
        StreamsSettings.exactlyOnce(
            "app", "app-1", KAFKA, Path.of("state"), 100, 1, Duration.ofSeconds(6));
    assertThat(streams)
        .containsEntry(
            StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000)
        .containsEntry(
            StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000)
        .doesNotContainKey(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG));
  }
}
