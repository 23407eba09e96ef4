package io.datadock.connectors.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.ConnectionChecks;
import io.datadock.connectors.scan.file.FileScanner;
import io.datadock.connectors.scan.jdbc.DatabaseMetaDataScanner;
import io.datadock.connectors.scan.jdbc.MySqlScanner;
import io.datadock.connectors.scan.jdbc.PostgresScanner;
import io.datadock.connectors.scan.kafka.KafkaScanner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataScannersTest {

  @Test
  void everyTypeWithALiveCheckHasItsFamilysScanner() {
    assertThat(MetadataScanners.scannableTypes())
        .containsExactly(
            "file", "jdbc", "kafka", "mssql", "mysql", "oracle", "postgres", "redshift")
        .isEqualTo(ConnectionChecks.liveTypes());
    assertThat(MetadataScanners.forType("postgres")).containsInstanceOf(PostgresScanner.class);
    assertThat(MetadataScanners.forType("redshift")).containsInstanceOf(PostgresScanner.class);
    assertThat(MetadataScanners.forType("mysql")).containsInstanceOf(MySqlScanner.class);
    assertThat(MetadataScanners.forType("mssql")).containsInstanceOf(DatabaseMetaDataScanner.class);
    assertThat(MetadataScanners.forType("oracle"))
        .containsInstanceOf(DatabaseMetaDataScanner.class);
    assertThat(MetadataScanners.forType("jdbc")).containsInstanceOf(DatabaseMetaDataScanner.class);
    assertThat(MetadataScanners.forType("kafka")).containsInstanceOf(KafkaScanner.class);
    assertThat(MetadataScanners.forType("file")).containsInstanceOf(FileScanner.class);
  }

  @Test
  void otherTypesAndAliasesFindNothing() {
    assertThat(MetadataScanners.forType("snowflake")).isEmpty();
    assertThat(MetadataScanners.forType("postgresql")).isEmpty();
    assertThat(MetadataScanners.forType(null)).isEmpty();
  }

  @Test
  void theRecordsCopyWhatTheyAreGiven() {
    DatasetMeta dataset =
        new DatasetMeta(
            "sales", "orders", DatasetKind.TABLE, null, null, null, null, Map.of("k", "v"));
    assertThat(dataset.columns()).isEmpty();
    assertThat(dataset.primaryKey()).isEmpty();
    assertThat(dataset.properties()).containsEntry("k", "v");

    ScanResult failure = ScanResult.failure("cannot reach db:5432: connection refused");
    assertThat(failure.datasets()).isEmpty();
    assertThat(failure.errors()).containsExactly("cannot reach db:5432: connection refused");
    assertThat(failure.complete()).isFalse();
    assertThat(new ScanResult(List.of(dataset), null, true).errors()).isEmpty();
  }
}
