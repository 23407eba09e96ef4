package io.datadock.local;

import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The platform on the official Apache Kafka image instead of the embedded broker: the services and
 * the gateway run in this JVM against a Kafka in Docker. Skipped (not failed) where there is no
 * Docker engine, as on this project's build machines; {@link ExternalKafkaIT} runs the same tests
 * on a broker started apart from the platform.
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerIT extends OnExternalKafka {

  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

  @BeforeAll
  static void startPlatformOnTheContainer() {
    startPlatform(KAFKA.getBootstrapServers());
  }
}
