package io.datadock.secret.resolution;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.runtime.kafka.FreePorts;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka Streams refuses interactive queries until its threads run the store's tasks; the instance
 * says so as a partition between owners, which the resolution answers 503, not as a failure.
 */
class StreamsSecretPartitionsTest {

  @Test
  void aStreamsClientNotRunningItsTasksReadsAsAPartitionBetweenOwners(@TempDir Path state)
      throws Exception {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "partitions-test");
    // never started, so never connected to
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + FreePorts.pick());
    p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("commands");
    try (KafkaStreams streams = new KafkaStreams(builder.build(), p)) {
      StreamsSecretPartitions partitions = new StreamsSecretPartitions(() -> streams);

      assertThatThrownBy(() -> partitions.owner("t/secret/x"))
          .isInstanceOf(PartitionMovingException.class)
          .hasMessageContaining("has not been started");
      assertThatThrownBy(() -> partitions.read("t/secret/x"))
          .isInstanceOf(PartitionMovingException.class)
          .hasMessageNotContaining("t/secret/x");
    }
  }

  @Test
  void noStreamsClientYetReadsAsAPartitionBetweenOwners() {
    // the listener answers before the service has started its Kafka Streams app
    StreamsSecretPartitions partitions = new StreamsSecretPartitions(() -> null);

    assertThatThrownBy(() -> partitions.owner("t/secret/x"))
        .isInstanceOf(PartitionMovingException.class)
        .hasMessageContaining("not started yet");
    assertThatThrownBy(() -> partitions.read("t/secret/x"))
        .isInstanceOf(PartitionMovingException.class);
  }
}
