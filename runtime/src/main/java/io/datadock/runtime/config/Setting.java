package io.datadock.runtime.config;

import static io.datadock.runtime.config.Setting.Reader.CLI;
import static io.datadock.runtime.config.Setting.Reader.DEPOT;
import static io.datadock.runtime.config.Setting.Reader.EVERY_PROCESS;
import static io.datadock.runtime.config.Setting.Reader.EVERY_SERVICE;
import static io.datadock.runtime.config.Setting.Reader.GATEWAY;
import static io.datadock.runtime.config.Setting.Reader.LAUNCHER;
import static io.datadock.runtime.config.Setting.Reader.SCANNER;
import static io.datadock.runtime.config.Setting.Reader.SECRET;

import java.util.List;

/**
 * Every environment variable Datadock reads: the one table, documented as such in {@code
 * docs/operations/deploy.md} (a test keeps the two equal). Each service's configuration record
 * reads its own with {@link Settings}; the launcher hands the same variables to the same records
 * and sets only what it owns ({@link #launcher}).
 */
public enum Setting {
  KAFKA_BOOTSTRAP_SERVERS(
      "localhost:9092",
      "honoured: that cluster instead of the embedded broker",
      "the Kafka cluster",
      EVERY_SERVICE),
  KAFKA_SECURITY_PROTOCOL(
      "PLAINTEXT",
      "owned on the embedded broker: `SASL_PLAINTEXT`, one principal per service; else honoured",
      "`PLAINTEXT` (a development broker), `SASL_SSL`, `SASL_PLAINTEXT` or `SSL`",
      EVERY_SERVICE),
  KAFKA_SASL_USERNAME(
      null,
      "",
      "owned on the embedded broker: the service's principal; else honoured",
      "the SCRAM-SHA-512 user",
      EVERY_SERVICE),
  KAFKA_SASL_PASSWORD_FILE(
      null,
      "",
      "owned on the embedded broker: `<data>/kafka/credentials/<user>.password`; else honoured",
      "a file holding that user's password",
      EVERY_SERVICE),
  KAFKA_SSL_CA_FILE(
      null,
      "",
      "honoured",
      "PEM certificates the brokers' TLS certificates chain to",
      EVERY_SERVICE),
  KAFKA_CLIENT_PROPERTIES(
      null,
      "",
      "honoured",
      "a Kafka client properties file, over the settings above (mutual TLS, ...)",
      EVERY_SERVICE),
  DATADOCK_TOPIC_PREFIX("datadock.", "honoured", "prefix of every topic name", EVERY_SERVICE),
  DATADOCK_TOPIC_PARTITIONS(
      "6",
      "honoured, default 4",
      "partitions of the topics it creates when missing",
      EVERY_SERVICE),
  DATADOCK_TOPIC_REPLICATION(
      "0",
      "honoured, default 1 on the embedded broker",
      "replicas of the topics it creates; 0: the cluster's default",
      EVERY_SERVICE),
  DATADOCK_DATA_DIR(
      "./data", "owned: `--data-dir`", "local state; `files/` under it", SECRET, DEPOT, SCANNER),
  DATADOCK_INSTANCE_ID(
      null,
      "host name",
      "honoured, default `local`",
      "the instance's name in replays and static membership",
      SECRET,
      DEPOT,
      SCANNER),
  DATADOCK_SERVICE_TOKEN(
      null,
      "",
      "owned: generated per process",
      "the token services resolve credentials with (required by depot-service and the scanner)",
      SECRET,
      DEPOT,
      SCANNER),
  DATADOCK_ADMIN_TOKEN(
      null,
      "",
      "honoured, else kept in the data dir or generated",
      "the bootstrap operator's token (required by the gateway)",
      GATEWAY,
      SECRET,
      LAUNCHER),
  DATADOCK_RESOLUTION_URL(
      "http://localhost:8081",
      "owned: its secret-service",
      "secret-service's internal listener",
      DEPOT,
      SCANNER),
  DATADOCK_SECRET_RESOLUTION_URL(
      null,
      "",
      "owned: its secret-service",
      "secret-service's internal listener, for `unsanitize=true`",
      GATEWAY),
  DATADOCK_RESOLUTION_PORT(
      "8081", "honoured, default a free port", "secret-service's internal listener", SECRET),
  DATADOCK_ADVERTISED_HOST(
      null,
      "host name",
      "honoured, default `localhost`",
      "the name other instances reach this one on (forwarding; noticing a killed instance)",
      SECRET,
      DEPOT),
  DATADOCK_SECRET_KEY_FILE(null, "", "honoured", "a mounted sealing key", SECRET),
  DATADOCK_KEY_SIGNING_KEY_FILE(
      null,
      "",
      "honoured, default `<data>/secret-service/signing.key`, generated on first start",
      "the key that signs sealing-key announcements (required)",
      SECRET),
  DATADOCK_KEY_TRUST_ANCHOR(
      null,
      "",
      "owned: its signing key's fingerprint",
      "whose sealing keys to trust: the signing key's fingerprint, or its `.pub` file (required)",
      GATEWAY),
  DATADOCK_SECRET_KEY_DIR(
      null,
      "`<data>/secret-service/keys`",
      "owned: under the data dir",
      "where rotated keys go",
      SECRET),
  DATADOCK_SECRET_STATE_DIR(
      null,
      "`<data>/secret-service/state`",
      "owned: under the data dir",
      "Kafka Streams state",
      SECRET),
  DATADOCK_DEPOT_STATE_DIR(
      null,
      "`<data>/depot-service/state`",
      "owned: under the data dir",
      "Kafka Streams state",
      DEPOT),
  DATADOCK_SECRET_APPLICATION_ID(
      "datadock-secret-service",
      "honoured",
      "secret-service's Streams application id",
      SECRET,
      GATEWAY),
  DATADOCK_DEPOT_APPLICATION_ID(
      "datadock-depot-service",
      "honoured",
      "depot-service's Streams application id",
      DEPOT,
      GATEWAY),
  DATADOCK_SCANNER_GROUP(
      "datadock-catalog-scanner", "honoured", "the scanner's consumer group", SCANNER, GATEWAY),
  DATADOCK_COMMIT_INTERVAL_MS("100", "honoured", "exactly-once commit interval", SECRET, DEPOT),
  DATADOCK_STREAM_THREADS("1", "honoured", "stream threads", SECRET, DEPOT),
  DATADOCK_SESSION_TIMEOUT_MS(
      "45000",
      "honoured",
      "how long the group waits for a silent instance",
      SECRET,
      DEPOT,
      SCANNER),
  DATADOCK_CHECK_TIMEOUT_MS("10000", "honoured", "each connection check's timeout", DEPOT),
  DATADOCK_CHECK_THREADS("8", "honoured", "connection checks at once", DEPOT),
  DATADOCK_SCAN_TIMEOUT_MS("60000", "honoured", "the longest one scan may read", SCANNER),
  DATADOCK_SCAN_THREADS("2", "honoured", "scans at once", SCANNER),
  DATADOCK_SCAN_OBJECT_BUDGET(
      "100000",
      "honoured",
      "objects an object-store scan lists at most per depot; past it the scan is partial",
      SCANNER),
  DATADOCK_SCAN_OBJECT_BUDGETS(
      "",
      "honoured",
      "budgets of named depots over that one: `<tenant>/<depot>=<objects>`, comma-separated",
      SCANNER),
  DATADOCK_RESCAN_INTERVAL_MS("0", "honoured", "periodic rescans; 0: off", SCANNER),
  DATADOCK_EGRESS_ALLOW(
      "", "honoured", "CIDR list: where checks and scans may connect", DEPOT, SCANNER),
  DATADOCK_EGRESS_DENY("", "honoured", "CIDR list: where they may not", DEPOT, SCANNER),
  DATADOCK_FILE_ROOTS(
      null, "`<data>/files`", "honoured", "the directories `file` depots may read", DEPOT, SCANNER),
  DATADOCK_GATEWAY_PORT("8080", "honoured (`--port` wins), default 8080", "the API port", GATEWAY),
  DATADOCK_METRICS_PORT(
      null,
      "9402 / 9400 / 9401",
      "the gateway's, default a free port; the others a free port",
      "the operations listener (gateway / depot-service / scanner)",
      GATEWAY,
      DEPOT,
      SCANNER),
  DATADOCK_REPLY_TIMEOUT_MS("10000", "honoured", "how long an apply waits for its answer", GATEWAY),
  DATADOCK_MAX_BODY_BYTES("1048576", "honoured", "the request body limit", GATEWAY),
  DATADOCK_HTTP_INSTANCES("2", "honoured", "HTTP verticles", GATEWAY),
  DATADOCK_TENANT_RATE_LIMIT(
      "1000", "honoured", "each tenant's requests a second; 0: no limit", GATEWAY),
  DATADOCK_REPLY_MODE(
      "SERVICE", "honoured", "`BROKER_ACK` answers on the broker's ack alone", GATEWAY),
  DATADOCK_KAFKA_PORT(
      "9092", "honoured (`--kafka-port` wins)", "the embedded broker's port", LAUNCHER),
  DATADOCK_LOG_FORMAT("text", "honoured", "`json`: one JSON object per line", EVERY_PROCESS),
  DATADOCK_CONFIG(
      null,
      "`~/.datadock/config.yaml`",
      "honoured",
      "the CLI profile (the launcher writes one)",
      LAUNCHER,
      CLI),
  DATADOCK_GATEWAY(null, "the profile's", "", "the gateway URL, over the profile's", CLI),
  DATADOCK_TOKEN(null, "the profile's", "", "the token, over the profile's", CLI),
  DATADOCK_TENANT(null, "the profile's", "", "the tenant, over the profile's", CLI);

