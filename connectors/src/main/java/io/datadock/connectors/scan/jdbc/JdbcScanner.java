package io.datadock.connectors.scan.jdbc;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SafeMessages;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.jdbc.JdbcLogin;
import io.datadock.connectors.scan.MetadataScanner;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared shape of every JDBC scan: reach and log in exactly as the connection check does
 * ({@link JdbcLogin}), then the family's few bulk catalog reads through a {@link CatalogReader},
 * collected into {@link TableDrafts}. A failed login is a {@link ScanResult#failure}; a failed read
 * leaves what the others read, with complete=false.
 */
public abstract class JdbcScanner implements MetadataScanner {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcScanner.class);

  private final JdbcLogin login;

  JdbcScanner(JdbcLogin login) {
    this.login = login;
  }

  /** The family's reads: the datasets first, then their columns and keys. */
  abstract void read(CatalogReader reader, TableDrafts drafts);

  @Override
  public final ScanResult scan(
      SourceConnection connection,
      Credentials credentials,
      ScanFilter filter,
      Duration timeout,
      Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    Credentials secrets = credentials == null ? Credentials.none() : credentials;
    long started = System.nanoTime();
    ScanResult result =
        run(connection, secrets, filter == null ? ScanFilter.all() : filter, egress, deadline);
    LOG.info(
        "metadata scan type={} host={} port={} datasets={} complete={} errors={} millis={}",
        login.type(),
        connection.string("host"),
        connection.integer("port"),
        result.datasets().size(),
        result.complete(),
        result.errors().size(),
        (System.nanoTime() - started) / 1_000_000);
    return result;
  }

  private ScanResult run(
      SourceConnection connection,
      Credentials credentials,
      ScanFilter filter,
      Egress egress,
      Deadline deadline) {
    Optional<String> unreachable = login.reachProblem(connection, egress.gate(), deadline);
    if (unreachable.isPresent()) {
      return ScanResult.failure(SafeMessages.clean(unreachable.get(), credentials));
    }
    Connection jdbc;
    try {
      jdbc = login.open(connection, credentials, egress.gate(), deadline);
    } catch (JdbcLogin.Refused refused) {
      return ScanResult.failure(SafeMessages.clean(refused.getMessage(), credentials));
    }
    CatalogReader reader = new CatalogReader(jdbc, deadline, credentials);
    try {
      TableDrafts drafts = new TableDrafts(filter, login::isSystemCollection);
      read(reader, drafts);
      return new ScanResult(drafts.datasets(), reader.errors(), reader.errors().isEmpty());
    } finally {
      if (reader.timedOut()) {
        // A read may still be running on the connection: do not wait for it to close.
        CompletableFuture.runAsync(() -> JdbcLogin.closeQuietly(jdbc));
      } else {
        JdbcLogin.closeQuietly(jdbc);
      }
    }
  }
}
