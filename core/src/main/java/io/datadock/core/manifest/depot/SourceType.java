package io.datadock.core.manifest.depot;

import io.datadock.core.error.DatadockException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every source type of MANIFESTS.md's table, plus Datadock's {@code file}, with its connection
 * fields and what each holds. Names are case-insensitive and include DataOS's aliases ({@code
 * POSTGRESQL}). Beyond the table: the JDBC types that build a URL with params take them ({@code
 * redshift} too), the JDBC types may repeat their fixed subprotocol, and abfss / wasbs take an
 * {@code endpoint} (an Azure Storage emulator or gateway, addressed path-style), as s3 does, and so
 * do gcs and bigquery (a server for the JSON API other than Google's).
 */
public enum SourceType {
  POSTGRES(host(), port(), ident("database"), jdbcParams(), subprotocol()),
  MYSQL(host(), port(), jdbcParams(), optIdent("database"), subprotocol()),
  MSSQL(host(), port(), ident("database"), jdbcParams(), subprotocol()),
  ORACLE(host(), port(), ident("service"), subprotocol()),
  JDBC(
      new FieldSpec("subprotocol", FieldKind.SUBPROTOCOL, true),
      host(),
      new FieldSpec("port", FieldKind.PORT, false),
      optIdent("database"),
      jdbcParams()),
  REDSHIFT(
      host(),
      port(),
      ident("database"),
      optIdent("bucket"),
      opt("relativePath"),
      jdbcParams(),
      subprotocol()),
  SNOWFLAKE(
      url("url"),
      ident("database"),
      ident("warehouse"),
      optIdent("account"),
      optIdent("role"),
      optIdent("schema")),
  BIGQUERY(req("project"), params(), optUrl("endpoint")),
  S3(
      ident("bucket"),
      opt("relativePath"),
      optIdent("scheme"),
      optIdent("format"),
      optIdent("region"),
      optUrl("endpoint")),
  GCS(ident("bucket"), opt("relativePath"), optIdent("format"), optUrl("endpoint")),
  ABFSS(
      ident("account"),
      ident("container"),
      opt("relativePath"),
      optIdent("format"),
      new FieldSpec("endpointSuffix", FieldKind.HOST, false),
      optUrl("endpoint")),
  WASBS(
      ident("account"),
      ident("container"),
      opt("relativePath"),
      optIdent("format"),
      new FieldSpec("endpointSuffix", FieldKind.HOST, false),
      optUrl("endpoint")),
  MONGODB(list("nodes"), subprotocol(), params()),
  KAFKA(list("brokers"), optUrl("schemaRegistryUrl")),
  EVENTHUB(url("endpoint")),
  ELASTICSEARCH(list("nodes")),
  OPENSEARCH(list("nodes")),
  PULSAR(url("adminUrl"), url("serviceUrl"), optIdent("tenant")),
  FILE(req("path"), opt("format"));

  private static final Map<String, SourceType> BY_NAME = new HashMap<>();

  static {
    for (SourceType type : values()) {
      BY_NAME.put(type.canonical(), type);
      type.aliases().forEach(alias -> BY_NAME.put(alias, type));
    }
  }

  private final List<FieldSpec> fields;

  SourceType(FieldSpec... fields) {
    this.fields = List.of(fields);
  }

  /** The lower-case canonical name, for example {@code postgres}. */
  public String canonical() {
    return name().toLowerCase(Locale.ROOT);
  }

  public List<FieldSpec> fields() {
    return fields;
  }

  /** Whether a depot of this type must reference at least one secret. */
  public boolean needsSecrets() {
    return this != PULSAR && this != FILE;
  }

  /** Other names DataOS manifests use for this type, lower case. */
  List<String> aliases() {
    return switch (this) {
      case POSTGRES -> List.of("postgresql");
      case MSSQL -> List.of("sqlserver");
      default -> List.of();
    };
  }

  public static Optional<SourceType> lookup(String name) {
    return name == null
        ? Optional.empty()
        : Optional.ofNullable(BY_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
  }

  /**
   * The type of a canonical name exactly as {@link #canonical()} writes it (what the topics carry);
   * empty for an alias, another spelling or null.
   */
  public static Optional<SourceType> ofCanonical(String canonical) {
    return Arrays.stream(values()).filter(t -> t.canonical().equals(canonical)).findFirst();
  }

  /** The canonical names, sorted, for error messages. */
  public static String known() {
    return Arrays.stream(values())
        .map(SourceType::canonical)
        .sorted()
        .collect(Collectors.joining(", "));
  }

  /** Looks {@code declared} up or fails naming {@code field}. */
  static SourceType require(String declared, String field) {
    return lookup(declared)
        .orElseThrow(
            () ->
                DatadockException.invalid(
                    field,
                    "unknown source type '"
                        + Values.shorten(declared)
                        + "', expected one of "
                        + known()));
  }

  private static FieldSpec req(String name) {
    return new FieldSpec(name, FieldKind.STRING, true);
  }

  private static FieldSpec opt(String name) {
    return new FieldSpec(name, FieldKind.STRING, false);
  }

  private static FieldSpec host() {
    return new FieldSpec("host", FieldKind.HOST, true);
  }

  private static FieldSpec ident(String name) {
    return new FieldSpec(name, FieldKind.IDENTIFIER, true);
  }

  private static FieldSpec optIdent(String name) {
    return new FieldSpec(name, FieldKind.IDENTIFIER, false);
  }

  private static FieldSpec url(String name) {
    return new FieldSpec(name, FieldKind.URL, true);
  }

  private static FieldSpec optUrl(String name) {
    return new FieldSpec(name, FieldKind.URL, false);
  }

  private static FieldSpec subprotocol() {
    return new FieldSpec("subprotocol", FieldKind.SUBPROTOCOL, false);
  }

  private static FieldSpec port() {
    return new FieldSpec("port", FieldKind.PORT, true);
  }

  private static FieldSpec list(String name) {
    return new FieldSpec(name, FieldKind.STRING_LIST, true);
  }

  private static FieldSpec params() {
    return new FieldSpec("params", FieldKind.MAP, false);
  }

  private static FieldSpec jdbcParams() {
    return new FieldSpec("params", FieldKind.JDBC_PARAMS, false);
  }
}
