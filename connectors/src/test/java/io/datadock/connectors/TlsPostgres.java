package io.datadock.connectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * An embedded PostgreSQL 17 (zonky) with {@code ssl=on}, a server certificate for 127.0.0.1 signed
 * by a test CA, and a {@code pg_hba.conf} that lets every user but the superuser in only over TLS
 * from 127.0.0.1, with a password and a client certificate the CA signed whose CN is the user
 * ({@code hostssl ... scram-sha-256 clientcert=verify-full}).
 */
public final class TlsPostgres implements AutoCloseable {

  private final EmbeddedPostgres server;
  private final TestCertificates authority;

  private TlsPostgres(EmbeddedPostgres server, TestCertificates authority) {
    this.server = server;
    this.authority = authority;
  }

  public static TlsPostgres start(Path dir) {
    TestCertificates authority = TestCertificates.authority("Datadock Test CA");
    try {
      Path tls = Files.createDirectories(dir.resolve("tls"));
      TestCertificates.Issued server = authority.server();
      Files.write(tls.resolve("server.crt"), server.certificatePem());
      Path key = tls.resolve("server.key");
      Files.write(key, server.keyPem());
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
      Files.write(tls.resolve("ca.crt"), authority.ca().certificatePem());
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(dir.toFile())
              .setDataDirectory(dir.resolve("data"))
              .setCleanDataDirectory(true)
              .setDataDirectoryCustomizer(TlsPostgres::requireTls)
              .setServerConfig("ssl", "on")
              .setServerConfig("ssl_cert_file", tls.resolve("server.crt").toString())
              .setServerConfig("ssl_key_file", key.toString())
              .setServerConfig("ssl_ca_file", tls.resolve("ca.crt").toString())
              .start();
      return new TlsPostgres(postgres, authority);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The superuser keeps trust (zonky connects as it); everyone else: TLS, password, client cert.
   */
  private static void requireTls(File dataDir) {
    try {
      Files.writeString(
          dataDir.toPath().resolve("pg_hba.conf"),
          String.join(
              "\n",
              "local all all trust",
              "host all postgres 127.0.0.1/32 trust",
              "host all postgres ::1/128 trust",
              "hostssl all all 127.0.0.1/32 scram-sha-256 clientcert=verify-full",
              ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public TestCertificates authority() {
    return authority;
  }

  public int port() {
    return server.getPort();
  }

  /** Runs statements as the superuser in database {@code postgres}. */
  public void sql(String... statements) {
    sqlIn("postgres", statements);
  }

  /** Runs statements as the superuser in {@code database}. */
  public void sqlIn(String database, String... statements) {
    try (Connection c = server.getDatabase("postgres", database).getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
    }
  }

  /**
   * The secret files a login as {@code user} needs, under their libpq names: the CA, and a client
   * certificate for {@code user} with its key (PKCS#8 PEM).
   */
  public Map<String, byte[]> files(String user) {
    TestCertificates.Issued client = authority.client(user);
    Map<String, byte[]> files = new HashMap<>();
    files.put("sslrootcert", authority.ca().certificatePem());
    files.put("sslcert", client.certificatePem());
    files.put("sslkey", client.keyPem());
    return files;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
