package io.datadock.runtime.kafka;

import static io.datadock.runtime.config.Setting.KAFKA_BOOTSTRAP_SERVERS;
import static io.datadock.runtime.config.Setting.KAFKA_CLIENT_PROPERTIES;
import static io.datadock.runtime.config.Setting.KAFKA_SASL_PASSWORD_FILE;
import static io.datadock.runtime.config.Setting.KAFKA_SASL_USERNAME;
import static io.datadock.runtime.config.Setting.KAFKA_SECURITY_PROTOCOL;
import static io.datadock.runtime.config.Setting.KAFKA_SSL_CA_FILE;

import io.datadock.runtime.config.ConfigurationException;
import io.datadock.runtime.config.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * How a process reaches the Kafka cluster: the bootstrap servers and the security settings every
 * one of its clients shares (protocol, SCRAM credentials, trusted CA). {@link KafkaSettings} and
 * {@link io.datadock.runtime.streams.StreamsSettings} start from {@link #clientConfig()}, so no
 * client is configured apart.
 *
 * <p>{@link #toString()} never shows the security settings: they hold a password.
 */
public final class KafkaConnection {

  /** The SASL mechanism Datadock's principals authenticate with. */
  public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

  private final String bootstrapServers;
  private final Map<String, String> security;

  private KafkaConnection(String bootstrapServers, Map<String, String> security) {
    this.bootstrapServers = bootstrapServers;
    this.security = Map.copyOf(security);
  }

  /** A connection without authentication: a development broker, or a test's data source. */
  public static KafkaConnection plain(String bootstrapServers) {
    return new KafkaConnection(bootstrapServers, Map.of());
  }

  /** A SCRAM-SHA-512 principal over {@code protocol} (SASL_PLAINTEXT or SASL_SSL). */
  public static KafkaConnection scram(
      String bootstrapServers, SecurityProtocol protocol, String username, String password) {
    Map<String, String> security = new HashMap<>();
    security.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name);
    security.put(SaslConfigs.SASL_MECHANISM, SCRAM_MECHANISM);
    security.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaas(username, password));
    return new KafkaConnection(bootstrapServers, security);
  }

  /**
   * The connection {@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_SECURITY_PROTOCOL}, {@code
   * KAFKA_SASL_USERNAME}, {@code KAFKA_SASL_PASSWORD_FILE}, {@code KAFKA_SSL_CA_FILE} and {@code
   * KAFKA_CLIENT_PROPERTIES} describe (the file's properties win).
   *
   * @throws ConfigurationException naming the variable that is missing or wrong
   */
  public static KafkaConnection from(Settings settings) {
    String bootstrap = settings.string(KAFKA_BOOTSTRAP_SERVERS);
    SecurityProtocol protocol = protocol(settings);
    Map<String, String> security = new HashMap<>();
    security.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name);
    if (protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL) {
      String user = settings.required(KAFKA_SASL_USERNAME, protocol.name + " needs a principal");
      Path passwordFile = settings.path(KAFKA_SASL_PASSWORD_FILE, null);
      if (passwordFile == null) {
        throw new ConfigurationException(
            KAFKA_SASL_PASSWORD_FILE, "required: " + protocol.name + " needs the user's password");
      }
      security.put(SaslConfigs.SASL_MECHANISM, SCRAM_MECHANISM);
      security.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaas(user, password(passwordFile)));
    }
    settings.optional(KAFKA_SSL_CA_FILE).ifPresent(ca -> trust(security, ca));
    settings.optional(KAFKA_CLIENT_PROPERTIES).ifPresent(f -> security.putAll(properties(f)));
    return new KafkaConnection(bootstrap, security);
  }

  private static SecurityProtocol protocol(Settings settings) {
    String name = settings.string(KAFKA_SECURITY_PROTOCOL).trim();
    try {
      return SecurityProtocol.forName(name);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          KAFKA_SECURITY_PROTOCOL,
          "not one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL: \"" + name + "\"");
    }
  }

  private static String password(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new ConfigurationException(KAFKA_SASL_PASSWORD_FILE, "cannot read " + file);
    }
  }

  private static Map<String, String> properties(String file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(file))) {
      p.load(in);
    } catch (IOException | RuntimeException e) {
      throw new ConfigurationException(KAFKA_CLIENT_PROPERTIES, "cannot read " + file);
    }
    Map<String, String> map = new HashMap<>();
    p.stringPropertyNames().forEach(n -> map.put(n, p.getProperty(n)));
    return map;
  }

  /** The JAAS line a SCRAM client logs in with (a broker's own login on its listener too). */
  public static String scramJaas(String username, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + jaasQuoted(username)
        + "\" password=\""
        + jaasQuoted(password)
        + "\";";
  }

  private static String jaasQuoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The same, trusting the brokers' certificates that chain to {@code caPem} (TLS). */
  public KafkaConnection trusting(Path caPem) {
    Map<String, String> withCa = new HashMap<>(security);
    trust(withCa, caPem.toString());
    return new KafkaConnection(bootstrapServers, withCa);
  }

  private static void trust(Map<String, String> security, String caPem) {
    security.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
    security.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, caPem);
  }

  /** {@code bootstrap.servers} and the security settings: the base of every client's config. */
  public Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>(security);
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }

  /** The client config as a properties file's lines would hold it (sorted), for a consumer. */
  public Map<String, String> asProperties() {
    Map<String, String> sorted = new TreeMap<>(security);
    sorted.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return sorted;
  }

  @Override
  public String toString() {
    return bootstrapServers
        + " ("
        + security.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT")
        + ")";
  }
}
