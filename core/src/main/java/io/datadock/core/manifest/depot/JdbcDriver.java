package io.datadock.core.manifest.depot;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The JDBC drivers Datadock ships (connectors/pom.xml), each with the subprotocols a manifest may
 * name it by and the connection properties ({@code params}) a manifest may set. Written once: the
 * gateway refuses a manifest that strays, and the connectors build their URLs from what this says.
 *
 * <p>Params are an allowlist of harmless properties (TLS on or off, application name, schema, time
 * zone, encoding, fetch sizes). Left out on purpose, whatever the driver: anything that reads a
 * file (certificates, keys, trust stores, service files, {@code LOAD DATA LOCAL INFILE}), loads a
 * class (socket, SSL, hostname-verifier, authentication plugins, factories), writes a log file,
 * runs SQL or sets session options at login ({@code options}, {@code initSql}, {@code
 * sessionVariables}), deserializes, sends the connection to another host (failover partners,
 * redirects, named-instance lookups, cloud endpoints), uses the service's own identity (Kerberos,
 * GSS, integrated security, IAM profiles) or overrides the timeouts the checks set. Names match
 * without regard to case; the connectors write the spelling listed here. TLS certificates and keys
 * come from the depot's secret instead, as files the connector writes to a path of its own choosing
 * (connectors' {@code PgTlsFiles}).
 */
public enum JdbcDriver {
  POSTGRESQL(
      "postgresql",
      List.of("postgresql"),
      "&=?#",
      List.of(
          "ApplicationName",
          "assumeMinServerVersion",
          "binaryTransfer",
          "channelBinding",
          "currentSchema",
          "defaultRowFetchSize",
          "escapeSyntaxCallMode",
          "preferQueryMode",
          "prepareThreshold",
          "preparedStatementCacheQueries",
          "quoteReturningIdentifiers",
          "readOnly",
          "readOnlyMode",
          "reWriteBatchedInserts",
          "ssl",
          "sslmode",
          "stringtype",
          "targetServerType",
          "tcpKeepAlive",
          "tcpNoDelay",
          "unknownLength")),
  /** MySQL and MariaDB, both through MariaDB Connector/J. */
  MARIADB(
      "mariadb",
      List.of("mariadb", "mysql"),
      "&=?#",
      List.of(
          "characterEncoding",
          "connectionCollation",
          "connectionTimeZone",
          "defaultFetchSize",
          "enabledSslCipherSuites",
          "enabledSslProtocolSuites",
          "nullDatabaseMeansCurrent",
          "serverTimezone",
          "sslMode",
          "tcpKeepAlive",
          "timezone",
          "tinyInt1isBit",
          "transactionIsolation",
          "transformedBitIsBoolean",
          "trustServerCertificate",
          "useAffectedRows",
          "useCatalogTerm",
          "useCompression",
          "useMysqlMetadata",
          "useServerPrepStmts",
          "useSsl",
          "useUnicode",
          "yearIsDateType",
          "zeroDateTimeBehavior")),
  SQLSERVER(
      "sqlserver",
      List.of("sqlserver"),
      ";{}",
      List.of(
          "applicationIntent",
          "applicationName",
          "concatNullYieldsNull",
          "datetimeParameterType",
          "disableStatementPooling",
          "enablePrepareOnFirstPreparedStatementCall",
          "encrypt",
          "hostNameInCertificate",
          "iPAddressPreference",
          "lastUpdateCount",
          "multiSubnetFailover",
          "packetSize",
          "prepareMethod",
          "quotedIdentifier",
          "responseBuffering",
          "selectMethod",
          "sendStringParametersAsUnicode",
          "sendTimeAsDatetime",
          "serverNameAsACE",
          "serverPreparedStatementDiscardThreshold",
          "sslProtocol",
          "statementPoolingCacheSize",
          "TransparentNetworkIPResolution",
          "trustServerCertificate",
          "workstationID")),
  /** Oracle's thin driver; its URL takes no params. */
  ORACLE("oracle:thin", List.of("oracle:thin", "oracle"), "", List.of()),
  REDSHIFT(
      "redshift",
      List.of("redshift"),
      "&=?#",
      List.of(
          "ApplicationName",
          "compression",
          "currentSchema",
          "defaultRowFetchSize",
          "preferQueryMode",
          "prepareThreshold",
          "readOnly",
          "reWriteBatchedInserts",
          "ssl",
          "sslmode",
          "stringtype",
          "tcpKeepAlive"));

  /** The longest param value accepted. */
  public static final int MAX_VALUE_LENGTH = 256;

  private final String subprotocol;
  private final List<String> names;
  private final String separators;
  private final Map<String, String> params;

  JdbcDriver(String subprotocol, List<String> names, String separators, List<String> params) {
    this.subprotocol = subprotocol;
    this.names = names;
    this.separators = separators;
    Map<String, String> byLowerCase = new TreeMap<>();
    params.forEach(p -> byLowerCase.put(p.toLowerCase(Locale.ROOT), p));
    this.params = Collections.unmodifiableMap(byLowerCase);
  }

  /** The subprotocol the connectors write in URLs, for example {@code postgresql}. */
  public String subprotocol() {
    return subprotocol;
  }

  /** Whether a manifest may name this driver {@code name} (trimmed, any case). */
  public boolean accepts(String name) {
    return name != null && names.contains(name.trim().toLowerCase(Locale.ROOT));
  }

  /** The driver a generic {@code jdbc} depot names by its subprotocol, if Datadock ships it. */
  public static Optional<JdbcDriver> bySubprotocol(String name) {
    return Arrays.stream(values()).filter(d -> d.accepts(name)).findFirst();
  }

  /**
   * The driver a source type always uses; empty for {@code jdbc} (its subprotocol says) and for the
   * types that are not JDBC.
   */
  public static Optional<JdbcDriver> fixedFor(SourceType type) {
    return Optional.ofNullable(
        switch (type) {
          case POSTGRES -> POSTGRESQL;
          case MYSQL -> MARIADB;
          case MSSQL -> SQLSERVER;
          case ORACLE -> ORACLE;
          case REDSHIFT -> REDSHIFT;
          default -> null;
        });
  }

  /** Every subprotocol a generic {@code jdbc} depot may name, sorted, for messages. */
  public static String knownSubprotocols() {
    return Arrays.stream(values())
        .flatMap(d -> d.names.stream())
        .sorted()
        .collect(Collectors.joining(", "));
  }

  /** The allowed param named {@code key} (any case), in the driver's spelling; else empty. */
  public Optional<String> param(String key) {
    return key == null
        ? Optional.empty()
        : Optional.ofNullable(params.get(key.trim().toLowerCase(Locale.ROOT)));
  }

  /** The allowed params, sorted, for messages. */
  public SortedSet<String> params() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(params.values()));
  }

  /**
   * Whether {@code value} may be a param's value: at most 256 characters, no control character and
   * none of the driver's separators ({@link #separators()}).
   */
  public boolean allowsValue(String value) {
    if (value == null || value.length() > MAX_VALUE_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || separators.indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** The characters that end a value in this driver's URL syntax. */
  public String separators() {
    return separators;
  }
}
