package io.datadock.connectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An embedded PostgreSQL 17 (zonky) on a free port whose {@code pg_hba.conf} makes every user but
 * the superuser log in with a password, and the connection fields and credentials to reach it.
 */
public final class PasswordPostgres {

  private PasswordPostgres() {}

  public static EmbeddedPostgres start(Path dir) throws IOException {
    return start(dir, Map.of());
  }

  /** With extra server settings, e.g. {@code max_locks_per_transaction}. */
  public static EmbeddedPostgres start(Path dir, Map<String, String> settings) throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir.resolve("pg"))
            .setCleanDataDirectory(true)
            .setDataDirectoryCustomizer(PasswordPostgres::requirePasswords);
    settings.forEach(builder::setServerConfig);
    return builder.start();
  }

  /** The superuser keeps trust (zonky connects as it); every other user needs a password. */
  private static void requirePasswords(File dataDir) {
    try {
      Files.writeString(
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

  /** A {@code type} connection (postgres, or jdbc with subprotocol postgresql) to 127.0.0.1. */
  public static SourceConnection connection(String type, int port, String database) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("host", "127.0.0.1");
    fields.put("port", port);
    fields.put("database", database);
    fields.put("params", Map.of("sslmode", "disable"));
    if (type.equals("jdbc")) {
      fields.put("subprotocol", "postgresql");
    }
    return new SourceConnection(type, fields);
  }

  public static Credentials login(String user, String password) {
    return new Credentials(Map.of("username", user, "password", password), Map.of());
  }
}
