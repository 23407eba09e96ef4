package io.datadock.connectors.scan.objectstore;

import io.datadock.connectors.file.FileFormats;
import io.datadock.connectors.scan.objectstore.ObjectStore.StoredObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The datasets a listing under a prefix holds, decided from keys alone (no I/O): each file of a
 * known format ({@link FileFormats}) is a dataset in the collection of its folder (relative to the
 * prefix, "/" separated, {@value #ROOT_COLLECTION} for the prefix itself); a folder whose
 * sub-folders are partitions ({@code date=2026-01-01/...}, Hive style) is one dataset, named by the
 * folder, with the partition keys as columns. Names starting with "." or "_" ({@code _SUCCESS},
 * {@code _delta_log}) are left out.
 */
public final class ObjectTree {

  public static final String ROOT_COLLECTION = "none";

  private static final Pattern PARTITION = Pattern.compile("[^=]+=[^=]*");

  /**
   * One dataset to read.
   *
   * @param folder its key prefix (for a partitioned dataset, the folder above the partitions)
   * @param sample the object its schema is read from: the first in key order
   * @param format a file format ({@code csv}, ...), or a table format ({@code delta}, {@code
   *     iceberg}) whose metadata the sample and {@code metadata} are
   * @param partitionKeys the partition columns, outermost first; empty for a plain file
   * @param objects how many objects it spans
   * @param metadata a table's metadata files, newest first; empty for files
   */
  public record Planned(
      String collection,
      String name,
      String format,
      String folder,
      StoredObject sample,
      List<String> partitionKeys,
      int objects,
      List<StoredObject> metadata) {

    public boolean table() {
      return !metadata.isEmpty();
    }

    public boolean partitioned() {
      return !partitionKeys.isEmpty();
    }
  }

  private ObjectTree() {}

  /**
   * @param prefix the listed prefix ("" or ending in "/")
   * @param onlyFormat the depot's {@code format}, when it names one
   */
  public static List<Planned> plan(
      String prefix, List<StoredObject> objects, Optional<String> onlyFormat) {
    Map<String, Planned> datasets = new LinkedHashMap<>();
    TableFormats tables = TableFormats.find(prefix, objects);
    for (StoredObject object : objects) {
      if (!object.key().startsWith(prefix) || tables.holds(object.key())) {
        continue;
      }
      String[] parts = object.key().substring(prefix.length()).split("/");
      String file = parts[parts.length - 1];
      Optional<String> format = FileFormats.of(file);
      if (file.isEmpty()
          || format.isEmpty()
          || onlyFormat.filter(f -> !f.equals(format.get())).isPresent()
          || Arrays.stream(parts).anyMatch(ObjectTree::hidden)) {
        continue;
      }
      int firstPartition = firstPartition(parts);
      if (firstPartition < 0) {
        List<String> folders = List.of(parts).subList(0, parts.length - 1);
        datasets.put(
            object.key(),
            new Planned(
                collection(folders),
                file,
                format.get(),
                object.key(),
                object,
                List.of(),
                1,
                List.of()));
      } else {
        add(datasets, prefix, parts, firstPartition, format.get(), object);
      }
    }
    List<Planned> planned = new ArrayList<>(datasets.values());
    for (TableFormats.Table table : tables.all()) {
      List<String> above = folders(prefix, table.root());
      planned.add(
          new Planned(
              above.isEmpty() ? ROOT_COLLECTION : collection(above.subList(0, above.size() - 1)),
              above.isEmpty() ? lastSegment(prefix) : above.get(above.size() - 1),
              table.format(),
              table.root(),
              table.metadata().get(0),
              List.of(),
              table.objects(),
              table.metadata()));
    }
    return planned;
  }

  /** The folders of {@code folder} (ending in "/") below {@code prefix}. */
  private static List<String> folders(String prefix, String folder) {
    String below = folder.substring(prefix.length());
    return below.isEmpty() ? List.of() : List.of(below.substring(0, below.length() - 1).split("/"));
  }

  private static void add(
      Map<String, Planned> datasets,
      String prefix,
      String[] parts,
      int firstPartition,
      String format,
      StoredObject object) {
    List<String> above = List.of(parts).subList(0, firstPartition);
    String folder = prefix + String.join("", above.stream().map(p -> p + "/").toList());
    Planned known = datasets.get(folder);
    Set<String> keys = new LinkedHashSet<>(known == null ? List.of() : known.partitionKeys());
    for (int i = firstPartition; i < parts.length - 1; i++) {
      if (PARTITION.matcher(parts[i]).matches()) {
        keys.add(parts[i].substring(0, parts[i].indexOf('=')));
      }
    }
    String name = above.isEmpty() ? lastSegment(prefix) : above.get(above.size() - 1);
    String collection =
        above.isEmpty() ? ROOT_COLLECTION : collection(above.subList(0, above.size() - 1));
    datasets.put(
        folder,
        known == null
            ? new Planned(collection, name, format, folder, object, List.copyOf(keys), 1, List.of())
            : new Planned(
                known.collection(),
                known.name(),
                known.format(),
                folder,
                known.sample(),
                List.copyOf(keys),
                known.objects() + 1,
                List.of()));
  }

  /** The index of the first folder that is a partition ({@code key=value}), or -1. */
  private static int firstPartition(String[] parts) {
    for (int i = 0; i < parts.length - 1; i++) {
      if (PARTITION.matcher(parts[i]).matches()) {
        return i;
      }
    }
    return -1;
  }

  private static String collection(List<String> folders) {
    return folders.isEmpty() ? ROOT_COLLECTION : String.join("/", folders);
  }

  private static String lastSegment(String prefix) {
    String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return trimmed.isEmpty() ? ROOT_COLLECTION : trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static boolean hidden(String part) {
    return part.startsWith(".") || part.startsWith("_");
  }
}
