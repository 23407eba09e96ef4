package io.datadock.connectors.scan.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.PasswordPostgres;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestFamilies;
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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk queries at scale: {@value #DEFAULT_TABLES} tables of 10 columns each (more with {@code
 * -Ddatadock.scan.largeTables=10000}), created in one batch, all found with their columns and keys
 * in a few seconds. Prints the scan times.
 */
class PostgresScanLargeIT {

  private static final int DEFAULT_TABLES = 2_000;
  private static final int TABLES = Integer.getInteger("datadock.scan.largeTables", DEFAULT_TABLES);
  private static final String PASSWORD = "Big-pw-6120";

  @TempDir static Path dir;
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws IOException, SQLException {
    // One transaction creates every table, its key index, toast table and toast index.
    postgres = PasswordPostgres.start(dir, Map.of("max_locks_per_transaction", "1024"));
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE USER reader PASSWORD '" + PASSWORD + "'");
      sql.execute("CREATE SCHEMA big");
      long started = System.nanoTime();
      sql.execute(
          "DO $$ BEGIN FOR i IN 1.."
              + TABLES
              + " LOOP EXECUTE format('CREATE TABLE big.t%s (id bigint PRIMARY KEY, c1 integer,"
              + " c2 text, c3 varchar(40), c4 numeric(12,2), c5 boolean, c6 date,"
              + " c7 timestamptz, c8 jsonb, c9 double precision)', i); END LOOP; END $$");
      sql.execute("GRANT USAGE ON SCHEMA big TO reader");
      sql.execute("GRANT SELECT ON ALL TABLES IN SCHEMA big TO reader");
      System.out.printf(
          "PostgresScanLargeIT: created %d tables x 10 columns in %d ms%n",
          TABLES, (System.nanoTime() - started) / 1_000_000);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void thePostgresScannerFindsEveryTableWithItsColumnsAndKeyInAFewSeconds() {
    long started = System.nanoTime();
    ScanResult result = scan("postgres");
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "PostgresScanLargeIT: postgres scan of %d tables x 10 columns took %d ms%n",
        TABLES, millis);

    assertThat(result.errors()).isEmpty();
    assertThat(result.complete()).isTrue();
    assertThat(result.datasets()).hasSize(TABLES);
    assertThat(result.datasets()).allSatisfy(PostgresScanLargeIT::hasTenColumnsAndAKey);
    assertThat(Duration.ofMillis(millis)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void theDatabaseMetaDataScannerSkipsKeysOfSoManyTables() {
    long started = System.nanoTime();
    ScanResult result = scan("jdbc");
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "PostgresScanLargeIT: generic jdbc (DatabaseMetaData) scan of %d tables took %d ms%n",
        TABLES, millis);

    assertThat(result.complete()).isTrue();
    assertThat(result.datasets()).hasSize(TABLES);
    assertThat(result.datasets()).allSatisfy(d -> assertThat(d.columns()).hasSize(10));
    assertThat(result.datasets()).allSatisfy(d -> assertThat(d.primaryKey()).isEmpty());
  }

  private static void hasTenColumnsAndAKey(DatasetMeta dataset) {
    assertThat(dataset.collection()).isEqualTo("big");
    assertThat(dataset.columns()).hasSize(10);
    assertThat(dataset.columns().get(9).name()).isEqualTo("c9");
    assertThat(dataset.columns().get(9).position()).isEqualTo(10);
    assertThat(dataset.primaryKey()).containsExactly("id");
  }

  private static ScanResult scan(String type) {
    Credentials reader = PasswordPostgres.login("reader", PASSWORD);
    return TestFamilies.scanner(type)
        .scan(
            PasswordPostgres.connection(type, postgres.getPort(), "postgres"),
            reader,
            ScanFilter.all(),
            Duration.ofSeconds(60),
            TestEgress.local());
  }
}
