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
 * fields. Names are case-insensitive and include DataOS's aliases ({@code POSTGRESQL}).
 */
public enum SourceType {
  POSTGRES(req("host"), port(), req("database"), params(), opt("subprotocol")),
  MYSQL(req("host"), port(), params(), opt("database")),
  MSSQL(req("host"), port(), req("database"), params(), opt("subprotocol")),
  ORACLE(req("host"), port(), req("service"), opt("subprotocol")),
  JDBC(
      req("subprotocol"),
      req("host"),
      new FieldSpec("port", FieldKind.PORT, false),
      opt("database"),
      params()),
  REDSHIFT(req("host"), port(), req("database"), opt("bucket"), opt("relativePath")),
  SNOWFLAKE(
      req("url"), req("database"), req("warehouse"), opt("account"), opt("role"), opt("schema")),
  BIGQUERY(req("project"), params()),
  S3(
      req("bucket"),
      opt("relativePath"),
      opt("scheme"),
      opt("format"),
      opt("region"),
      opt("endpoint")),
  GCS(req("bucket"), opt("relativePath"), opt("format")),
  ABFSS(
      req("account"), req("container"), opt("relativePath"), opt("format"), opt("endpointSuffix")),
  WASBS(
      req("account"), req("container"), opt("relativePath"), opt("format"), opt("endpointSuffix")),
  MONGODB(list("nodes"), opt("subprotocol"), params()),
  KAFKA(list("brokers"), opt("schemaRegistryUrl")),
  EVENTHUB(req("endpoint")),
  ELASTICSEARCH(list("nodes")),
  OPENSEARCH(list("nodes")),
  PULSAR(req("adminUrl"), req("serviceUrl"), opt("tenant")),
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

  private static FieldSpec port() {
    return new FieldSpec("port", FieldKind.PORT, true);
  }

  private static FieldSpec list(String name) {
    return new FieldSpec(name, FieldKind.STRING_LIST, true);
  }

  private static FieldSpec params() {
    return new FieldSpec("params", FieldKind.MAP, false);
  }
}
