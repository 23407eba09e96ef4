package io.datadock.local;

import static io.datadock.runtime.kafka.security.KafkaPrincipal.CATALOG_SCANNER;
import static io.datadock.runtime.kafka.security.KafkaPrincipal.DEPOT_SERVICE;
import static io.datadock.runtime.kafka.security.KafkaPrincipal.GATEWAY;
import static io.datadock.runtime.kafka.security.KafkaPrincipal.READER;
import static io.datadock.runtime.kafka.security.KafkaPrincipal.SECRET_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.runtime.config.Setting;
import io.datadock.runtime.config.Settings;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's broker as a boundary: authentication on, the repository's ACL file applied exactly
 * as {@link Platform} applies it, each principal tried on what it must not do (and, so that a
 * refusal means something, on what it must be able to do).
 */
class KafkaAclIT {

  @TempDir static Path dir;
  static PlatformKafka kafka;

  @BeforeAll
  static void startSecuredBroker() {
    kafka = PlatformKafka.embedded(dir.resolve("kafka"), 0);
    kafka.prepare(
        Settings.empty()
            .with(Setting.DATADOCK_TOPIC_PARTITIONS, 1)
            .with(Setting.DATADOCK_TOPIC_REPLICATION, 1));
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.broker().close();
    }
  }

  @Test
  void aClientWithoutCredentialsCannotConnect() {
    Map<String, Object> plain =
        KafkaSettings.admin(KafkaConnection.plain(kafka.bootstrapServers()));
    plain.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    plain.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
    try (Admin admin = Admin.create(plain)) {
      assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    KafkaConnection impostor =
        KafkaConnection.scram(
            kafka.bootstrapServers(),
            SecurityProtocol.SASL_PLAINTEXT,
            KafkaPrincipal.OPERATOR.user(),
            "guessed");
    try (Admin admin = Admin.create(KafkaSettings.admin(impostor))) {
      assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void depotServiceCannotPublishASealingKeyButSecretServiceCan() {
    assertThat(write(DEPOT_SERVICE, Topics.SECRET_KEYS))
        .isInstanceOf(TopicAuthorizationException.class);
    assertThat(write(SECRET_SERVICE, Topics.SECRET_KEYS)).isNull();
  }

  @Test
  void theScannerCannotReadSecretCommandsButSecretServiceCan() {
    assertThat(read(CATALOG_SCANNER, Topics.SECRET_COMMANDS, null))
        .isInstanceOf(TopicAuthorizationException.class);
    assertThat(read(DEPOT_SERVICE, Topics.SECRET_COMMANDS, null))
        .isInstanceOf(TopicAuthorizationException.class);
    assertThat(read(SECRET_SERVICE, Topics.SECRET_COMMANDS, null)).isNull();
  }

  @Test
  void depotServiceCannotWriteSecretCommandsSecretServiceCopiesItsRequestsThere() {
    // a secret's one ordered input takes depot-service's reference requests without widening
    // depot-service's grants: secret-service itself appends them
    assertThat(write(DEPOT_SERVICE, Topics.SECRET_COMMANDS))
        .isInstanceOf(AuthorizationException.class);
    assertThat(write(SECRET_SERVICE, Topics.SECRET_COMMANDS)).isNull();
  }

  @Test
  void aDepotsOneInputIsWrittenByItsThreeWritersAndTheLegacyRepliesByNobody() {
    for (KafkaPrincipal writer : List.of(GATEWAY, SECRET_SERVICE, DEPOT_SERVICE)) {
      assertThat(write(writer, Topics.DEPOT_COMMANDS))
          .as(writer + " writing depot.commands")
          .isNull();
    }
    assertThat(write(CATALOG_SCANNER, Topics.DEPOT_COMMANDS))
        .isInstanceOf(AuthorizationException.class);
    assertThat(write(SECRET_SERVICE, Topics.LEGACY_SECRET_REFERENCE_REPLIES))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void noServiceCanPauseOrResetAnotherThroughReplayControl() {
    for (KafkaPrincipal principal :
        List.of(SECRET_SERVICE, DEPOT_SERVICE, CATALOG_SCANNER, READER)) {
      assertThat(write(principal, Topics.REPLAY_CONTROL))
          .as(principal + " writing replay.control")
          .isInstanceOf(AuthorizationException.class);
    }
    assertThat(write(GATEWAY, Topics.REPLAY_CONTROL)).isNull();
    assertThat(write(DEPOT_SERVICE, Topics.REPLAY_ANSWERS)).isNull();
  }

  @Test
  void noPrincipalButTheGatewayWritesIdentities() {
    for (Topic<?, ?> identity :
        List.of(
            Topics.IDENTITY_USERS,
            Topics.IDENTITY_API_KEYS,
            Topics.IDENTITY_TENANTS,
            Topics.IDENTITY_GRANTS)) {
      for (KafkaPrincipal principal :
          List.of(SECRET_SERVICE, DEPOT_SERVICE, CATALOG_SCANNER, READER)) {
        assertThat(write(principal, identity))
            .as(principal + " writing " + identity.baseName())
            .isInstanceOf(AuthorizationException.class);
      }
      assertThat(write(GATEWAY, identity))
          .as("the gateway writing " + identity.baseName())
          .isNull();
    }
  }

  @Test
  void theReaderReadsThePublicTopicsInItsOwnGroupsAndWritesNothing() {
    assertThat(read(READER, Topics.DEPOT_EVENTS, "datadock.reader.it")).isNull();
    assertThat(read(READER, Topics.DEPOT_EVENTS, "datadock-catalog-scanner"))
        .isInstanceOf(GroupAuthorizationException.class);
    assertThat(read(READER, Topics.SECRET_KEYS, null))
        .isInstanceOf(TopicAuthorizationException.class);
    assertThat(write(READER, Topics.DEPOT_EVENTS)).isInstanceOf(AuthorizationException.class);
  }

  /** What refused {@code principal} writing one record to {@code topic}, or null if it was let. */
  private static Throwable write(KafkaPrincipal principal, Topic<?, ?> topic) {
    Map<String, Object> config = KafkaSettings.producer(kafka.connection(principal), "acl-it");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer
          .send(new ProducerRecord<>(topic.name(Topics.DEFAULT_PREFIX), new byte[0], null))
          .get(15, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      Throwable refusal = refusalIn(e.getCause());
      return refusal != null ? refusal : e.getCause();
    } catch (Exception e) {
      // a refused idempotent producer may fail send() itself, with its refusal as the cause
      Throwable refusal = refusalIn(e);
      if (refusal == null) {
        throw new AssertionError(e);
      }
      return refusal;
    }
  }

  private static Throwable refusalIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AuthorizationException) {
        return t;
      }
    }
    return null;
  }

  /**
   * What refused {@code principal} reading {@code topic} (assigned, or subscribed in {@code group}
   * when not null), or null if a poll went through.
   */
  private static Throwable read(KafkaPrincipal principal, Topic<?, ?> topic, String group) {
    Map<String, Object> config =
        KafkaSettings.committedConsumer(kafka.connection(principal), group);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    String name = topic.name(Topics.DEFAULT_PREFIX);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      if (group == null) {
        consumer.assign(List.of(new TopicPartition(name, 0)));
        consumer.poll(Duration.ofSeconds(2));
      } else {
        consumer.subscribe(List.of(name));
        consumer.poll(Duration.ofSeconds(5));
        consumer.commitSync(Duration.ofSeconds(10));
      }
      return null;
    } catch (AuthorizationException e) {
      return e;
    }
  }
}
