package io.datadock.catalog.model;

import io.datadock.schemas.catalog.ColumnChange;
import io.datadock.schemas.catalog.Dataset;
import io.datadock.schemas.catalog.DatasetColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one scan changes in a depot's part of the catalog, as a pure function of the datasets known
 * before and the datasets the scan read. Datasets that vanished are removed only when the scan was
 * complete: a scan that failed part-way must never delete what it could not read.
 */
public record CatalogDiff(
    List<Dataset> created, List<Change> changed, int unchanged, List<Dataset> removed) {

  /** A dataset whose schema changed, with the column diff. */
  public record Change(
      Dataset before,
      Dataset after,
      List<DatasetColumn> added,
      List<DatasetColumn> removed,
      List<ColumnChange> modified) {}

  /**
   * @param known the depot's datasets before the scan, by dataset key
   * @param scanned the datasets the scan read, by dataset key
   * @param complete whether the scan read everything it was asked to
   */
  public static CatalogDiff between(
      Map<String, Dataset> known, Map<String, Dataset> scanned, boolean complete) {
    List<Dataset> created = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    int unchanged = 0;
    for (Map.Entry<String, Dataset> e : scanned.entrySet()) {
      Dataset before = known.get(e.getKey());
      Dataset after = e.getValue();
      if (before == null) {
        created.add(after);
      } else if (!before.getFingerprint().equals(after.getFingerprint())) {
        changed.add(columnDiff(before, after));
      } else if (!sameDescriptiveFields(before, after)) {
        // Not a schema change, but the record must be republished (row estimate, comment).
        changed.add(new Change(before, after, List.of(), List.of(), List.of()));
      } else {
        unchanged++;
      }
    }
    List<Dataset> removed = new ArrayList<>();
    if (complete) {
      known.forEach(
          (key, dataset) -> {
            if (!scanned.containsKey(key)) {
              removed.add(dataset);
            }
          });
    }
    return new CatalogDiff(created, changed, unchanged, removed);
  }

  /** Whether a change alters the schema (and so deserves a schema-change event). */
  public static boolean isSchemaChange(Change change) {
    return !change.before().getFingerprint().equals(change.after().getFingerprint());
  }

  private static boolean sameDescriptiveFields(Dataset before, Dataset after) {
    return Objects.equals(before.getDescription(), after.getDescription())
        && Objects.equals(before.getKind(), after.getKind())
        && Objects.equals(before.getProperties(), after.getProperties())
        && Objects.equals(before.getRowEstimate(), after.getRowEstimate());
  }

  static Change columnDiff(Dataset before, Dataset after) {
    Map<String, DatasetColumn> old = byName(before.getColumns());
    Map<String, DatasetColumn> now = byName(after.getColumns());
    List<DatasetColumn> added = new ArrayList<>();
    List<ColumnChange> modified = new ArrayList<>();
    now.forEach(
        (name, column) -> {
          DatasetColumn was = old.get(name);
          if (was == null) {
            added.add(column);
          } else if (!was.getType().equals(column.getType())
              || was.getNullable() != column.getNullable()) {
            modified.add(
                ColumnChange.newBuilder().setName(name).setBefore(was).setAfter(column).build());
          }
        });
    List<DatasetColumn> removed = new ArrayList<>();
    old.forEach(
        (name, column) -> {
          if (!now.containsKey(name)) {
            removed.add(column);
          }
        });
    return new Change(before, after, added, removed, modified);
  }

  private static Map<String, DatasetColumn> byName(List<DatasetColumn> columns) {
    Map<String, DatasetColumn> out = new LinkedHashMap<>();
    columns.forEach(c -> out.put(c.getName(), c));
    return out;
  }
}
