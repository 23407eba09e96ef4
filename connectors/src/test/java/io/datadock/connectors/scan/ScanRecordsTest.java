package io.datadock.connectors.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanRecordsTest {

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
