package io.datadock.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.schemas.catalog.ColumnChange;
import io.datadock.schemas.catalog.Dataset;
import io.datadock.schemas.catalog.DatasetColumn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogDiffTest {

  static {
    // Avro trusts Datadock's generated classes once the schemas module says so (as every service
    // does when it first touches a topic): builders copying records need it here too.
    io.datadock.schemas.TrustedSpecificData.get();
  }

  private static DatasetColumn col(String name, String type, boolean nullable, int position) {
    return DatasetColumn.newBuilder()
        .setName(name)
        .setType(type)
        .setNullable(nullable)
        .setPosition(position)
        .build();
  }

  private static Dataset dataset(String name, DatasetColumn... columns) {
    List<DatasetColumn> cols = List.of(columns);
    return Dataset.newBuilder()
        .setUdl("dataos://pg/public/" + name)
        .setTenant("t")
        .setDepot("pg")
        .setDepotKey("t/depot/pg")
        .setSourceType("postgres")
        .setCollection("public")
        .setName(name)
        .setKind("table")
        .setColumns(cols)
        .setFingerprint(Fingerprints.of(cols, List.of()))
        .setScannedAt(1)
        .setScanId("s")
        .build();
  }

  private static Map<String, Dataset> byKey(Dataset... datasets) {
    java.util.Map<String, Dataset> out = new java.util.LinkedHashMap<>();
    for (Dataset d : datasets) {
      out.put(DatasetKeys.of(d.getTenant(), d.getUdl()), d);
    }
    return out;
  }

  private final Dataset orders = dataset("orders", col("id", "integer", false, 1));
  private final Dataset customers = dataset("customers", col("id", "integer", false, 1));

  @Test
  void newDatasetsAreCreatedAndUnchangedOnesLeftAlone() {
    CatalogDiff diff = CatalogDiff.between(byKey(orders), byKey(orders, customers), true);

    assertThat(diff.created()).containsExactly(customers);
    assertThat(diff.unchanged()).isEqualTo(1);
    assertThat(diff.changed()).isEmpty();
    assertThat(diff.removed()).isEmpty();
  }

  @Test
  void aChangedSchemaComesWithItsColumnDiff() {
    Dataset altered =
        dataset("orders", col("id", "bigint", false, 1), col("amount", "numeric(10,2)", true, 2));
    Dataset before =
        dataset("orders", col("id", "integer", false, 1), col("note", "text", true, 2));

    CatalogDiff diff = CatalogDiff.between(byKey(before), byKey(altered), true);

    assertThat(diff.changed()).hasSize(1);
    CatalogDiff.Change change = diff.changed().get(0);
    assertThat(CatalogDiff.isSchemaChange(change)).isTrue();
    assertThat(change.added()).extracting(DatasetColumn::getName).containsExactly("amount");
    assertThat(change.removed()).extracting(DatasetColumn::getName).containsExactly("note");
    assertThat(change.modified()).extracting(ColumnChange::getName).containsExactly("id");
    assertThat(change.modified().get(0).getAfter().getType()).isEqualTo("bigint");
  }

  @Test
  void vanishedDatasetsAreRemovedAfterACompleteScan() {
    CatalogDiff diff = CatalogDiff.between(byKey(orders, customers), byKey(orders), true);
    assertThat(diff.removed()).containsExactly(customers);
  }

  @Test
  void aScanThatFailedPartWayRemovesNothing() {
    CatalogDiff diff = CatalogDiff.between(byKey(orders, customers), byKey(orders), false);
    assertThat(diff.removed()).isEmpty();

    CatalogDiff nothingRead = CatalogDiff.between(byKey(orders, customers), byKey(), false);
    assertThat(nothingRead.removed()).isEmpty();
  }

  @Test
  void aNewRowEstimateRepublishesWithoutASchemaChange() {
    Dataset recounted = Dataset.newBuilder(orders).setRowEstimate(1000L).build();

    CatalogDiff diff = CatalogDiff.between(byKey(orders), byKey(recounted), true);

    assertThat(diff.changed()).hasSize(1);
    assertThat(CatalogDiff.isSchemaChange(diff.changed().get(0))).isFalse();
  }
}
