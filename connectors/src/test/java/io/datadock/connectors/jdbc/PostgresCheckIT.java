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

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.PasswordPostgres;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.runtime.kafka.FreePorts;
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

/** {@link PostgresCheck} against a real PostgreSQL 17 (zonky embedded) with password logins. */
class PostgresCheckIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String READER_PASSWORD = "Reader-pw-7731";
  private static final String OUTSIDER_PASSWORD = "Outsider-pw-4410";
  private static final String STRANGER_PASSWORD = "Stranger-pw-2209";
  private static final String WRONG_PASSWORD = "Wrong-pw-5550";

  @TempDir static Path dir;
  private static EmbeddedPostgres postgres;
  private final PostgresCheck check = new PostgresCheck();

  @BeforeAll
  static void start() throws IOException, SQLException {
    postgres = PasswordPostgres.start(dir);
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE USER reader PASSWORD '" + READER_PASSWORD + "'");
      sql.execute("CREATE USER outsider PASSWORD '" + OUTSIDER_PASSWORD + "'");
      sql.execute("CREATE USER stranger PASSWORD '" + STRANGER_PASSWORD + "'");
      sql.execute("CREATE DATABASE shop");
      sql.execute("CREATE DATABASE vault");
      sql.execute("REVOKE CONNECT ON DATABASE vault FROM PUBLIC");
      sql.execute("CREATE DATABASE bare");
    }
    try (Connection shop = postgres.getDatabase("postgres", "shop").getConnection();
        Statement sql = shop.createStatement()) {
      sql.execute("CREATE SCHEMA sales");
      sql.execute("GRANT USAGE ON SCHEMA sales TO reader");
    }
    try (Connection bare = postgres.getDatabase("postgres", "bare").getConnection();
        Statement sql = bare.createStatement()) {
      sql.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
    }
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void goodCredentialsPassEveryStep() {
    CheckReport report = check(postgres.getPort(), "shop", "reader", READER_PASSWORD);

    assertThat(report.passed()).isTrue();
    assertThat(statuses(report)).containsExactly(PASSED, PASSED, PASSED, PASSED);
    assertThat(step(report, REACH).message()).isEqualTo("reached 127.0.0.1:" + postgres.getPort());
    assertThat(step(report, AUTHENTICATE).message()).isEqualTo("authenticated as user 'reader'");
    assertThat(step(report, LIST).message()).isEqualTo("2 schemas visible: public, sales");
    assertThat(step(report, PERMISSION).message()).isEqualTo("user 'reader' can use 2 schemas");
    assertNoSecretIn(report, READER_PASSWORD);
  }

  @Test
  void aWrongPasswordFailsAuthentication() {
    CheckReport report = check(postgres.getPort(), "shop", "reader", WRONG_PASSWORD);

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
    CheckReport report = check(unused, "shop", "reader", READER_PASSWORD);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
    assertThat(statuses(report)).containsExactly(FAILED, SKIPPED, SKIPPED, SKIPPED);
    assertThat(step(report, REACH).message())
        .isEqualTo("cannot reach 127.0.0.1:" + unused + ": connection refused");
    assertNoSecretIn(report, READER_PASSWORD);
  }

  @Test
  void aUserWithoutConnectOnTheDatabaseFailsPermission() {
    CheckReport report = check(postgres.getPort(), "vault", "outsider", OUTSIDER_PASSWORD);

    assertThat(statuses(report)).containsExactly(PASSED, PASSED, SKIPPED, FAILED);
    assertThat(step(report, PERMISSION).message())
        .isEqualTo("user 'outsider' has no access to database 'vault'");
    assertThat(report.firstFailure()).map(s -> s.name()).contains(PERMISSION);
    assertNoSecretIn(report, OUTSIDER_PASSWORD);
  }

  @Test
  void aUserWithoutUsageOnAnySchemaFailsPermission() {
    CheckReport report = check(postgres.getPort(), "bare", "stranger", STRANGER_PASSWORD);

    assertThat(statuses(report)).containsExactly(PASSED, PASSED, PASSED, FAILED);
    assertThat(step(report, PERMISSION).message())
        .isEqualTo("user 'stranger' has no access to any schema");
    assertNoSecretIn(report, STRANGER_PASSWORD);
  }

  @Test
  void anUnknownDatabaseIsNamed() {
    CheckReport report = check(postgres.getPort(), "nope", "reader", READER_PASSWORD);

    assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED, SKIPPED);
    assertThat(step(report, AUTHENTICATE).message()).isEqualTo("database 'nope' does not exist");
  }

  @Test
  void credentialsWithoutAUsernameFailAuthentication() {
    CheckReport report =
        check.check(
            connection(postgres.getPort(), "shop"),
            new Credentials(Map.of("password", READER_PASSWORD), Map.of()),
            TIMEOUT,
            TestEgress.local());

    assertThat(step(report, AUTHENTICATE).message()).isEqualTo("credentials have no 'username'");
    assertNoSecretIn(report, READER_PASSWORD);
  }

  private CheckReport check(int port, String database, String user, String password) {
    return check.check(
        connection(port, database),
        new Credentials(Map.of("username", user, "password", password), Map.of()),
        TIMEOUT,
        TestEgress.local());
  }

  private static SourceConnection connection(int port, String database) {
    return PasswordPostgres.connection("postgres", port, database);
  }
}
