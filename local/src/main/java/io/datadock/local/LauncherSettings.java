package io.datadock.local;

import static io.datadock.runtime.config.Setting.DATADOCK_ADMIN_TOKEN;
import static io.datadock.runtime.config.Setting.DATADOCK_ADVERTISED_HOST;
import static io.datadock.runtime.config.Setting.DATADOCK_DATA_DIR;
import static io.datadock.runtime.config.Setting.DATADOCK_DEPOT_STATE_DIR;
import static io.datadock.runtime.config.Setting.DATADOCK_GATEWAY_PORT;
import static io.datadock.runtime.config.Setting.DATADOCK_INSTANCE_ID;
import static io.datadock.runtime.config.Setting.DATADOCK_KAFKA_PORT;
import static io.datadock.runtime.config.Setting.DATADOCK_KEY_SIGNING_KEY_FILE;
import static io.datadock.runtime.config.Setting.DATADOCK_KEY_TRUST_ANCHOR;
import static io.datadock.runtime.config.Setting.DATADOCK_METRICS_PORT;
import static io.datadock.runtime.config.Setting.DATADOCK_RESOLUTION_PORT;
import static io.datadock.runtime.config.Setting.DATADOCK_RESOLUTION_URL;
import static io.datadock.runtime.config.Setting.DATADOCK_SECRET_KEY_DIR;
import static io.datadock.runtime.config.Setting.DATADOCK_SECRET_RESOLUTION_URL;
import static io.datadock.runtime.config.Setting.DATADOCK_SECRET_STATE_DIR;
import static io.datadock.runtime.config.Setting.DATADOCK_SERVICE_TOKEN;
import static io.datadock.runtime.config.Setting.DATADOCK_TOPIC_PARTITIONS;
import static io.datadock.runtime.config.Setting.DATADOCK_TOPIC_REPLICATION;
import static io.datadock.runtime.config.Setting.KAFKA_BOOTSTRAP_SERVERS;

import io.datadock.core.crypto.SigningKey;
import io.datadock.runtime.config.Setting;
import io.datadock.runtime.config.Settings;
import io.datadock.runtime.kafka.FreePorts;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the launcher owns over the environment it is given, as the {@code launcher} column of the
 * documented table says: every service reads its own configuration record from the result, as a
 * standalone service reads it from its environment. Owned: the data, state and key directories
 * (under the data dir), the gateway's trust in its secret-service's signing key ({@link
 * #signingKey}), the service token (one per process), the resolution URLs (its own secret-service),
 * the broker (unless {@code KAFKA_BOOTSTRAP_SERVERS} names a cluster) and the depot-service's and
 * scanner's metrics ports (free ones). Defaults that differ from a standalone service's, unless
 * set: instance id {@code local}, advertised host {@code localhost}, free ports for the gateway,
 * its operations listener, secret-service's listener and the broker, 4 partitions, 1 replica on the
 * embedded broker.
 */
final class LauncherSettings {

  private LauncherSettings() {}

  /** The given environment with what the launcher owns set, before the broker is known. */
  static Settings over(Settings given, Path dataDir, String adminToken, String serviceToken) {
    return given
        .with(DATADOCK_DATA_DIR, dataDir)
        .with(DATADOCK_SECRET_STATE_DIR, dataDir.resolve("secret-service").resolve("state"))
        .with(DATADOCK_SECRET_KEY_DIR, dataDir.resolve("secret-service").resolve("keys"))
        .with(DATADOCK_DEPOT_STATE_DIR, dataDir.resolve("depot-service").resolve("state"))
        .with(DATADOCK_ADMIN_TOKEN, adminToken)
        .with(DATADOCK_SERVICE_TOKEN, serviceToken)
        .withDefault(DATADOCK_INSTANCE_ID, "local")
        .withDefault(DATADOCK_ADVERTISED_HOST, "localhost")
        .withDefault(DATADOCK_RESOLUTION_PORT, 0)
        .withDefault(DATADOCK_GATEWAY_PORT, 0)
        .withDefault(DATADOCK_METRICS_PORT, 0)
        .withDefault(DATADOCK_KAFKA_PORT, 0)
        .withDefault(DATADOCK_TOPIC_PARTITIONS, 4);
  }

  /**
   * The key that signs secret-service's sealing keys: the one given, else {@code
   * <data>/secret-service/signing.key}, generated on first start; the gateway trusts that key.
   */
  static Settings signingKey(Settings settings, Path dataDir) {
    Path file =
        settings.path(
            DATADOCK_KEY_SIGNING_KEY_FILE,
            dataDir.resolve("secret-service").resolve("signing.key"));
    SigningKey key = SigningKey.loadOrCreate(file);
    return settings
        .with(DATADOCK_KEY_SIGNING_KEY_FILE, file)
        .with(DATADOCK_KEY_TRUST_ANCHOR, key.fingerprint());
  }

  /** The cluster to use instead of starting the embedded broker, when the environment names one. */
  static Optional<String> externalKafka(Settings given) {
    return given.isSet(KAFKA_BOOTSTRAP_SERVERS)
        ? given.optional(KAFKA_BOOTSTRAP_SERVERS)
        : Optional.empty();
  }

  /**
   * The broker the services use: an external cluster's topics get its default replication factor
   * (0), the embedded broker's 1.
   */
  static Settings onKafka(Settings settings, String bootstrapServers, boolean embedded) {
    return settings
        .with(KAFKA_BOOTSTRAP_SERVERS, bootstrapServers)
        .withDefault(DATADOCK_TOPIC_REPLICATION, embedded ? 1 : 0);
  }

  /**
   * Free ports for secret-service's listener and the gateway when left at 0, picked now (as each
   * would pick one at its start) so that the services can be started at once, each knowing the
   * others' addresses.
   */
  static Settings portsPicked(Settings settings) {
    for (Setting port : List.of(DATADOCK_RESOLUTION_PORT, DATADOCK_GATEWAY_PORT)) {
      if (settings.port(port, null) == 0) {
        settings = settings.with(port, FreePorts.pick());
      }
    }
    return settings;
  }

  /** Its own secret-service's internal listener, for the other services. */
  static Settings resolvingAt(Settings settings, String resolutionUrl) {
    return settings
        .with(DATADOCK_RESOLUTION_URL, resolutionUrl)
        .with(DATADOCK_SECRET_RESOLUTION_URL, resolutionUrl);
  }

  /**
   * For depot-service and the scanner: a free metrics port each ({@code DATADOCK_METRICS_PORT} is
   * the gateway's operations listener here, the platform's {@code /readyz}).
   */
  static Settings freeMetricsPort(Settings settings) {
    return settings.with(DATADOCK_METRICS_PORT, 0);
  }
}
