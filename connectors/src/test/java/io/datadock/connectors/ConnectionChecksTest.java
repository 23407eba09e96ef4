package io.datadock.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.file.FileCheck;
import io.datadock.connectors.jdbc.GenericJdbcCheck;
import io.datadock.connectors.jdbc.MsSqlCheck;
import io.datadock.connectors.jdbc.MySqlCheck;
import io.datadock.connectors.jdbc.OracleCheck;
import io.datadock.connectors.jdbc.PostgresCheck;
import io.datadock.connectors.jdbc.RedshiftCheck;
import io.datadock.connectors.kafka.KafkaCheck;
import org.junit.jupiter.api.Test;

class ConnectionChecksTest {

  @Test
  void everyLiveTypeHasItsFamilysCheck() {
    assertThat(ConnectionChecks.liveTypes())
        .containsExactly(
            "file", "jdbc", "kafka", "mssql", "mysql", "oracle", "postgres", "redshift");
    assertThat(ConnectionChecks.forType("postgres")).containsInstanceOf(PostgresCheck.class);
    assertThat(ConnectionChecks.forType("mysql")).containsInstanceOf(MySqlCheck.class);
    assertThat(ConnectionChecks.forType("mssql")).containsInstanceOf(MsSqlCheck.class);
    assertThat(ConnectionChecks.forType("oracle")).containsInstanceOf(OracleCheck.class);
    assertThat(ConnectionChecks.forType("redshift")).containsInstanceOf(RedshiftCheck.class);
    assertThat(ConnectionChecks.forType("jdbc")).containsInstanceOf(GenericJdbcCheck.class);
    assertThat(ConnectionChecks.forType("kafka")).containsInstanceOf(KafkaCheck.class);
    assertThat(ConnectionChecks.forType("file")).containsInstanceOf(FileCheck.class);
  }

  @Test
  void typesWithoutALiveCheckAndAliasesFindNothing() {
    assertThat(ConnectionChecks.forType("snowflake")).isEmpty();
    assertThat(ConnectionChecks.forType("s3")).isEmpty();
    // Aliases are resolved by the manifest layer before a check is looked up.
    assertThat(ConnectionChecks.forType("postgresql")).isEmpty();
    assertThat(ConnectionChecks.forType("sqlserver")).isEmpty();
    assertThat(ConnectionChecks.forType(null)).isEmpty();
  }
}
