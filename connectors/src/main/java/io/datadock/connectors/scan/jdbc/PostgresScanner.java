package io.datadock.connectors.scan.jdbc;

import io.datadock.connectors.jdbc.JdbcLogin;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.jdbc.TableDrafts.ColumnRow;
import io.datadock.connectors.scan.jdbc.TableDrafts.Draft;
import io.datadock.connectors.scan.jdbc.TableDrafts.KeyRow;
import java.util.Arrays;
import java.util.List;

/**
 * PostgreSQL and Redshift: three bulk queries over {@code pg_catalog} ({@link PgCatalogQueries}),
 * whatever the number of tables. Collections are schemas; tables and partitioned tables are {@link
 * DatasetKind#TABLE} (partitions are not listed apart), views and materialized views {@link
 * DatasetKind#VIEW}. The row estimate is {@code reltuples} (null before the first ANALYZE), the
 * description the relation's comment.
 */
public final class PostgresScanner extends JdbcScanner {

  private final PgCatalogQueries queries;

  private PostgresScanner(JdbcLogin login, PgCatalogQueries queries) {
    super(login);
    this.queries = queries;
  }

  /** PostgreSQL's catalog queries, logging in with {@code login}. */
  public static PostgresScanner postgres(JdbcLogin login) {
    return new PostgresScanner(login, PgCatalogQueries.POSTGRES);
  }

  /** Redshift's variant of the queries, logging in with {@code login}. */
  public static PostgresScanner redshift(JdbcLogin login) {
    return new PostgresScanner(login, PgCatalogQueries.REDSHIFT);
  }

  private record Relation(
      String schema, String name, String relkind, float tuples, String comment) {}

  @Override
  void read(CatalogReader reader, TableDrafts drafts) {
    reader
        .query(
            "tables",
            queries.relations(),
            row ->
                new Relation(
                    row.getString(1),
                    row.getString(2),
                    row.getString(3),
                    row.getFloat(4),
                    row.getString(5)))
        .ifPresent(relations -> relations.forEach(r -> add(drafts, r)));
    if (drafts.all().isEmpty()) {
      return;
    }
    reader
        .query(
            "columns",
            queries.columns(),
            row ->
                new ColumnRow(
                    row.getString(1),
                    row.getString(2),
                    row.getInt(3),
                    row.getString(4),
                    row.getString(5),
                    !row.getBoolean(6),
                    row.getString(7)))
        .ifPresent(drafts::addColumns);
    reader
        .query(
            "primary keys",
            queries.primaryKeys(),
            row ->
                new KeyRow(
                    row.getString(1),
                    row.getString(2),
                    keyOrder(row.getString(5), row.getInt(3)),
                    row.getString(4)))
        .ifPresent(drafts::addKeys);
  }

  private static void add(TableDrafts drafts, Relation relation) {
    boolean view = relation.relkind().equals("v") || relation.relkind().equals("m");
    Draft draft =
        drafts.add(relation.schema(), relation.name(), view ? DatasetKind.VIEW : DatasetKind.TABLE);
    if (draft == null) {
      return;
    }
    // reltuples is -1 before the first ANALYZE (PostgreSQL 14+); a plain view has none.
    draft.rowEstimate =
        relation.relkind().equals("v") || relation.tuples() < 0
            ? null
            : Long.valueOf(Math.round((double) relation.tuples()));
    draft.description = TableDrafts.comment(relation.comment());
    if (relation.relkind().equals("m")) {
      draft.properties.put("materialized", "true");
    } else if (relation.relkind().equals("p")) {
      draft.properties.put("partitioned", "true");
    }
  }

  /** The place of {@code attnum} in a key's {@code conkey} array as text, e.g. "{3,1}". */
  static int keyOrder(String conkey, int attnum) {
    List<String> numbers =
        Arrays.asList(conkey.replace("{", "").replace("}", "").replace(" ", "").split(","));
    return numbers.indexOf(String.valueOf(attnum)) + 1;
  }
}
