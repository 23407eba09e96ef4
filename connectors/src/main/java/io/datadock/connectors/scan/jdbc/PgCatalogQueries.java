package io.datadock.connectors.scan.jdbc;

/**
 * The three bulk catalog queries of a PostgreSQL-like source: one over every visible relation
 * (kind, row estimate, comment), one over all their columns, one over all their primary keys. A
 * relation is visible when its schema is not a system one, the user has USAGE on the schema and may
 * SELECT from the relation (or some of its columns). Redshift, whose catalog is PostgreSQL 8.0's,
 * gets the same queries without partitions and with its privilege functions.
 */
record PgCatalogQueries(String relations, String columns, String primaryKeys) {

  private static final String FROM =
      " FROM pg_catalog.pg_class c" + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace";

  private static final String NOT_SYSTEM =
      " WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";

  /** A comment of the relation ({@code objsubid} 0) or of a column (its attnum). */
  private static final String DESCRIPTION =
      " LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid"
          + " AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = ";

  static final PgCatalogQueries POSTGRES =
      of(
          " AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition"
              + " AND pg_catalog.has_schema_privilege(n.oid, 'USAGE')"
              + " AND pg_catalog.has_any_column_privilege(c.oid, 'SELECT')");

  static final PgCatalogQueries REDSHIFT =
      of(
          " AND c.relkind IN ('r', 'v', 'm')"
              + " AND has_schema_privilege(n.nspname, 'USAGE')"
              + " AND has_table_privilege("
              + "quote_ident(n.nspname) || '.' || quote_ident(c.relname), 'SELECT')");

  private static PgCatalogQueries of(String visible) {
    String where = NOT_SYSTEM + visible;
    return new PgCatalogQueries(
        "SELECT n.nspname, c.relname, c.relkind, c.reltuples, d.description"
            + FROM
            + DESCRIPTION
            + "0"
            + where,
        "SELECT n.nspname, c.relname, a.attnum, a.attname,"
            + " pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, d.description"
            + FROM
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid"
            + DESCRIPTION
            + "a.attnum"
            + where
            + " AND a.attnum > 0 AND NOT a.attisdropped",
        // conkey lists the key's attnums in key order; the Java side turns that into the order.
        "SELECT n.nspname, c.relname, a.attnum, a.attname, k.conkey"
            + FROM
            + " JOIN pg_catalog.pg_constraint k ON k.conrelid = c.oid AND k.contype = 'p'"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (k.conkey)"
            + where);
  }
}