  /** Who reads a variable, as the documented table names them. */
  public enum Reader {
    EVERY_SERVICE("every service"),
    EVERY_PROCESS("every process"),
    GATEWAY("gateway"),
    SECRET("secret-service"),
    DEPOT("depot-service"),
    SCANNER("scanner"),
    LAUNCHER("launcher"),
    CLI("CLI");

    private final String label;

    Reader(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final String defaultValue;
  private final String documentedDefault;
  private final String launcher;
  private final String meaning;
  private final List<Reader> readers;

  /** A variable whose default is a value (or none, with {@code null}). */
  Setting(String defaultValue, String launcher, String meaning, Reader... readers) {
    this(defaultValue, defaultValue == null ? "" : defaultValue, launcher, meaning, readers);
  }

  Setting(
      String defaultValue,
      String documentedDefault,
      String launcher,
      String meaning,
      Reader... readers) {
    this.defaultValue = defaultValue;
    this.documentedDefault = documentedDefault;
    this.launcher = launcher;
    this.meaning = meaning;
    this.readers = List.of(readers);
  }

  /** The variable's name, as set in the environment. */
  public String variable() {
    return name();
  }

  /** The value when the variable is unset, or null when the reader decides (host name, ...). */
  public String defaultValue() {
    return defaultValue;
  }

  /** The default as the documented table shows it. */
  public String documentedDefault() {
    return documentedDefault;
  }

  /** What the all-in-one launcher does with it: honours it, or owns it (and how). */
  public String launcher() {
    return launcher;
  }

  public String meaning() {
    return meaning;
  }

  public List<Reader> readers() {
    return readers;
  }
}
