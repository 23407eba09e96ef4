package io.datadock.connectors.scan.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.PasswordPostgres;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestFamilies;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PostgresScanner} against a real PostgreSQL 17 (zonky embedded) with password logins, as a
 * user who may read schemas sales and staging but has no USAGE on schema secret.
 */
class PostgresScanIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String READER_PASSWORD = "Reader-pw-7731";

  @TempDir static Path dir;
  private static EmbeddedPostgres postgres;
  private final PostgresScanner scanner = PostgresScanner.postgres(TestFamilies.login("postgres"));

  @BeforeAll
  static void start() throws IOException, SQLException {
    postgres = PasswordPostgres.start(dir);
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE USER reader PASSWORD '" + READER_PASSWORD + "'");
      sql.execute("CREATE DATABASE shop");
    }
    admin(
        "CREATE SCHEMA sales",
        "CREATE SCHEMA staging",
        "CREATE SCHEMA secret",
        "CREATE TABLE sales.customers (id integer PRIMARY KEY, name character varying(20) NOT"
            + " NULL, gone text, email text, created timestamp with time zone DEFAULT now())",
        "ALTER TABLE sales.customers DROP COLUMN gone",
        "COMMENT ON TABLE sales.customers IS 'People who buy'",
        "COMMENT ON COLUMN sales.customers.email IS 'Where to write'",
        "INSERT INTO sales.customers (id, name) SELECT g, 'c' || g FROM generate_series(1, 50) g",
        "ANALYZE sales.customers",
        "CREATE TABLE sales.order_lines (order_id bigint NOT NULL, line_no integer NOT NULL,"
            + " amount numeric(10,2), PRIMARY KEY (line_no, order_id))",
        "CREATE VIEW sales.big_customers AS SELECT id, name FROM sales.customers WHERE id > 10",
        "CREATE TABLE staging.events (id bigint, payload jsonb) PARTITION BY RANGE (id)",
        "CREATE TABLE staging.events_1 PARTITION OF staging.events FOR VALUES FROM (0) TO (1000)",
        "CREATE MATERIALIZED VIEW staging.customer_ids AS SELECT id FROM sales.customers",
        "CREATE TABLE secret.keys (k text PRIMARY KEY)",
        "GRANT USAGE ON SCHEMA sales, staging TO reader",
        "GRANT SELECT ON ALL TABLES IN SCHEMA sales, staging, secret TO reader");
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void findsTheTablesAndViewsOfTheSchemasTheUserMayUse() {
    ScanResult result = scan(ScanFilter.all());

    assertThat(result.errors()).isEmpty();
    assertThat(result.complete()).isTrue();
    assertThat(result.datasets())
        .extracting(d -> d.collection() + "." + d.name() + ":" + d.kind())
        .containsExactly(
            "sales.big_customers:VIEW",
            "sales.customers:TABLE",
            "sales.order_lines:TABLE",
            "staging.customer_ids:VIEW",
            "staging.events:TABLE");
  }

  @Test
  void readsColumnsInOrderWithTypesNullabilityKeysEstimatesAndComments() {
    ScanResult result = scan(ScanFilter.all());

    DatasetMeta customers = dataset(result, "sales", "customers");
    assertThat(customers.columns())
        .as("the dropped column leaves no gap")
        .containsExactly(
            new ColumnMeta("id", "integer", false, 1),
            new ColumnMeta("name", "character varying(20)", false, 2),
            new ColumnMeta("email", "text", true, 3),
            new ColumnMeta("created", "timestamp with time zone", true, 4));
    assertThat(customers.primaryKey()).containsExactly("id");
    assertThat(customers.rowEstimate()).isEqualTo(50L);
    assertThat(customers.description()).isEqualTo("People who buy");
    assertThat(customers.properties()).containsEntry("comment.email", "Where to write");

    DatasetMeta lines = dataset(result, "sales", "order_lines");
    assertThat(lines.primaryKey())
        .as("key order, not column order")
        .containsExactly("line_no", "order_id");
    assertThat(lines.column("amount"))
        .isEqualTo(new ColumnMeta("amount", "numeric(10,2)", true, 3));
    assertThat(lines.rowEstimate()).as("never analyzed").isNull();
    assertThat(lines.description()).isNull();

    DatasetMeta view = dataset(result, "sales", "big_customers");
    assertThat(view.columns()).extracting(ColumnMeta::name).containsExactly("id", "name");
    assertThat(view.primaryKey()).isEmpty();
    assertThat(view.rowEstimate()).isNull();

    assertThat(dataset(result, "staging", "customer_ids").properties())
        .containsEntry("materialized", "true");
    DatasetMeta events = dataset(result, "staging", "events");
    assertThat(events.properties()).containsEntry("partitioned", "true");
    assertThat(events.columns())
        .containsExactly(
            new ColumnMeta("id", "bigint", true, 1), new ColumnMeta("payload", "jsonb", true, 2));
  }

  @Test
  void aRescanSeesAddedColumnsAndMissesDroppedTables() throws SQLException {
    admin("CREATE TABLE staging.scratch (a integer)", "GRANT SELECT ON staging.scratch TO reader");
    try {
      assertThat(dataset(scan(ScanFilter.all()), "staging", "scratch").columns())
          .extracting(ColumnMeta::name)
          .containsExactly("a");

      admin("ALTER TABLE staging.scratch ADD COLUMN b text NOT NULL DEFAULT 'x'");
      assertThat(dataset(scan(ScanFilter.all()), "staging", "scratch").columns())
          .containsExactly(
              new ColumnMeta("a", "integer", true, 1), new ColumnMeta("b", "text", false, 2));
    } finally {
      admin("DROP TABLE IF EXISTS staging.scratch");
    }
    ScanResult after = scan(ScanFilter.all());
    assertThat(after.complete()).isTrue();
    assertThat(after.datasets()).extracting(DatasetMeta::name).doesNotContain("scratch");
  }

  @Test
  void theFilterKeepsOnlyWhatItIncludesAndDropsWhatItExcludes() {
    ScanFilter filter =
        ScanFilter.fromJson(
            "{\"collections\": {\"include\": [\"sales\"]},"
                + " \"datasets\": {\"exclude\": [\"big_.*\"]}}");

    assertThat(scan(filter).datasets())
        .extracting(d -> d.collection() + "." + d.name())
        .containsExactly("sales.customers", "sales.order_lines");
  }

  @Test
  void aSchemaWithoutUsageIsSimplyNotVisible() {
    ScanResult result = scan(ScanFilter.all());

    assertThat(result.datasets()).noneMatch(d -> d.collection().equals("secret"));
    assertThat(result.complete()).isTrue();
  }

  @Test
  void aWrongPasswordIsAFailureWithoutThePassword() {
    String wrong = "Wrong-pw-5550";
    ScanResult result =
        scanner.scan(
            connection("shop"),
            PasswordPostgres.login("reader", wrong),
            ScanFilter.all(),
            TIMEOUT,
            TestEgress.local());

    assertThat(result).isEqualTo(ScanResult.failure("authentication failed for user 'reader'"));
    assertThat(result.errors()).allSatisfy(e -> assertThat(e).doesNotContain(wrong));
  }

  @Test
  void anUnknownDatabaseIsNamed() {
    ScanResult result =
        scanner.scan(connection("nope"), reader(), ScanFilter.all(), TIMEOUT, TestEgress.local());

    assertThat(result).isEqualTo(ScanResult.failure("database 'nope' does not exist"));
  }

  @Test
  void aScanThatRunsOutOfTimeReturnsAtItsDeadlineAsIncomplete() throws SQLException {
    // An open transaction holding pg_description keeps the relation query waiting.
    try (Connection blocker = postgres.getDatabase("postgres", "shop").getConnection();
        Statement sql = blocker.createStatement()) {
      blocker.setAutoCommit(false);
      sql.execute("LOCK TABLE pg_catalog.pg_description IN ACCESS EXCLUSIVE MODE");
      Duration timeout = Duration.ofSeconds(2);
      long started = System.nanoTime();

      ScanResult result =
          scanner.scan(connection("shop"), reader(), ScanFilter.all(), timeout, TestEgress.local());

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(timeout.plusSeconds(1));
      assertThat(result.complete()).isFalse();
      assertThat(result.datasets()).isEmpty();
      assertThat(result.errors()).hasSize(1);
      assertThat(result.errors().get(0)).contains("while reading tables");
      blocker.rollback();
    }
  }

  @Test
  void theRedshiftQueriesAreValidPostgresSqlToo() throws SQLException {
    // Redshift itself cannot run here; its catalog is PostgreSQL 8.0's, so at least its queries
    // must parse and answer on PostgreSQL (without partitioned tables, which Redshift lacks).
    try (Connection shop =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/shop?sslmode=disable",
                "reader",
                READER_PASSWORD);
        Statement sql = shop.createStatement()) {
      for (String query :
          new String[] {
            PgCatalogQueries.REDSHIFT.relations(),
            PgCatalogQueries.REDSHIFT.columns(),
            PgCatalogQueries.REDSHIFT.primaryKeys()
          }) {
        try (ResultSet rows = sql.executeQuery(query)) {
          assertThat(rows.next()).as(query).isTrue();
        }
      }
    }
  }

  private ScanResult scan(ScanFilter filter) {
    return scanner.scan(connection("shop"), reader(), filter, TIMEOUT, TestEgress.local());
  }

  private static SourceConnection connection(String database) {
    return PasswordPostgres.connection("postgres", postgres.getPort(), database);
  }

  private static Credentials reader() {
    return PasswordPostgres.login("reader", READER_PASSWORD);
  }

  static DatasetMeta dataset(ScanResult result, String collection, String name) {
    return result.datasets().stream()
        .filter(d -> d.collection().equals(collection) && d.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + collection + "." + name + " in " + result));
  }

  private static void admin(String... statements) throws SQLException {
    try (Connection shop = postgres.getDatabase("postgres", "shop").getConnection();
        Statement sql = shop.createStatement()) {
      for (String statement : statements) {
        sql.execute(statement);
      }
    }
  }
}
