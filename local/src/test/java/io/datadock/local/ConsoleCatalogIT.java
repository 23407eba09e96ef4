package io.datadock.local;

import static io.datadock.local.console.Console.treeRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The Datasets section in a real browser: the source tree of a PostgreSQL depot (a real server on
 * loopback) and a file depot, a dataset's page, a depot in error with its failing step, scans, the
 * filter, and a depot of 10,000 datasets whose first screen shows in under a second.
 */
@RunsAlone
class ConsoleCatalogIT extends ConsoleBase {

  static final String PASSWORD = "console-pg-pw";
  static final int MANY = 10_000;

  @TempDir static Path pgDir;
  static TestPostgres postgres;

  @BeforeAll
  static void sources() throws IOException {
    postgres = TestPostgres.start(pgDir, PASSWORD);
    postgres.sqlIn(
        TestPostgres.DATABASE,
        "CREATE SCHEMA sales",
        "CREATE TABLE sales.orders (id bigint PRIMARY KEY, amount numeric(10,2) NOT NULL, note text)",
        "CREATE TABLE sales.customers (id int PRIMARY KEY, name varchar(80))",
        "COMMENT ON TABLE sales.orders IS 'one row per order'",
        "GRANT USAGE ON SCHEMA sales TO " + TestPostgres.USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA sales TO " + TestPostgres.USER);
    Path exports = Files.createDirectories(dataDir.resolve("files/exports/daily"));
    Files.writeString(exports.resolve("orders.csv"), "id,customer,total\n1,ana,12.50\n");
    Path many = Files.createDirectories(dataDir.resolve("files/many/events"));
    for (int i = 1; i <= MANY; i++) {
      Files.writeString(many.resolve("event_%05d.csv".formatted(i)), "id,at,amount\n");
    }
    applied(
        String.join(
            "---\n",
            secret("pg-cred", PASSWORD),
            secret("bad-cred", "wrong-password"),
            postgresDepot("pgsales", "pg-cred"),
            postgresDepot("pgbroken", "bad-cred"),
            fileDepot("exports", exports.getParent()),
            fileDepot("many", many.getParent())),
        "?wait=true");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> datasets("pgsales") == 2 && datasets("exports") == 1 && datasets("many") == MANY);
    console.signIn(RunningPlatform.ADMIN_TOKEN);
  }

  private static String secret(String name, String password) {
    return "name: %s\nversion: v2alpha\ntype: secret\nsecret: {type: key-value, data: {username: %s, password: \"%s\"}}\n"
        .formatted(name, TestPostgres.USER, password);
  }

  private static String postgresDepot(String name, String secret) {
    return "name: %s\nversion: v2alpha\ntype: depot\nspec:\n  type: postgresql\n  spec: {host: localhost, port: %d, database: %s}\n  secrets: [{id: \"default:%s\", purpose: rw}]\n"
        .formatted(name, postgres.port(), TestPostgres.DATABASE, secret);
  }

