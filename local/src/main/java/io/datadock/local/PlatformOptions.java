package io.datadock.local;

import static io.datadock.runtime.config.Setting.DATADOCK_ADMIN_TOKEN;
import static io.datadock.runtime.config.Setting.DATADOCK_REPLY_MODE;
import static io.datadock.runtime.config.Setting.DATADOCK_REPLY_TIMEOUT_MS;
import static io.datadock.runtime.config.Setting.DATADOCK_RESCAN_INTERVAL_MS;
import static io.datadock.runtime.config.Setting.DATADOCK_TENANT_RATE_LIMIT;
import static io.datadock.runtime.config.Setting.KAFKA_BOOTSTRAP_SERVERS;

import io.datadock.gateway.app.GatewayConfig.ReplyMode;
import io.datadock.runtime.config.Setting;
import io.datadock.runtime.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How to start the embedded platform: where its state lives, where to write a CLI profile, and the
 * environment its services read, with the very variables the standalone services read ({@link
 * Setting}, documented in {@code docs/operations/deploy.md}). The launcher passes {@code
 * System.getenv()}, tests the variables they set; {@link Platform} sets only what it owns over
 * them. The {@code with...} helpers below are readable names for setting one variable.
 *
 * @param dataDir where the broker log, Streams state and keys live; the same dir means the same
 *     state after a restart
 * @param cliConfig the CLI config file to write a ready profile to, or null for none
 * @param environment the variables the services read, by name
 */
public record PlatformOptions(Path dataDir, Path cliConfig, Map<String, String> environment) {

  public PlatformOptions {
    environment = Map.copyOf(environment);
  }

  /** No environment: every setting at the launcher's defaults, free ports, the embedded broker. */
  public static PlatformOptions defaults(Path dataDir) {
    return new PlatformOptions(dataDir, null, Map.of());
  }

  /** These variables instead of the ones given so far ({@code System.getenv()} in the launcher). */
  public PlatformOptions withEnvironment(Map<String, String> variables) {
    return new PlatformOptions(dataDir, cliConfig, Settings.of(variables).variables());
  }

  /** The same with one variable set. */
  public PlatformOptions with(Setting setting, Object value) {
    Map<String, String> variables = new HashMap<>(environment);
    variables.put(setting.variable(), String.valueOf(value));
    return new PlatformOptions(dataDir, cliConfig, variables);
  }

  public PlatformOptions withCliConfig(Path path) {
    return new PlatformOptions(dataDir, path, environment);
  }

  /** The environment as the services read it. */
  public Settings settings() {
    return Settings.of(environment);
  }

  /** {@code DATADOCK_ADMIN_TOKEN}; null keeps the one in the data dir or generates one. */
  public PlatformOptions withAdminToken(String token) {
    return token == null ? this : with(DATADOCK_ADMIN_TOKEN, token);
  }

  /** {@code DATADOCK_REPLY_TIMEOUT_MS}: how long the gateway waits for a service's reply. */
  public PlatformOptions withReplyTimeout(Duration timeout) {
    return with(DATADOCK_REPLY_TIMEOUT_MS, timeout.toMillis());
  }

  /** {@code DATADOCK_REPLY_MODE}: SERVICE, or BROKER_ACK to measure the gateway's ceiling. */
  public PlatformOptions withReplyMode(ReplyMode mode) {
    return with(DATADOCK_REPLY_MODE, mode.name());
  }

  /** {@code DATADOCK_RESCAN_INTERVAL_MS}: periodic catalog rescans; zero turns them off. */
  public PlatformOptions withRescanInterval(Duration interval) {
    return with(DATADOCK_RESCAN_INTERVAL_MS, interval.toMillis());
  }

  /** {@code DATADOCK_TENANT_RATE_LIMIT}: requests a second per tenant; 0 turns limiting off. */
  public PlatformOptions withTenantRate(double perSecond) {
    return with(DATADOCK_TENANT_RATE_LIMIT, perSecond);
  }

  /**
   * {@code KAFKA_BOOTSTRAP_SERVERS}: runs against an existing Kafka cluster instead of the embedded
   * broker; its topics are created when missing, with the cluster's default replication factor.
   */
  public PlatformOptions withExternalKafka(String bootstrapServers) {
    return with(KAFKA_BOOTSTRAP_SERVERS, bootstrapServers);
  }
}
