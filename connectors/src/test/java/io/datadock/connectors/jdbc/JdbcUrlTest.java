package io.datadock.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.connectors.SourceConnection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The URLs the JDBC families build: values are escaped for their driver, params off the driver's
 * allowlist never reach it, the subprotocol is the family's. Where it matters, the real driver
 * parses the URL ({@link java.sql.Driver#getPropertyInfo}, no connection) to show what it would
 * use.
 */
class JdbcUrlTest {

  @Test
  void postgresPutsAllowedParamsInTheQueryUnderTheDriversSpelling() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("SSLMODE", "require");
    params.put("sslfactory", "org.postgresql.ssl.NonValidatingFactory");
    params.put("socketFactory", "javax.net.DefaultSocketFactory");
    params.put("sslcert", "/etc/shadow");
    params.put("options", "-c log_statement=all");
    params.put("password", "x");
    params.put("ApplicationName", "crm sync");
    assertThat(
            new PostgresCheck().url(connection("postgres", "database", "sales", "params", params)))
        .isEqualTo("jdbc:postgresql://db:5000/sales?sslmode=require&ApplicationName=crm%20sync");
  }

  @Test
  void postgresPercentEncodesTheDatabaseAndParamValues() throws SQLException {
    String url =
        new PostgresCheck()
            .url(
                connection(
                    "postgres",
                    "database",
                    "crm$été",
                    "params",
                    Map.of("ApplicationName", "a+b/c%d")));
    assertThat(url)
        .isEqualTo("jdbc:postgresql://db:5000/crm$%C3%A9t%C3%A9?ApplicationName=a%2Bb%2Fc%25d");
    Map<String, String> parsed = parsed(url);
    assertThat(parsed).containsEntry("PGDBNAME", "crm$été");
    assertThat(parsed).containsEntry("ApplicationName", "a+b/c%d");
  }

  @Test
  void aDatabaseOrServiceThatIsNoPlainNameIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(
            () -> new PostgresCheck().url(connection("postgres", "database", "crm?sslcert=/x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the connection's database is not a plain name (letters, digits, _ - . $)");
    assertThatThrownBy(
            () ->
                new MsSqlCheck()
                    .url(connection("mssql", "database", "sales;integratedSecurity=true")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("integratedSecurity");
    assertThatThrownBy(
            () -> new OracleCheck().url(connection("oracle", "service", "ORCL)(HOST=evil")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("service is not a plain name");
    assertThatThrownBy(() -> new MySqlCheck().url(connection("mysql", "database", "a?b=c")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"db/evil", "admin:S3cr3t@db", "db;encrypt=false", "db:1", "db?x=1", "d b", ""})
  void aHostThatIsNoHostNameOrIpIsRefusedByEveryFamily(String host) {
    for (JdbcCheck check :
        new JdbcCheck[] {
          new PostgresCheck(),
          new MySqlCheck(),
          new MsSqlCheck(),
          new OracleCheck(),
          new RedshiftCheck(),
          new GenericJdbcCheck()
        }) {
      SourceConnection c =
          connection(
              check.type(),
              "host",
              host,
              "database",
              "d",
              "service",
              "s",
              "subprotocol",
              "postgresql");
      assertThatThrownBy(() -> check.url(c))
          .as(check.type())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the connection's host is not a host name or an IP address");
    }
  }

  @Test
  void ipv6HostsAreBracketedInUrls() {
    assertThat(new PostgresCheck().url(connection("postgres", "host", "::1", "database", "d")))
        .isEqualTo("jdbc:postgresql://[::1]:5000/d");
    assertThat(new OracleCheck().url(connection("oracle", "host", "[::1]", "service", "ORCL")))
        .isEqualTo("jdbc:oracle:thin:@//[::1]:5000/ORCL");
    assertThat(new MsSqlCheck().url(connection("mssql", "host", "::1", "database", "d")))
        .startsWith("jdbc:sqlserver://;serverName={::1};portNumber=5000;");
  }

  @Test
  void theSubprotocolIsTheFamilysWhateverTheFieldSays() {
    assertThat(
            new PostgresCheck()
                .url(connection("postgres", "database", "d", "subprotocol", "mysql://evil:1/x?")))
        .isEqualTo("jdbc:postgresql://db:5000/d");
    assertThat(
            new OracleCheck()
                .url(connection("oracle", "service", "ORCL", "subprotocol", "oracle:oci")))
        .isEqualTo("jdbc:oracle:thin:@//db:5000/ORCL");
    assertThat(
            new MsSqlCheck()
                .url(connection("mssql", "database", "d", "subprotocol", "jtds:sqlserver")))
        .startsWith("jdbc:sqlserver://;");
  }

  @Test
  void mysqlNeedsNoDatabaseAndNeverAllowsLocalFiles() throws SQLException {
    assertThat(new MySqlCheck().url(connection("mysql")))
        .isEqualTo("jdbc:mariadb://db:5000/?allowLocalInfile=false");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("allowLocalInfile", "true");
    params.put("allowLoadLocalInfile", "true");
    params.put("autoDeserialize", "true");
    params.put("sessionVariables", "sql_mode=x");
    params.put("initSql", "DROP TABLE x");
    params.put("serverTimezone", "UTC");
    params.put("connectionAttributes", "a&allowLocalInfile=true");
    String url = new MySqlCheck().url(connection("mysql", "database", "sales", "params", params));
    assertThat(url)
        .isEqualTo("jdbc:mariadb://db:5000/sales?allowLocalInfile=false&serverTimezone=UTC");
    assertThat(parsed(url))
        .containsEntry("allowLocalInfile", "false")
        .containsEntry("database", "sales")
        .doesNotContainKey("initSql")
        .doesNotContainKey("sessionVariables");
  }

  @Test
  void mssqlBracesEveryValueAndTurnsEncryptionOffUnlessTheParamsSayOtherwise() throws SQLException {
    assertThat(new MsSqlCheck().url(connection("mssql", "database", "sales")))
        .isEqualTo(
            "jdbc:sqlserver://;serverName={db};portNumber=5000;databaseName={sales};encrypt=false");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("ENCRYPT", true);
    params.put("applicationName", "a=b");
    params.put("workstationID", "x;integratedSecurity=true");
    params.put("integratedSecurity", "true");
    params.put("authentication", "ActiveDirectoryDefault");
    params.put("trustStore", "/etc/shadow");
    String url = new MsSqlCheck().url(connection("mssql", "database", "sales", "params", params));
    assertThat(url)
        .isEqualTo(
            "jdbc:sqlserver://;serverName={db};portNumber=5000;databaseName={sales};"
                + "encrypt={true};applicationName={a=b}");
    assertThat(parsed(url))
        .containsEntry("serverName", "db")
        .containsEntry("databaseName", "sales")
        .containsEntry("applicationName", "a=b")
        .containsEntry("encrypt", "true")
        .containsEntry("integratedSecurity", "false")
        .containsEntry("authentication", "NotSpecified")
        .containsEntry("workstationID", "")
        .containsEntry("trustStore", "");
    assertThat(JdbcUrl.braced("a}b;c")).isEqualTo("{a}}b;c}");
  }

  @Test
  void oracleTakesNoParams() {
    assertThat(
            new OracleCheck()
                .url(
                    connection(
                        "oracle", "service", "ORCL", "params", Map.of("oracle.net.wallet", "/x"))))
        .isEqualTo("jdbc:oracle:thin:@//db:5000/ORCL");
  }

  @Test
  void redshiftKeepsOnlyItsAllowedParams() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("plugin_name", "com.amazon.redshift.plugin.BrowserSamlCredentialsProvider");
    params.put("profile", "default");
    params.put("ssl", true);
    params.put("LogPath", "/tmp");
    assertThat(new RedshiftCheck().url(connection("redshift", "database", "dev", "params", params)))
        .isEqualTo("jdbc:redshift://db:5000/dev?ssl=true");
  }

  @Test
  void paramValuesThatAreNotPlainOrHoldSeparatorsAreDropped() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("ApplicationName", "x&sslfactory=y");
    params.put("currentSchema", Map.of("a", "b"));
    params.put("readOnly", "a\nb");
    params.put("ssl", true);
    assertThat(new PostgresCheck().url(connection("postgres", "database", "d", "params", params)))
        .isEqualTo("jdbc:postgresql://db:5000/d?ssl=true");
  }

  @Test
  void genericJdbcUsesTheNamedShippedDriversUrl() {
    assertThat(
            new GenericJdbcCheck()
                .url(
                    connection(
                        "jdbc",
                        "subprotocol",
                        "PostgreSQL",
                        "database",
                        "x",
                        "params",
                        Map.of("sslmode", "disable", "sslfactory", "y"))))
        .isEqualTo("jdbc:postgresql://db:5000/x?sslmode=disable");
    assertThat(
            new GenericJdbcCheck().url(connection("jdbc", "subprotocol", "mysql", "database", "x")))
        .isEqualTo("jdbc:mariadb://db:5000/x?allowLocalInfile=false");
    assertThat(
            new GenericJdbcCheck()
                .url(connection("jdbc", "subprotocol", "sqlserver", "database", "x")))
        .isEqualTo(
            "jdbc:sqlserver://;serverName={db};portNumber=5000;databaseName={x};encrypt=false");
    assertThat(
            new GenericJdbcCheck()
                .url(connection("jdbc", "subprotocol", "oracle", "database", "ORCL")))
        .isEqualTo("jdbc:oracle:thin:@//db:5000/ORCL");
    Map<String, Object> noPort = new HashMap<>(Map.of("host", "db", "subprotocol", "redshift"));
    assertThat(new GenericJdbcCheck().url(new SourceConnection("jdbc", noPort)))
        .as("the driver's well-known port")
        .isEqualTo("jdbc:redshift://db:5439/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"db2", "h2:mem", "postgresql://evil/x?", "sqlite"})
  void genericJdbcRefusesADriverDatadockDoesNotShip(String subprotocol) {
    assertThatThrownBy(
            () ->
                new GenericJdbcCheck()
                    .url(connection("jdbc", "subprotocol", subprotocol, "database", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the connection's subprotocol names no driver Datadock ships");
  }

  /** The properties the real driver reads from {@code url}, without connecting. */
  private static Map<String, String> parsed(String url) throws SQLException {
    Map<String, String> out = new HashMap<>();
    for (DriverPropertyInfo info :
        DriverManager.getDriver(url).getPropertyInfo(url, new Properties())) {
      if (info.value != null) {
        out.put(info.name, info.value);
      }
    }
    return out;
  }

  private static SourceConnection connection(String type, Object... more) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("host", "db");
    fields.put("port", 5000);
    for (int i = 0; i < more.length; i += 2) {
      fields.put((String) more[i], more[i + 1]);
    }
    return new SourceConnection(type, fields);
  }
}
