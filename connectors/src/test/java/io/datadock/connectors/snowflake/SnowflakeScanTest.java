package io.datadock.connectors.snowflake;

import static io.datadock.connectors.snowflake.SnowflakeCheckTest.PASSWORD;
import static io.datadock.connectors.snowflake.SnowflakeCheckTest.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestFamilies;
import io.datadock.connectors.TestSnowflakeServer;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SnowflakeScanner} against {@link TestSnowflakeServer}: the information schema query in a
 * session it logged in to, answered page by page from the fixture's tables as Snowflake's JSON
 * result ({@code rowtype}, {@code rowset}).
 */
class SnowflakeScanTest {

  private static final int WIDE = SnowflakeColumns.PAGE + 200;
  private static TestSnowflakeServer snowflake;

  @BeforeAll
  static void start() throws Exception {
    snowflake =
        TestSnowflakeServer.start("acme")
            .user("sales_reader", PASSWORD, "ANALYST")
            .warehouse("COMPUTE_WH")
            .grant("ANALYST", "COMPUTE_WH", "SALES_DB")
            .table(
                "SALES_DB",
                "PUBLIC",
                "ORDERS",
                "BASE TABLE",
                42,
                "ID NUMBER NOT NULL",
                "AMOUNT NUMBER",
                "PLACED TIMESTAMP_NTZ")
            .table("SALES_DB", "PUBLIC", "BIG_ORDERS", "VIEW", 0, "ID NUMBER")
            .table(
                "SALES_DB",
                "STAGING",
                "WIDE",
                "BASE TABLE",
                1,
                IntStream.rangeClosed(1, WIDE)
                    .mapToObj(i -> "C" + i + " TEXT")
                    .toArray(String[]::new))
            .table("HR_DB", "PUBLIC", "PEOPLE", "BASE TABLE", 3, "ID NUMBER NOT NULL");
  }

  @AfterAll
  static void stop() {
    snowflake.close();
  }

  @Test
  void everySchemasTablesAndViewsWithTheirColumnsPagedThroughTheInformationSchema() {
    int before = snowflake.queries().size();
    ScanResult scan = scan("SALES_DB", PASSWORD, ScanFilter.all());

    assertThat(scan.errors()).isEmpty();
    assertThat(scan.complete()).isTrue();
    assertThat(scan.datasets())
        .extracting(DatasetMeta::collection, DatasetMeta::name, DatasetMeta::kind)
        .containsExactly(
            tuple("PUBLIC", "BIG_ORDERS", DatasetKind.VIEW),
            tuple("PUBLIC", "ORDERS", DatasetKind.TABLE),
            tuple("STAGING", "WIDE", DatasetKind.TABLE));
    DatasetMeta orders = scan.datasets().get(1);
    assertThat(orders.columns())
        .containsExactly(
            new ColumnMeta("ID", "NUMBER", false, 1),
            new ColumnMeta("AMOUNT", "NUMBER", true, 2),
            new ColumnMeta("PLACED", "TIMESTAMP_NTZ", true, 3));
    assertThat(orders.rowEstimate()).isEqualTo(42);
    assertThat(orders.properties()).containsEntry("type", "BASE TABLE");
    assertThat(scan.datasets().get(0).rowEstimate()).isNull();
    // 3 + 1 + 1200 columns, 1000 a page: two queries
    assertThat(scan.datasets().get(2).columns()).hasSize(WIDE);
    assertThat(snowflake.queries().subList(before, snowflake.queries().size()))
        .hasSize(2)
        .allMatch(sql -> sql.contains("FROM \"SALES_DB\".information_schema.columns"));
  }

  @Test
  void theFilterKeepsItsSchemasAndTables() {
    ScanResult scan =
        scan(
            "SALES_DB",
            PASSWORD,
            ScanFilter.fromJson("{\"collections\": {\"include\": [\"PUBLIC\"]}}"));

    assertThat(scan.datasets())
        .extracting(DatasetMeta::name)
        .containsExactly("BIG_ORDERS", "ORDERS");
  }

  @Test
  void aWrongPasswordOrADatabaseNotGrantedFailsTheScanSayingSo() {
    String wrong = "Wrong-pw-0192!";
    ScanResult refused = scan("SALES_DB", wrong, ScanFilter.all());
    ScanResult hidden = scan("HR_DB", PASSWORD, ScanFilter.all());

    assertThat(refused.complete()).isFalse();
    assertThat(refused.errors())
        .containsExactly(
            "Snowflake refused user 'sales_reader': incorrect username or password (390100)");
    assertThat(hidden.errors())
        .containsExactly("database 'HR_DB' does not exist or is not granted");
    assertThat(String.join(" ", refused.errors())).doesNotContain(wrong);
  }

  private static ScanResult scan(String database, String password, ScanFilter filter) {
    return TestFamilies.scanner("snowflake")
        .scan(
            new SourceConnection(
                "snowflake",
                Map.of(
                    "url", snowflake.url(),
                    "account", "acme",
                    "database", database,
                    "warehouse", "COMPUTE_WH",
                    "role", "ANALYST")),
            new Credentials(Map.of("username", "sales_reader", "password", password), Map.of()),
            filter,
            TIMEOUT,
            TestEgress.local());
  }
}
