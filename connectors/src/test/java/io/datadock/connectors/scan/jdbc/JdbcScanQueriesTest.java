package io.datadock.connectors.scan.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import org.junit.jupiter.api.Test;

/** The pieces of the JDBC scanners that need no server. */
class JdbcScanQueriesTest {

  @Test
  void typeNamesCarryLengthsAndPrecisionLikeTheSourceWritesThem() {
    assertThat(DatabaseMetaDataScanner.typeName("varchar", Types.VARCHAR, 20, null))
        .isEqualTo("varchar(20)");
    assertThat(DatabaseMetaDataScanner.typeName("NVARCHAR", Types.NVARCHAR, Integer.MAX_VALUE, 0))
        .as("nvarchar(max)")
        .isEqualTo("NVARCHAR");
    assertThat(DatabaseMetaDataScanner.typeName("NUMBER", Types.DECIMAL, 10, 2))
        .isEqualTo("NUMBER(10,2)");
    assertThat(DatabaseMetaDataScanner.typeName("int", Types.INTEGER, 10, 0)).isEqualTo("int");
    assertThat(DatabaseMetaDataScanner.typeName("datetime2(3)", Types.TIMESTAMP, 27, 3))
        .isEqualTo("datetime2(3)");
    assertThat(DatabaseMetaDataScanner.typeName(null, Types.OTHER, null, null))
        .isEqualTo("unknown");
  }

  @Test
  void schemaNamesAreEscapedForSearchPatterns() {
    assertThat(DatabaseMetaDataScanner.escape("sales_eu", "\\")).isEqualTo("sales\\_eu");
    assertThat(DatabaseMetaDataScanner.escape("a%b\\c", "\\")).isEqualTo("a\\%b\\\\c");
    assertThat(DatabaseMetaDataScanner.escape("sales_eu", "")).isEqualTo("sales_eu");
  }

  @Test
  void postgresKeyOrderComesFromConkey() {
    assertThat(PostgresScanner.keyOrder("{3,1}", 1)).isEqualTo(2);
    assertThat(PostgresScanner.keyOrder("{3,1}", 3)).isEqualTo(1);
    assertThat(PostgresScanner.keyOrder("{7}", 7)).isEqualTo(1);
  }

  @Test
  void everyPostgresQueryIsOneBulkStatementOverTheCatalog() {
    for (PgCatalogQueries queries :
        new PgCatalogQueries[] {PgCatalogQueries.POSTGRES, PgCatalogQueries.REDSHIFT}) {
      assertThat(queries.relations()).contains("pg_catalog.pg_class").doesNotContain("?");
      assertThat(queries.columns()).contains("pg_catalog.pg_attribute").doesNotContain("?");
      assertThat(queries.primaryKeys()).contains("pg_catalog.pg_constraint").doesNotContain("?");
    }
    assertThat(PgCatalogQueries.REDSHIFT.relations()).doesNotContain("relispartition");
    assertThat(MySqlScanner.TABLES).contains("information_schema.TABLES");
    assertThat(MySqlScanner.PRIMARY_KEYS).contains("CONSTRAINT_NAME = 'PRIMARY'");
  }
}
