package io.datadock.connectors.scan.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.scan.objectstore.ObjectStore.StoredObject;
import io.datadock.connectors.scan.objectstore.ObjectTree.Planned;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ObjectTreeTest {

  @Test
  void filesAreDatasetsInTheCollectionOfTheirFolder() {
    List<Planned> plan =
        ObjectTree.plan(
            "raw/",
            objects("raw/orders.csv", "raw/web/clicks.json", "raw/web/2026/views.parquet"),
            Optional.empty());

    assertThat(plan)
        .extracting(p -> p.collection() + " | " + p.name() + " | " + p.format())
        .containsExactly(
            "none | orders.csv | csv",
            "web | clicks.json | json",
            "web/2026 | views.parquet | parquet");
    assertThat(plan).allMatch(p -> !p.partitioned() && p.objects() == 1);
  }

  @Test
  void aFolderOfPartitionsIsOneDatasetWithThePartitionKeys() {
    List<Planned> plan =
        ObjectTree.plan(
            "",
            objects(
                "sales/daily/date=2026-01-01/region=eu/part-0.parquet",
                "sales/daily/date=2026-01-01/region=us/part-0.parquet",
                "sales/daily/date=2026-01-02/region=eu/part-0.parquet",
                "sales/daily/date=2026-01-02/_SUCCESS"),
            Optional.empty());

    assertThat(plan).hasSize(1);
    Planned daily = plan.get(0);
    assertThat(daily.collection()).isEqualTo("sales");
    assertThat(daily.name()).isEqualTo("daily");
    assertThat(daily.folder()).isEqualTo("sales/daily/");
    assertThat(daily.partitionKeys()).containsExactly("date", "region");
    assertThat(daily.objects()).isEqualTo(3);
    assertThat(daily.sample().key())
        .isEqualTo("sales/daily/date=2026-01-01/region=eu/part-0.parquet");
  }

  @Test
  void hiddenPathsOtherFormatsAndFilesOfAnotherFormatThanTheDepotsAreLeftOut() {
    List<StoredObject> objects =
        objects("t/_temporary/x.csv", "t/.tmp/x.csv", "t/readme.md", "t/a.csv", "t/b.json");

    assertThat(ObjectTree.plan("t/", objects, Optional.of("csv")))
        .extracting(Planned::name)
        .containsExactly("a.csv");
  }

  @Test
  void aFolderWithADeltaLogOrIcebergMetadataIsOneTableWithItsMetadataNewestFirst() {
    List<Planned> plan =
        ObjectTree.plan(
            "lake/",
            objects(
                "lake/sales/orders/_delta_log/00000000000000000000.json",
                "lake/sales/orders/_delta_log/00000000000000000002.json",
                "lake/sales/orders/_delta_log/00000000000000000001.json",
                "lake/sales/orders/part-0.parquet",
                "lake/events/metadata/v1.metadata.json",
                "lake/events/metadata/v10.metadata.json",
                "lake/events/metadata/snap-1.avro",
                "lake/events/data/ts_day=2026-01-01/0.parquet",
                "lake/loose.csv"),
            Optional.empty());

    assertThat(plan)
        .extracting(
            p -> p.collection() + " | " + p.name() + " | " + p.format() + " | " + p.objects())
        .containsExactly(
            "none | loose.csv | csv | 1",
            "sales | orders | delta | 4",
            "none | events | iceberg | 4");
    assertThat(plan.get(1).metadata())
        .extracting(StoredObject::key)
        .containsExactly(
            "lake/sales/orders/_delta_log/00000000000000000002.json",
            "lake/sales/orders/_delta_log/00000000000000000001.json",
            "lake/sales/orders/_delta_log/00000000000000000000.json");
    assertThat(plan.get(2).sample().key()).isEqualTo("lake/events/metadata/v10.metadata.json");
  }

  private static List<StoredObject> objects(String... keys) {
    return Stream.of(keys).map(k -> new StoredObject(k, 100)).toList();
  }
}
