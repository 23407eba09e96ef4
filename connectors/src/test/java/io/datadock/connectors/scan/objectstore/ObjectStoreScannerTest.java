package io.datadock.connectors.scan.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.Deadline;
import io.datadock.connectors.TestParquet;
import io.datadock.connectors.TestTables;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanOptions;
import io.datadock.connectors.scan.ScanProgress;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.connectors.scan.file.SchemaReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The scanner's reading discipline, over a store held in memory that records every read (the
 * protocol itself is {@code S3ScanIT}'s, against a real S3 server).
 */
class ObjectStoreScannerTest {

  private final MemoryStore store = new MemoryStore();

  @Test
  void largeFilesAreReadByTheirFooterOrFirstBytesNeverWhole() throws Exception {
    store.put("big.parquet", TestParquet.file(2_000_000, 7));
    StringBuilder csv = new StringBuilder("id,name,amount\n");
    StringBuilder json = new StringBuilder();
    for (int i = 0; csv.length() < 1_000_000; i++) {
      csv.append(i).append(",n").append(i).append(",1.5\n");
      json.append("{\"id\":").append(i).append(",\"name\":\"n").append(i).append("\"}\n");
    }
    store.put("big.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    store.put("big.json", json.toString().getBytes(StandardCharsets.UTF_8));

    ScanResult result = scan(ObjectStoreScanner.DEFAULT_OBJECT_BUDGET);

    assertThat(result.complete()).as(result.errors().toString()).isTrue();
    assertThat(columns(result, "big.parquet"))
        .containsExactly("id", "name", "amount", "address", "tag");
    assertThat(dataset(result, "big.parquet").rowEstimate()).isEqualTo(7);
    assertThat(columns(result, "big.csv")).containsExactly("id", "name", "amount");
    assertThat(columns(result, "big.json")).containsExactly("id", "name");
    assertThat(store.bytesRead.get("big.parquet")).isLessThan(70_000);
    assertThat(store.bytesRead.get("big.csv")).isEqualTo(SchemaReader.TEXT_PREFIX);
    assertThat(store.bytesRead.get("big.json")).isEqualTo(SchemaReader.TEXT_PREFIX);
  }

  @Test
  void aPartitionedFolderGetsItsPartitionColumnsAfterTheFilesOwn() throws Exception {
    store.put("events/day=1/a.csv", "id,kind\n".getBytes(StandardCharsets.UTF_8));
    store.put("events/day=2/a.csv", "id,kind\n".getBytes(StandardCharsets.UTF_8));

    DatasetMeta events = dataset(scan(100), "events");

    assertThat(events.kind()).isEqualTo(DatasetKind.TABLE);
    assertThat(events.columns())
        .extracting(c -> c.name() + " " + c.type())
        .containsExactly("id string", "kind string", "day string (partition)");
    assertThat(events.properties())
        .containsEntry("partitions", "day")
        .containsEntry("objects", "2")
        .containsEntry("path", "mem://bucket/events/");
  }

  @Test
  void deltaAndIcebergTablesAreReadFromTheirMetadataNotTheirDataFiles() throws Exception {
    store.put(
        "delta/orders/_delta_log/00000000000000000000.json",
        TestTables.deltaCommit(List.of("id long true", "day date false"), List.of("day")));
    store.put(
        "delta/orders/_delta_log/00000000000000000001.json",
        "{\"add\":{\"path\":\"day=2026-01-01/part-0.parquet\"}}\n"
            .getBytes(StandardCharsets.UTF_8));
    store.put("delta/orders/day=2026-01-01/part-0.parquet", TestParquet.ordersFile());
    store.put(
        "ice/events/metadata/v1.metadata.json",
        TestTables.icebergMetadata(List.of("id long true"), "ts_day", "day", 0));
    store.put(
        "ice/events/metadata/v2.metadata.json",
        TestTables.icebergMetadata(
            List.of("id long true", "ts timestamptz false"), "ts_day", "day", 77));
    store.put("ice/events/data/00000-0.parquet", TestParquet.ordersFile());

    ScanResult result = scan(100);

    assertThat(result.datasets()).extracting(DatasetMeta::name).containsExactly("orders", "events");
    DatasetMeta delta = dataset(result, "orders");
    assertThat(delta.collection()).isEqualTo("delta");
    assertThat(delta.columns())
        .extracting(c -> c.name() + " " + c.type() + " " + c.nullable())
        .containsExactly("id long false", "day date true");
    assertThat(delta.properties())
        .containsEntry("format", "delta")
        .containsEntry("partitions", "day")
        .containsEntry("version", "0")
        .containsEntry("objects", "3");
    DatasetMeta iceberg = dataset(result, "events");
    assertThat(iceberg.columns())
        .extracting(c -> c.name() + " " + c.type() + " " + c.nullable())
        .containsExactly("id long false", "ts timestamptz true");
    assertThat(iceberg.properties())
        .containsEntry("format", "iceberg")
        .containsEntry("partitions", "ts_day (day)")
        .containsEntry("current-snapshot-id", "77")
        .containsEntry("format-version", "2");
    assertThat(store.bytesRead)
        .doesNotContainKeys(
            "delta/orders/day=2026-01-01/part-0.parquet", "ice/events/data/00000-0.parquet");
  }

  @Test
  void aListingLongerThanTheBudgetIsAPartialScanSayingSo() throws Exception {
    for (int i = 0; i < 2_500; i++) {
      store.put(String.format("logs/%05d.csv", i), "a,b\n".getBytes(StandardCharsets.UTF_8));
    }

    ScanResult result = scan(1_200);

    assertThat(result.complete()).isFalse();
    assertThat(result.datasets()).hasSize(1_200);
    assertThat(result.errors())
        .anyMatch(e -> e.startsWith("listing stopped at the object budget of 1200"));
    assertThat(store.pages).isEqualTo(2);
  }

  @Test
  void progressIsReportedOnceAListedPageThenOnceADatasetReadAlwaysForward() throws Exception {
    for (int i = 0; i < 2_500; i++) {
      store.put(String.format("logs/day=%05d/a.csv", i), "a,b\n".getBytes(StandardCharsets.UTF_8));
    }
    store.put("zz.csv", "c\n".getBytes(StandardCharsets.UTF_8));
    List<String> reports = new ArrayList<>();
    ScanProgress progress = (objects, datasets) -> reports.add(objects + "/" + datasets);

    ScanResult result =
        new ObjectStoreScanner(store, new ScanOptions(100_000, progress))
            .scan("", Optional.empty(), ScanFilter.all(), Deadline.after(Duration.ofSeconds(30)));

    assertThat(result.complete()).as(result.errors().toString()).isTrue();
    assertThat(reports).containsExactly("1000/0", "2000/0", "2501/0", "2501/1", "2501/2");
  }

  private ScanResult scan(int budget) {
    return new ObjectStoreScanner(store, budget)
        .scan("", Optional.empty(), ScanFilter.all(), Deadline.after(Duration.ofSeconds(30)));
  }

  private static DatasetMeta dataset(ScanResult result, String name) {
    return result.datasets().stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + result));
  }

  private static List<String> columns(ScanResult result, String name) {
    return dataset(result, name).columns().stream().map(ColumnMeta::name).toList();
  }

  /** Objects in key order, listed in pages as a store does; counts the bytes read per object. */
  private static final class MemoryStore implements ObjectStore {
    final TreeMap<String, byte[]> objects = new TreeMap<>();
    final Map<String, Integer> bytesRead = new TreeMap<>();
    int pages;

    void put(String key, byte[] content) {
      objects.put(key, content);
    }

    @Override
    public String root() {
      return "mem://bucket/";
    }

    @Override
    public Page list(String prefix, String after, int pageSize) {
      pages++;
      List<StoredObject> page = new ArrayList<>();
      var tail = after == null ? objects.tailMap(prefix, true) : objects.tailMap(after, false);
      for (var e : tail.entrySet()) {
        if (!e.getKey().startsWith(prefix) || page.size() == pageSize) {
          break;
        }
        page.add(new StoredObject(e.getKey(), e.getValue().length));
      }
      String last = page.isEmpty() ? null : page.get(page.size() - 1).key();
      return new Page(page, last != null && objects.higherKey(last) != null ? last : null);
    }

    @Override
    public byte[] read(String key, long position, int length) {
      byte[] content = objects.get(key);
      int end = (int) Math.min(content.length, position + length);
      bytesRead.merge(key, end - (int) position, Integer::sum);
      return Arrays.copyOfRange(content, (int) position, end);
    }
  }
}
