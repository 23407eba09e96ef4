package io.datadock.connectors.snowflake;

import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The information schema query a scan pages through, and its rows made datasets: one row per column
 * of every table and view outside {@code INFORMATION_SCHEMA}, ordered by schema, table and
 * position, {@value #PAGE} rows a query.
 */
final class SnowflakeColumns {

  static final int PAGE = 1000;

  private SnowflakeColumns() {}

  /** The query of the page starting at row {@code offset} of {@code database}'s columns. */
  static String page(String database, int offset) {
    String db = "\"" + database.replace("\"", "\"\"") + "\"";
    return "SELECT c.table_schema, c.table_name, t.table_type, t.row_count, c.column_name,"
        + " c.data_type, c.is_nullable, c.ordinal_position"
        + " FROM "
        + db
        + ".information_schema.columns c JOIN "
        + db
        + ".information_schema.tables t"
        + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
        + " WHERE c.table_schema <> 'INFORMATION_SCHEMA'"
        + " ORDER BY c.table_schema, c.table_name, c.ordinal_position"
        + " LIMIT "
        + PAGE
        + " OFFSET "
        + offset;
  }

  /**
   * The datasets of the rows (in the query's order), those the filter keeps: a schema is a
   * collection, a table or view a dataset with its columns and Snowflake's {@code row_count}.
   */
  static List<DatasetMeta> datasets(List<List<String>> rows, ScanFilter filter) {
    Map<String, List<List<String>>> byTable = new LinkedHashMap<>();
    for (List<String> row : rows) {
      if (row.size() >= 8 && row.get(0) != null && row.get(1) != null) {
        byTable
            .computeIfAbsent(row.get(0) + "\u0000" + row.get(1), k -> new ArrayList<>())
            .add(row);
      }
    }
    List<DatasetMeta> datasets = new ArrayList<>();
    for (List<List<String>> columns : byTable.values()) {
      List<String> first = columns.get(0);
      String schema = first.get(0);
      String table = first.get(1);
      if (!filter.collection(schema) || !filter.dataset(schema, table)) {
        continue;
      }
      List<ColumnMeta> metas = new ArrayList<>();
      for (List<String> column : columns) {
        metas.add(
            new ColumnMeta(
                column.get(4),
                column.get(5) == null ? "UNKNOWN" : column.get(5),
                !"NO".equalsIgnoreCase(column.get(6)),
                metas.size() + 1));
      }
      String type = first.get(2) == null ? "BASE TABLE" : first.get(2);
      datasets.add(
          new DatasetMeta(
              schema,
              table,
              type.contains("VIEW") ? DatasetKind.VIEW : DatasetKind.TABLE,
              metas,
              List.of(),
              rowCount(first.get(3)),
              null,
              Map.of("type", type)));
    }
    return datasets;
  }

  private static Long rowCount(String value) {
    try {
      return value == null ? null : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
