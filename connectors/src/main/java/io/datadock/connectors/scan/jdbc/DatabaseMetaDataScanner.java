package io.datadock.connectors.scan.jdbc;

import io.datadock.connectors.jdbc.JdbcLogin;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.jdbc.TableDrafts.ColumnRow;
import io.datadock.connectors.scan.jdbc.TableDrafts.Draft;
import io.datadock.connectors.scan.jdbc.TableDrafts.KeyRow;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQL Server, Oracle and any other JDBC source, through {@link DatabaseMetaData}: one {@code
 * getTables} for every table and view, one {@code getColumns} per collection, and {@code
 * getPrimaryKeys} per table only while there are at most {@value #PRIMARY_KEY_LIMIT} tables (more
 * would be one round trip each; their keys are then left empty). Collections are schemas, or
 * catalogs for a driver without schemas. No row estimates.
 */
public final class DatabaseMetaDataScanner extends JdbcScanner {

  static final int PRIMARY_KEY_LIMIT = 500;

  private static final Set<String> TABLE_TYPES =
      Set.of("TABLE", "BASE TABLE", "PARTITIONED TABLE", "VIEW", "MATERIALIZED VIEW");
  private static final String[] FALLBACK_TYPES = {"TABLE", "VIEW"};

  public DatabaseMetaDataScanner(JdbcLogin login) {
    super(login);
  }

  /** Where a collection lives: a schema (in a catalog) or, without schemas, a catalog. */
  private record Scope(String catalog, String schema) {}

  private record Table(String catalog, String schema, String name, String type, String remarks) {
    String collection() {
      return schema != null ? schema : catalog;
    }
  }

  @Override
  void read(CatalogReader reader, TableDrafts drafts) {
    String[] types =
        reader
            .read("table types", c -> c.getMetaData().getTableTypes(), row -> row.getString(1))
            .map(
                all ->
                    all.stream()
                        .map(String::trim)
                        .filter(t -> TABLE_TYPES.contains(t.toUpperCase(Locale.ROOT)))
                        .toArray(String[]::new))
            .filter(wanted -> wanted.length > 0)
            .orElse(FALLBACK_TYPES);
    Map<String, Scope> scopes = new LinkedHashMap<>();
    reader
        .read(
            "tables",
            c -> c.getMetaData().getTables(null, null, "%", types),
            row ->
                new Table(
                    row.getString("TABLE_CAT"),
                    row.getString("TABLE_SCHEM"),
                    row.getString("TABLE_NAME"),
                    row.getString("TABLE_TYPE"),
                    row.getString("REMARKS")))
        .ifPresent(
            tables ->
                tables.forEach(
                    t -> {
                      Draft draft = add(drafts, t);
                      if (draft != null) {
                        scopes.putIfAbsent(t.collection(), new Scope(t.catalog(), t.schema()));
                      }
                    }));
    scopes.forEach((collection, scope) -> readColumns(reader, drafts, collection, scope));
    if (drafts.all().size() <= PRIMARY_KEY_LIMIT) {
      readPrimaryKeys(reader, drafts, scopes);
    }
  }

  private static Draft add(TableDrafts drafts, Table table) {
    String type = table.type() == null ? "TABLE" : table.type().toUpperCase(Locale.ROOT);
    Draft draft =
        drafts.add(
            table.collection(),
            table.name(),
            type.contains("VIEW") ? DatasetKind.VIEW : DatasetKind.TABLE);
    if (draft != null) {
      draft.description = TableDrafts.comment(table.remarks());
      if (type.startsWith("MATERIALIZED")) {
        draft.properties.put("materialized", "true");
      } else if (type.startsWith("PARTITIONED")) {
        draft.properties.put("partitioned", "true");
      }
    }
    return draft;
  }

  /** All columns of one collection in one call. */
  private static void readColumns(
      CatalogReader reader, TableDrafts drafts, String collection, Scope scope) {
    reader
        .read(
            "columns of " + collection,
            c -> {
              DatabaseMetaData metaData = c.getMetaData();
              String schema =
                  scope.schema() == null
                      ? null
                      : escape(scope.schema(), metaData.getSearchStringEscape());
              return metaData.getColumns(scope.catalog(), schema, "%", "%");
            },
            row -> {
              int size = row.getInt("COLUMN_SIZE");
              Integer columnSize = row.wasNull() ? null : size;
              int digits = row.getInt("DECIMAL_DIGITS");
              Integer decimalDigits = row.wasNull() ? null : digits;
              return new ColumnRow(
                  collection,
                  row.getString("TABLE_NAME"),
                  row.getInt("ORDINAL_POSITION"),
                  row.getString("COLUMN_NAME"),
                  typeName(
                      row.getString("TYPE_NAME"),
                      row.getInt("DATA_TYPE"),
                      columnSize,
                      decimalDigits),
                  row.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                  row.getString("REMARKS"));
            })
        .ifPresent(drafts::addColumns);
  }

  /** One call per table; the first failure stops them (a driver without support fails them all). */
  private static void readPrimaryKeys(
      CatalogReader reader, TableDrafts drafts, Map<String, Scope> scopes) {
    for (Draft draft : List.copyOf(drafts.all())) {
      if (draft.kind != DatasetKind.TABLE) {
        continue;
      }
      Scope scope = scopes.get(draft.collection);
      Optional<List<KeyRow>> keys =
          reader.read(
              "primary keys",
              c -> c.getMetaData().getPrimaryKeys(scope.catalog(), scope.schema(), draft.name),
              row ->
                  new KeyRow(
                      draft.collection,
                      draft.name,
                      row.getInt("KEY_SEQ"),
                      row.getString("COLUMN_NAME")));
      if (keys.isEmpty()) {
        return;
      }
      drafts.addKeys(keys.get());
    }
  }

  /**
   * The type as the source would write it: "varchar(20)", "decimal(10,2)", else the driver's name.
   */
  static String typeName(String name, int jdbcType, Integer size, Integer digits) {
    if (name == null || name.contains("(") || size == null || size <= 0) {
      return name == null ? "unknown" : name;
    }
    return switch (jdbcType) {
      case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.BINARY, Types.VARBINARY ->
          size == Integer.MAX_VALUE ? name : name + "(" + size + ")";
      case Types.DECIMAL, Types.NUMERIC ->
          name + "(" + size + (digits == null ? "" : "," + digits) + ")";
      default -> name;
    };
  }

  /** A schema name as a search pattern that matches only itself. */
  static String escape(String name, String escape) {
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape)
        .replace("_", escape + "_")
        .replace("%", escape + "%");
  }
}
