package io.datadock.connectors.scan.jdbc;

import io.datadock.connectors.jdbc.JdbcLogin;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.jdbc.TableDrafts.ColumnRow;
import io.datadock.connectors.scan.jdbc.TableDrafts.Draft;
import io.datadock.connectors.scan.jdbc.TableDrafts.KeyRow;

/**
 * MySQL and MariaDB: three bulk queries over {@code information_schema} (TABLES, COLUMNS,
 * KEY_COLUMN_USAGE), which shows only what the user has some privilege on. Collections are
 * databases, without the server's own; the row estimate is {@code TABLE_ROWS}, the description
 * {@code TABLE_COMMENT}, the type {@code COLUMN_TYPE} (e.g. "varchar(20)").
 */
public final class MySqlScanner extends JdbcScanner {

  private static final String NOT_SYSTEM =
      " WHERE TABLE_SCHEMA NOT IN ('information_schema', 'performance_schema', 'mysql', 'sys')";

  static final String TABLES =
      "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, TABLE_ROWS, TABLE_COMMENT, ENGINE"
          + " FROM information_schema.TABLES"
          + NOT_SYSTEM;

  static final String COLUMNS =
      "SELECT TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,"
          + " COLUMN_COMMENT FROM information_schema.COLUMNS"
          + NOT_SYSTEM;

  static final String PRIMARY_KEYS =
      "SELECT TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME"
          + " FROM information_schema.KEY_COLUMN_USAGE"
          + NOT_SYSTEM
          + " AND CONSTRAINT_NAME = 'PRIMARY'";

  public MySqlScanner(JdbcLogin login) {
    super(login);
  }

  private record Table(
      String schema, String name, String type, Long rows, String comment, String engine) {}

  @Override
  void read(CatalogReader reader, TableDrafts drafts) {
    reader
        .query(
            "tables",
            TABLES,
            row -> {
              long rows = row.getLong(4);
              return new Table(
                  row.getString(1),
                  row.getString(2),
                  row.getString(3),
                  row.wasNull() ? null : rows,
                  row.getString(5),
                  row.getString(6));
            })
        .ifPresent(tables -> tables.forEach(t -> add(drafts, t)));
    if (drafts.all().isEmpty()) {
      return;
    }
    reader
        .query(
            "columns",
            COLUMNS,
            row ->
                new ColumnRow(
                    row.getString(1),
                    row.getString(2),
                    row.getInt(3),
                    row.getString(4),
                    row.getString(5),
                    "YES".equalsIgnoreCase(row.getString(6)),
                    row.getString(7)))
        .ifPresent(drafts::addColumns);
    reader
        .query(
            "primary keys",
            PRIMARY_KEYS,
            row -> new KeyRow(row.getString(1), row.getString(2), row.getInt(3), row.getString(4)))
        .ifPresent(drafts::addKeys);
  }

  private static void add(TableDrafts drafts, Table table) {
    DatasetKind kind = kind(table.type());
    Draft draft = kind == null ? null : drafts.add(table.schema(), table.name(), kind);
    if (draft == null) {
      return;
    }
    if (kind == DatasetKind.TABLE) {
      draft.rowEstimate = table.rows();
      // MySQL reports the comment of a view as "VIEW".
      draft.description = TableDrafts.comment(table.comment());
    }
    if (table.engine() != null) {
      draft.properties.put("engine", table.engine());
    }
  }

  /** BASE TABLE and MariaDB's SYSTEM VERSIONED are tables; sequences and the like are skipped. */
  private static DatasetKind kind(String tableType) {
    if (tableType == null) {
      return null;
    }
    return switch (tableType) {
      case "BASE TABLE", "SYSTEM VERSIONED" -> DatasetKind.TABLE;
      case "VIEW" -> DatasetKind.VIEW;
      default -> null;
    };
  }
}
