package io.datadock.connectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The BigQuery REST API's documented answers for {@link TestGoogleServer}: {@code datasets.list},
 * {@code tables.list} (pages of at most a few items, with {@code nextPageToken}) and {@code
 * tables.get} (the table's {@code schema.fields}, {@code numRows}, {@code type}) of the projects
 * put here; 404 for an unknown project, dataset or table, 403 for a forbidden project.
 */
public final class TestBigQueryApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int pageCap;
  private final Map<String, TreeMap<String, TreeMap<String, Map<String, Object>>>> projects =
      new ConcurrentHashMap<>();
  private final Set<String> forbidden = ConcurrentHashMap.newKeySet();

  TestBigQueryApi(int pageCap) {
    this.pageCap = pageCap;
  }

  /** A table (or view, by {@code type}) with fields {@code "name TYPE MODE"}. */
  public TestBigQueryApi table(
      String project, String dataset, String table, String type, long rows, String... fields) {
    List<Map<String, String>> schema = new ArrayList<>();
    for (String field : fields) {
      String[] parts = field.split(" ");
      schema.add(Map.of("name", parts[0], "type", parts[1], "mode", parts[2]));
    }
    Map<String, Object> resource = new HashMap<>();
    resource.put("kind", "bigquery#table");
    resource.put(
        "tableReference", Map.of("projectId", project, "datasetId", dataset, "tableId", table));
    resource.put("type", type);
    resource.put("numRows", String.valueOf(rows));
    resource.put("location", "EU");
    resource.put("schema", Map.of("fields", schema));
    dataset(project, dataset).put(table, resource);
    return this;
  }

  /** A dataset without tables. */
  public TestBigQueryApi emptyDataset(String project, String dataset) {
    dataset(project, dataset);
    return this;
  }

  public TestBigQueryApi forbid(String project) {
    projects.computeIfAbsent(project, p -> new TreeMap<>());
    forbidden.add(project);
    return this;
  }

  private TreeMap<String, Map<String, Object>> dataset(String project, String dataset) {
    return projects
        .computeIfAbsent(project, p -> new TreeMap<>())
        .computeIfAbsent(dataset, d -> new TreeMap<>());
  }

  /** The status and JSON body for a GET of {@code uri}. */
  Map.Entry<Integer, String> answer(URI uri) {
    String[] path = uri.getRawPath().substring("/bigquery/v2/projects/".length()).split("/", -1);
    String pageToken = query(uri).get("pageToken");
    var datasets = projects.get(decode(path[0]));
    if (datasets == null) {
      return Map.entry(404, error(404, "Not found: Project " + decode(path[0])));
    }
    if (forbidden.contains(decode(path[0]))) {
      return Map.entry(403, error(403, "Access Denied: Project " + decode(path[0])));
    }
    if (path.length == 2 && path[1].equals("datasets")) {
      return page(
          "datasets",
          datasets.keySet(),
          pageToken,
          id -> Map.of("datasetReference", Map.of("projectId", decode(path[0]), "datasetId", id)));
    }
    var tables = path.length >= 3 ? datasets.get(decode(path[2])) : null;
    if (tables == null) {
      return Map.entry(404, error(404, "Not found: Dataset"));
    }
    if (path.length == 4 && path[3].equals("tables")) {
      return page(
          "tables",
          tables.keySet(),
          pageToken,
          id ->
              Map.of(
                  "tableReference",
                  tables.get(id).get("tableReference"),
                  "type",
                  tables.get(id).get("type")));
    }
    if (path.length == 5 && tables.containsKey(decode(path[4]))) {
      return Map.entry(200, json(tables.get(decode(path[4]))));
    }
    return Map.entry(404, error(404, "Not found: Table"));
  }

  private Map.Entry<Integer, String> page(
      String field, Set<String> ids, String after, Function<String, Object> item) {
    List<Object> items = new ArrayList<>();
    String last = null;
    String next = null;
    for (String id : ids) {
      if (after != null && id.compareTo(after) <= 0) {
        continue;
      }
      if (items.size() == pageCap) {
        next = last;
        break;
      }
      items.add(item.apply(id));
      last = id;
    }
    Map<String, Object> body = new HashMap<>();
    body.put(field, items);
    if (next != null) {
      body.put("nextPageToken", next);
    }
    return Map.entry(200, json(body));
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          values.put(pair.substring(0, eq), decode(pair.substring(eq + 1)));
        }
      }
    }
    return values;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String error(int code, String message) {
    try {
      return TestGoogleServer.error(code, message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
