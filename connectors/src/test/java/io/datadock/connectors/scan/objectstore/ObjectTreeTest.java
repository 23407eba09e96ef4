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
        objects("t/_delta_log/00000.json", "t/.tmp/x.csv", "t/readme.md", "t/a.csv", "t/b.json");

    assertThat(ObjectTree.plan("t/", objects, Optional.of("csv")))
        .extracting(Planned::name)
        .containsExactly("a.csv");
  }

  private static List<StoredObject> objects(String... keys) {
    return Stream.of(keys).map(k -> new StoredObject(k, 100)).toList();
  }
}
