package io.datadock.connectors.jdbc;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Destination;
import io.datadock.connectors.family.SourceFamily;
import io.datadock.connectors.family.SourceSupport;
import io.datadock.connectors.scan.MetadataScanner;
import io.datadock.connectors.scan.jdbc.DatabaseMetaDataScanner;
import io.datadock.connectors.scan.jdbc.MySqlScanner;
import io.datadock.connectors.scan.jdbc.PostgresScanner;
import io.datadock.core.manifest.depot.SourceType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JDBC databases: per type its check ({@link JdbcCheck}: URL by {@link JdbcUrl}, params by
 * {@link UrlParams}, login by {@link JdbcLogin}), its scanner (which logs in through the same
 * {@link JdbcLogin}), and its destination, {@code host} and {@code port} (or the type's default
 * port). The fields each type may carry are {@link SourceType#fields()}.
 */
public final class JdbcFamily implements SourceFamily {

  private final Map<SourceType, JdbcLogin> logins = new EnumMap<>(SourceType.class);
  private final List<SourceSupport> serves = new ArrayList<>();

  public JdbcFamily() {
    serve(SourceType.POSTGRES, new PostgresCheck(), PostgresScanner::postgres);
    serve(SourceType.MYSQL, new MySqlCheck(), MySqlScanner::new);
    serve(SourceType.MSSQL, new MsSqlCheck(), DatabaseMetaDataScanner::new);
    serve(SourceType.ORACLE, new OracleCheck(), DatabaseMetaDataScanner::new);
    serve(SourceType.REDSHIFT, new RedshiftCheck(), PostgresScanner::redshift);
    serve(SourceType.JDBC, new GenericJdbcCheck(), DatabaseMetaDataScanner::new);
  }

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public List<SourceSupport> serves() {
    return Collections.unmodifiableList(serves);
  }

  /** The login of a JDBC type, shared by its check and its scanner; empty for other types. */
  public Optional<JdbcLogin> login(SourceType type) {
    return Optional.ofNullable(logins.get(type));
  }

  private void serve(
      SourceType type, JdbcCheck check, Function<JdbcLogin, MetadataScanner> scanner) {
    JdbcLogin login = new JdbcLogin(check);
    logins.put(type, login);
    serves.add(
        new SourceSupport(
            type, check, scanner.apply(login), connection -> endpoint(login, connection)));
  }

  private static List<Destination> endpoint(JdbcLogin login, SourceConnection connection) {
    return login
        .endpoint(connection)
        .<Destination>map(at -> new Destination.Endpoint(at.getHostString(), at.getPort()))
        .stream()
        .toList();
  }
}
