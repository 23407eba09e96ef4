package io.datadock.local;

import static io.datadock.runtime.config.Setting.DATADOCK_TOPIC_PREFIX;
import static io.datadock.runtime.config.Setting.KAFKA_SASL_PASSWORD_FILE;
import static io.datadock.runtime.config.Setting.KAFKA_SASL_USERNAME;
import static io.datadock.runtime.config.Setting.KAFKA_SECURITY_PROTOCOL;

import io.datadock.runtime.config.Settings;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.TopicLayout;
import io.datadock.runtime.kafka.TopicProvisioner;
import io.datadock.runtime.kafka.embedded.BrokerCredentials;
import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.runtime.kafka.security.KafkaSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Collectors;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * The platform's Kafka: the secured embedded broker (each service its own principal, the ACL file
 * applied, a client properties file for downstream consumers) or the cluster the environment names,
 * where every service connects as the environment says.
 */
final class PlatformKafka {

  /** The read-only principal's client properties, under the broker's directory. */
  static final String READER_PROPERTIES = "reader.properties";

  /** The embedded broker; null on an external cluster. */
  private final EmbeddedKafkaBroker broker;

  private final KafkaConnection external;
  private final Path readerProperties;

  private PlatformKafka(EmbeddedKafkaBroker broker, KafkaConnection external, Path reader) {
    this.broker = broker;
    this.external = external;
    this.readerProperties = reader;
  }

  /** The secured embedded broker in {@code dir}, with no ACL yet ({@link #prepare}). */
  static PlatformKafka embedded(Path dir, int port) {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startSecured(dir, port);
    return new PlatformKafka(broker, null, dir.toAbsolutePath().resolve(READER_PROPERTIES));
  }

  /** The cluster {@code settings} name, reached as they say. */
  static PlatformKafka external(Settings settings) {
    return new PlatformKafka(null, KafkaConnection.from(settings), null);
  }

  /**
   * Readies the cluster for the services {@code settings} configure: on the embedded broker, the
   * operator creates the topics and applies the ACL file, and the read-only principal's properties
   * are written; on an external cluster, the missing topics are created as the environment's
   * principal.
   */
  void prepare(Settings settings) {
    if (broker == null) {
      TopicProvisioner.ensureTopics(
          external, settings.string(DATADOCK_TOPIC_PREFIX), TopicLayout.from(settings));
      return;
    }
    KafkaSetup.apply(broker.connection(KafkaPrincipal.OPERATOR), settings);
    writeProperties(readerProperties, broker.connection(KafkaPrincipal.READER));
  }

  /** The broker when embedded, else null. */
  EmbeddedKafkaBroker broker() {
    return broker;
  }

  String bootstrapServers() {
    return broker == null ? external.bootstrapServers() : broker.bootstrapServers();
  }

  /** {@code settings} with {@code principal}'s connection, on the embedded broker. */
  Settings as(Settings settings, KafkaPrincipal principal) {
    if (broker == null) {
      return settings;
    }
    BrokerCredentials credentials = broker.credentials().orElseThrow();
    return settings
        .with(KAFKA_SECURITY_PROTOCOL, SecurityProtocol.SASL_PLAINTEXT.name)
        .with(KAFKA_SASL_USERNAME, principal.user())
        .with(KAFKA_SASL_PASSWORD_FILE, credentials.passwordFile(principal));
  }

  /** A connection as {@code principal}; on an external cluster, the environment's. */
  KafkaConnection connection(KafkaPrincipal principal) {
    return broker == null ? external : broker.connection(principal);
  }

  /** The read-only principal's client properties file; null on an external cluster. */
  Path readerProperties() {
    return readerProperties;
  }

  private static void writeProperties(Path file, KafkaConnection connection) {
    String text =
        connection.asProperties().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
            .collect(
                Collectors.joining(
                    "\n", "# datadock-reader: the public topics, read-only\n", "\n"));
    try {
      if (!Files.exists(file)) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
