package io.datadock.connectors.scan.objectstore;

import io.datadock.connectors.Deadline;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanOptions;
import io.datadock.connectors.scan.ScanProgress;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.connectors.scan.file.ByteRanges;
import io.datadock.connectors.scan.file.SchemaReader;
import io.datadock.connectors.scan.objectstore.ObjectStore.StoredObject;
import io.datadock.connectors.scan.objectstore.ObjectTree.Planned;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog scan of an object store under a prefix: the listing, page by page, up to an object
 * budget and the deadline (a listing stopped by either is a partial scan, so nothing is removed
 * from the catalog); the datasets {@link ObjectTree} makes of it; each one's schema from one
 * object, read by ranges ({@link SchemaReader}: a Parquet footer, the first bytes of a text file),
 * or a table's from its metadata ({@link DeltaLog}, {@link IcebergMetadata}). Progress goes to the
 * options' {@link ScanProgress}: the objects listed once a page, then the datasets read so far.
 */
public final class ObjectStoreScanner {

  /** Objects listed at most per scan. */
  public static final int DEFAULT_OBJECT_BUDGET = 100_000;

  static final int PAGE = 1000;

  private final ObjectStore store;
  private final int objectBudget;
  private final ScanProgress progress;

  public ObjectStoreScanner(ObjectStore store, ScanOptions options) {
    this.store = store;
    this.objectBudget = options.objectBudget();
    this.progress = options.progress();
  }

  public ObjectStoreScanner(ObjectStore store, int objectBudget) {
    this(store, ScanOptions.budget(objectBudget));
  }

  public ScanResult scan(
      String prefix, Optional<String> onlyFormat, ScanFilter filter, Deadline deadline) {
    List<String> errors = new ArrayList<>();
    List<StoredObject> objects = new ArrayList<>();
    boolean complete;
    try {
      complete = list(prefix, objects, errors, deadline);
    } catch (IOException e) {
      if (objects.isEmpty()) {
        return ScanResult.failure("cannot list " + store.root() + prefix + ": " + e.getMessage());
      }
      errors.add("listing stopped after " + objects.size() + " objects: " + e.getMessage());
      complete = false;
    }
    List<DatasetMeta> datasets = new ArrayList<>();
    for (Planned planned : ObjectTree.plan(prefix, objects, onlyFormat)) {
      if (!filter.dataset(planned.collection(), planned.name())) {
        continue;
      }
      if (deadline.expired()) {
        errors.add("schemas not read: no time left within " + deadline.describe());
        complete = false;
        break;
      }
      try {
        datasets.add(read(planned));
        progress.report(objects.size(), datasets.size());
      } catch (IOException | RuntimeException e) {
        errors.add("cannot read " + store.root() + planned.sample().key() + ": " + e.getMessage());
        complete = false;
      }
    }
    datasets.sort(Comparator.comparing(DatasetMeta::collection).thenComparing(DatasetMeta::name));
    return new ScanResult(datasets, errors, complete);
  }

  /** Lists into {@code objects}; false when the budget or the deadline stopped the listing. */
  private boolean list(
      String prefix, List<StoredObject> objects, List<String> errors, Deadline deadline)
      throws IOException {
    String after = null;
    do {
      if (objects.size() >= objectBudget) {
        errors.add(
            "listing stopped at the object budget of "
                + objectBudget
                + " objects under "
                + store.root()
                + prefix
                + ": a partial scan");
        return false;
      }
      if (deadline.expired()) {
        errors.add(
            "listing stopped after "
                + objects.size()
                + " objects: "
                + deadline.describe()
                + " spent");
        return false;
      }
      ObjectStore.Page page =
          store.list(prefix, after, Math.min(PAGE, objectBudget - objects.size()));
      objects.addAll(page.objects());
      progress.report(objects.size(), 0);
      after = page.next();
    } while (after != null);
    return true;
  }

  private DatasetMeta read(Planned planned) throws IOException {
    if (planned.table()) {
      return readTable(planned);
    }
    StoredObject sample = planned.sample();
    String fileName = sample.key().substring(sample.key().lastIndexOf('/') + 1);
    SchemaReader.Schema schema = SchemaReader.read(fileName, planned.format(), ranges(sample));
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("format", planned.format());
    properties.put("path", store.root() + planned.folder());
    if (!planned.partitioned()) {
      properties.put("size", String.valueOf(sample.size()));
      return new DatasetMeta(
          planned.collection(),
          planned.name(),
          DatasetKind.FILE,
          schema.columns(),
          List.of(),
          schema.rows(),
          null,
          properties);
    }
    properties.put("partitions", String.join(",", planned.partitionKeys()));
    properties.put("objects", String.valueOf(planned.objects()));
    return new DatasetMeta(
        planned.collection(),
        planned.name(),
        DatasetKind.TABLE,
        withPartitions(schema.columns(), planned.partitionKeys()),
        List.of(),
        null,
        null,
        properties);
  }

  /** A Delta or Iceberg table, from its metadata only (no data file is read). */
  private DatasetMeta readTable(Planned planned) throws IOException {
    TableSchema schema =
        planned.format().equals(TableFormats.DELTA)
            ? DeltaLog.read(store, planned.metadata())
            : IcebergMetadata.read(store, planned.sample());
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("format", planned.format());
    properties.put("path", store.root() + planned.folder());
    if (!schema.partitionColumns().isEmpty()) {
      properties.put("partitions", String.join(",", schema.partitionColumns()));
    }
    properties.putAll(schema.facts());
    properties.put("objects", String.valueOf(planned.objects()));
    return new DatasetMeta(
        planned.collection(),
        planned.name(),
        DatasetKind.TABLE,
        schema.columns(),
        List.of(),
        null,
        null,
        properties);
  }

  /** The file's columns, then each partition key not among them (its values are text). */
  private static List<ColumnMeta> withPartitions(List<ColumnMeta> columns, List<String> keys) {
    List<ColumnMeta> all = new ArrayList<>(columns);
    for (String key : keys) {
      if (all.stream().noneMatch(c -> c.name().equals(key))) {
        all.add(new ColumnMeta(key, "string (partition)", false, all.size() + 1));
      }
    }
    return all;
  }

  private ByteRanges ranges(StoredObject object) {
    return new ByteRanges() {
      @Override
      public long size() {
        return object.size();
      }

      @Override
      public byte[] read(long position, int length) throws IOException {
        return store.read(object.key(), position, length);
      }
    };
  }
}
