package io.datadock.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.SourceConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JdbcUrlTest {

  @Test
  void postgresPutsParamsInTheQuery() {
    assertThat(
            new PostgresCheck()
                .url(
                    connection(
                        "postgres", "database", "sales", "params", Map.of("sslmode", "require"))))
        .isEqualTo("jdbc:postgresql://db:5000/sales?sslmode=require");
  }

  @Test
  void mysqlNeedsNoDatabase() {
    assertThat(new MySqlCheck().url(connection("mysql"))).isEqualTo("jdbc:mariadb://db:5000/");
  }

  @Test
  void mssqlTurnsEncryptionOffUnlessTheParamsSayOtherwise() {
    assertThat(new MsSqlCheck().url(connection("mssql", "database", "sales")))
        .isEqualTo("jdbc:sqlserver://db:5000;databaseName=sales;encrypt=false");
    assertThat(
            new MsSqlCheck()
                .url(connection("mssql", "database", "sales", "params", Map.of("encrypt", "true"))))
        .isEqualTo("jdbc:sqlserver://db:5000;databaseName=sales;encrypt=true");
  }

  @Test
  void oracleAndRedshiftAndGenericJdbc() {
    assertThat(new OracleCheck().url(connection("oracle", "service", "ORCL")))
        .isEqualTo("jdbc:oracle:thin:@//db:5000/ORCL");
    assertThat(new RedshiftCheck().url(connection("redshift", "database", "dev")))
        .isEqualTo("jdbc:redshift://db:5000/dev");
    assertThat(
            new GenericJdbcCheck().url(connection("jdbc", "subprotocol", "db2", "database", "x")))
        .isEqualTo("jdbc:db2://db:5000/x");
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
