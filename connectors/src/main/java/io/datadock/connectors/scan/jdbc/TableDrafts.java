package io.datadock.connectors.scan.jdbc;

import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The datasets of one JDBC scan as the bulk reads fill them in: the tables read first decide which
 * datasets exist (after the filter and the family's system collections); column and key rows of any
 * other table are ignored.
 */
final class TableDrafts {

  /** One column row of a bulk read; {@code order} sorts, positions are renumbered 1..n. */
  record ColumnRow(
      String collection,
      String table,
      int order,
      String name,
      String type,
      boolean nullable,
      String comment) {}

  /** One primary key column of a bulk read, {@code order} being its place in the key. */
  record KeyRow(String collection, String table, int order, String column) {}

  private final ScanFilter filter;
  private final Predicate<String> systemCollection;
  private final Map<String, Draft> drafts = new LinkedHashMap<>();

  TableDrafts(ScanFilter filter, Predicate<String> systemCollection) {
    this.filter = filter;
    this.systemCollection = systemCollection;
  }

  /** A new dataset, or null when it is in a system collection or the filter drops it. */
  Draft add(String collection, String name, DatasetKind kind) {
    if (collection == null
        || name == null
        || systemCollection.test(collection)
        || !filter.dataset(collection, name)) {
      return null;
    }
    Draft draft = new Draft(collection, name, kind);
    drafts.put(key(collection, name), draft);
    return draft;
  }

  Draft get(String collection, String name) {
    return drafts.get(key(collection, name));
  }

  Collection<Draft> all() {
    return drafts.values();
  }

  void addColumns(List<ColumnRow> rows) {
    for (ColumnRow row : rows) {
      Draft draft = get(row.collection(), row.table());
      if (draft != null) {
        draft.columns.add(row);
      }
    }
  }

  void addKeys(List<KeyRow> rows) {
    for (KeyRow row : rows) {
      Draft draft = get(row.collection(), row.table());
      if (draft != null) {
        draft.keys.add(row);
      }
    }
  }

  /** Everything read, ordered by collection, then name. */
  List<DatasetMeta> datasets() {
    return drafts.values().stream()
        .map(Draft::build)
        .sorted(Comparator.comparing(DatasetMeta::collection).thenComparing(DatasetMeta::name))
        .toList();
  }

  private static String key(String collection, String name) {
    return collection + '\u0000' + name;
  }

  /** One dataset being filled in. */
  static final class Draft {
    final String collection;
    final String name;
    final DatasetKind kind;
    Long rowEstimate;
    String description;
    final Map<String, String> properties = new LinkedHashMap<>();
    private final List<ColumnRow> columns = new ArrayList<>();
    private final List<KeyRow> keys = new ArrayList<>();

    private Draft(String collection, String name, DatasetKind kind) {
      this.collection = collection;
      this.name = name;
      this.kind = kind;
    }

    DatasetMeta build() {
      columns.sort(Comparator.comparingInt(ColumnRow::order));
      List<ColumnMeta> metas = new ArrayList<>(columns.size());
      Map<String, String> props = new LinkedHashMap<>(properties);
      for (ColumnRow column : columns) {
        metas.add(
            new ColumnMeta(column.name(), column.type(), column.nullable(), metas.size() + 1));
        if (column.comment() != null && !column.comment().isBlank()) {
          props.put("comment." + column.name(), column.comment());
        }
      }
      keys.sort(Comparator.comparingInt(KeyRow::order));
      List<String> primaryKey = keys.stream().map(KeyRow::column).toList();
      return new DatasetMeta(
          collection, name, kind, metas, primaryKey, rowEstimate, description, props);
    }
  }

  /** A comment, or null when blank. */
  static String comment(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