  private static String fileDepot(String name, Path dir) {
    return "name: %s\nversion: v2alpha\ntype: depot\nspec:\n  type: file\n  spec: {path: \"%s\"}\n"
        .formatted(name, dir.toAbsolutePath());
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static int datasets(String depot) {
    Api.Response tree = api.get("/api/v1/datasets?depot=" + depot);
    if (tree.status() != 200) {
      return -1;
    }
    return new JsonObject(tree.body())
        .getJsonArray("collections").stream()
            .mapToInt(c -> ((JsonObject) c).getJsonArray("datasets").size())
            .sum();
  }

  @Test
  void thePostgresDepotsTreeLeadsToADatasetsColumns() {
    console.load("#/datasets");
    assertThat(console.find(treeRow("depot", "pgsales")).getText())
        .contains("active", "postgresql");
    console.expand(treeRow("depot", "pgsales"));
    console.expand(treeRow("collection", "pgsales", "sales"));
    console.click(treeRow("dataset", "pgsales", "orders"));

    assertThat(console.find(By.id("dataset-udl")).getText())
        .isEqualTo("dataos://pgsales/sales/orders");
    assertThat(console.find(By.cssSelector(".dataset .facts")).getText())
        .contains("table", "one row per order", "Fingerprint", "Scanned");
    assertThat(console.table("columns"))
        .containsExactly(
            List.of("1", "id", "bigint", "no", "PK"),
            List.of("2", "amount", "numeric(10,2)", "no", ""),
            List.of("3", "note", "text", "yes", ""));
    assertThat(browser.driver().findElements(By.cssSelector("button[aria-label^='Copy UDL']")))
        .hasSize(1);
  }

  @Test
  void theFileDepotsTreeListsItsFilesWithTheirColumns() {
    console.load("#/datasets");
    assertThat(console.find(treeRow("depot", "exports")).getText()).contains("active", "file");
    console.expand(treeRow("depot", "exports"));
    console.expand(treeRow("collection", "exports", "daily"));
    console.click(treeRow("dataset", "exports", "orders.csv"));
    console.waitForText(By.id("dataset-udl"), "dataos://exports/daily/orders.csv");
    assertThat(console.table("columns"))
        .extracting(row -> row.get(1))
        .containsExactly("id", "customer", "total");
  }

  @Test
  void aDepotInErrorShowsItsFailingStep() {
    console.load("#/datasets");
    assertThat(console.find(treeRow("depot", "pgbroken")).getText()).contains("error");
    console.go("#/resources/depot/pgbroken");
    console.waitForText(By.id("resource-message"), "authenticate");
    List<String> failed =
        console.table("check-steps").stream()
            .filter(r -> r.get(1).equals("failed"))
            .findFirst()
            .orElseThrow();
    assertThat(failed.get(0)).isEqualTo("authenticate");
    assertThat(failed.get(2)).isNotBlank().doesNotContain("wrong-password");
    assertThat(console.table("references"))
        .containsExactly(List.of("default/secret/bad-cred", "rw", "granted", ""));
    assertThat(console.table("connection")).contains(List.of("host", "localhost"));
  }

  @Test
  void scanNowAddsARunAndTheNewDataset() {
    postgres.sqlIn(
        TestPostgres.DATABASE,
        "CREATE TABLE sales.refunds (id int PRIMARY KEY)",
        "GRANT SELECT ON sales.refunds TO " + TestPostgres.USER);
    console.load("#/datasets/depot/pgsales");
    console.click(By.id("scan-now"));
    console.waitForText(By.cssSelector(".notice"), "Scan finished.");
    assertThat(console.table("scan-runs-table"))
        .anySatisfy(run -> assertThat(run).contains("requested"));
    console.expand(treeRow("collection", "pgsales", "sales"));
    console.find(treeRow("dataset", "pgsales", "refunds"));
  }

  @Test
  void theFilterFindsDatasetsAcrossDepots() {
    console.load("#/datasets");
    console.find(By.id("dataset-filter")).sendKeys("orders");
    console.find(treeRow("dataset", "pgsales", "orders"));
    console.find(treeRow("dataset", "exports", "orders.csv"));
    assertThat(browser.driver().findElements(treeRow("dataset", "pgsales", "customers"))).isEmpty();
    assertThat(browser.driver().findElements(treeRow("depot", "many"))).isEmpty();
    console.find(By.id("dataset-filter")).clear();
  }

  @Test
  void tenThousandDatasetsShowTheirFirstScreenInUnderASecond() throws IOException {
    console.load("#/datasets");
    console.find(treeRow("depot", "many"));
    long firstScreen = timing("data-first-screen-ms");

    console.expand(treeRow("depot", "many"));
    console.find(treeRow("collection", "many", "events"));
    long depotOpen = timing("data-expand-ms");
    browser.script(
        "arguments[0].removeAttribute('data-expand-ms');", console.find(By.cssSelector(".tree")));
    console.expand(treeRow("collection", "many", "events"));
    console.find(treeRow("dataset", "many", "event_00001.csv"));
    long collectionOpen = timing("data-expand-ms");
    long rowsInDocument = browser.script("return document.querySelectorAll('.tree-row').length;");

    browser.script("const t = document.querySelector('.tree'); t.scrollTop = t.scrollHeight;");
    console.find(treeRow("dataset", "many", "event_10000.csv"));
    console.find(By.id("dataset-filter")).sendKeys("event_0999");
    console.find(treeRow("dataset", "many", "event_09999.csv"));
    long filtered = timing("data-filter-ms");
    long transferred = browser.script(FIRST_LOAD_BYTES);
    browser.screenshot("ConsoleCatalogIT-10000-datasets");

    String figures =
        "first screen %d ms, depot of %d datasets opened %d ms, collection opened %d ms, filter %d ms, %d rows in the document, first load %d bytes%n"
            .formatted(
                firstScreen,
                MANY,
                depotOpen,
                collectionOpen,
                filtered,
                rowsInDocument,
                transferred);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "console-figures.txt"), figures);
    System.out.print("console figures: " + figures);
    assertThat(rowsInDocument)
        .as("windowed: only the rows in view are in the document")
        .isLessThan(100);
    assertThat(firstScreen).isLessThan(1000);
    assertThat(depotOpen).isLessThan(1000);
    assertThat(collectionOpen).isLessThan(1000);
    console.find(By.id("dataset-filter")).clear();
  }

  /** The bytes the first load of the console transferred: the page and every resource it pulled. */
  static final String FIRST_LOAD_BYTES =
      "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
          + ".filter(e => !e.name.includes('/api/'))"
          + ".reduce((n, e) => n + (e.transferSize || e.encodedBodySize || 0), 0);";

  private static long timing(String attribute) {
    String value =
        browser
            .waiting()
            .until(d -> d.findElement(By.cssSelector(".tree")).getAttribute(attribute));
    return Long.parseLong(value);
  }
}
