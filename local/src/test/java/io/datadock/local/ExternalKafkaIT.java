package io.datadock.local;

import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform on a broker it did not start: what {@link KafkaContainerIT} does with Docker, here
 * with a broker this test starts apart from the platform.
 */
class ExternalKafkaIT extends OnExternalKafka {

  @TempDir static Path kafkaDir;
  static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBrokerThenPlatform() {
    broker = EmbeddedKafkaBroker.start(kafkaDir, 0);
    startPlatform(broker.bootstrapServers());
  }

  @AfterAll
  static void stopBroker() {
    // after the platform (a superclass's @AfterAll runs after this one: close it first)
    stopPlatform();
    if (broker != null) {
      broker.close();
    }
  }
}
