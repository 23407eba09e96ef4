package io.datadock.connectors.scan.jdbc;

import static io.datadock.connectors.scan.jdbc.PostgresScanIT.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.PasswordPostgres;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestFamilies;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DatabaseMetaDataScanner} (the mssql, oracle and generic jdbc path) against a real server
 * through a real driver: a generic {@code jdbc} source with subprotocol postgresql, embedded
 * PostgreSQL behind it. SQL Server and Oracle themselves cannot run here.
 */
class GenericJdbcScanIT {

  private static final String PASSWORD = "Generic-pw-3307";

  @TempDir static Path dir;
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws IOException, SQLException {
    postgres = PasswordPostgres.start(dir);
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE USER reader PASSWORD '" + PASSWORD + "'");
      sql.execute("CREATE SCHEMA sales");
      sql.execute("CREATE SCHEMA sales_x"); // '_' is a pattern character: must not leak in
      sql.execute(
          "CREATE TABLE sales.orders (id integer, line integer, note varchar(30) NOT NULL,"
              + " amount numeric(10,2), PRIMARY KEY (line, id))");
      sql.execute("COMMENT ON TABLE sales.orders IS 'What was bought'");
      sql.execute("CREATE VIEW sales.notes AS SELECT note FROM sales.orders");
      sql.execute("CREATE TABLE sales_x.other (x text)");
      sql.execute("GRANT USAGE ON SCHEMA sales, sales_x TO reader");
      sql.execute("GRANT SELECT ON ALL TABLES IN SCHEMA sales, sales_x TO reader");
    }
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void readsTablesViewsColumnsKeysAndRemarks() {
    ScanResult result = scan(ScanFilter.all());

    assertThat(result.errors()).isEmpty();
    assertThat(result.complete()).isTrue();
    assertThat(result.datasets())
        .extracting(d -> d.collection() + "." + d.name() + ":" + d.kind())
        .containsExactly("sales.notes:VIEW", "sales.orders:TABLE", "sales_x.other:TABLE");

    DatasetMeta orders = dataset(result, "sales", "orders");
    assertThat(orders.columns())
        .containsExactly(
            new ColumnMeta("id", "int4", false, 1),
            new ColumnMeta("line", "int4", false, 2),
            new ColumnMeta("note", "varchar(30)", false, 3),
            new ColumnMeta("amount", "numeric(10,2)", true, 4));
    assertThat(orders.primaryKey()).containsExactly("line", "id");
    assertThat(orders.description()).isEqualTo("What was bought");
    assertThat(orders.rowEstimate()).isNull();
    assertThat(dataset(result, "sales_x", "other").columns())
        .extracting(ColumnMeta::name)
        .containsExactly("x");
    assertThat(dataset(result, "sales", "notes").kind()).isEqualTo(DatasetKind.VIEW);
  }

  @Test
  void theFilterSkipsWholeSchemas() {
    ScanResult result =
        scan(ScanFilter.fromJson("{\"collections\": {\"exclude\": [\"sales_x\"]}}"));

    assertThat(result.datasets()).extracting(DatasetMeta::name).containsExactly("notes", "orders");
  }

  private static ScanResult scan(ScanFilter filter) {
    return new DatabaseMetaDataScanner(TestFamilies.login("jdbc"))
        .scan(
            PasswordPostgres.connection("jdbc", postgres.getPort(), "postgres"),
            PasswordPostgres.login("reader", PASSWORD),
            filter,
            Duration.ofSeconds(10),
            TestEgress.local());
  }
}
