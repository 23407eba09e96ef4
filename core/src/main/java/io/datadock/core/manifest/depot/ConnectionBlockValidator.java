package io.datadock.core.manifest.depot;

import io.datadock.core.error.DatadockException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Checks a connection block against its source type's fields and normalizes the known ones (ports
 * become Integers, node lists become lists, IPv6 hosts lose their brackets). Each field is checked
 * as what it holds ({@link FieldKind}): a value is never a URL fragment. Credentials anywhere in
 * the block are refused ({@link InlineCredentials}). Other fields the type does not know are kept
 * unchanged: DataOS manifests carry extras that must apply as they are.
 */
final class ConnectionBlockValidator {

  private static final Set<String> FILE_FORMATS = Set.of("csv", "json", "parquet");
  private static final List<String> MONGODB_SUBPROTOCOLS = List.of("mongodb", "mongodb+srv");

  private ConnectionBlockValidator() {}

  static boolean needsBlock(SourceType type) {
    return type.fields().stream().anyMatch(FieldSpec::required);
  }

  static SortedMap<String, Object> validate(
      SourceType type, Map<String, Object> block, String path) {
    InlineCredentials.refuse(block, path);
    SortedMap<String, Object> out = new TreeMap<>();
    Set<String> known = new HashSet<>();
    // The subprotocol first: a generic jdbc depot's params depend on it.
    List<FieldSpec> fields = new ArrayList<>(type.fields());
    fields.sort(Comparator.comparing(f -> f.kind() != FieldKind.SUBPROTOCOL));
    for (FieldSpec field : fields) {
      known.add(field.name());
      String fieldPath = path + "." + field.name();
      Object value = block.get(field.name());
      if (value == null) {
        if (field.required()) {
          throw DatadockException.invalid(
              fieldPath, fieldPath + " is required for a " + type.canonical() + " depot");
        }
        continue;
      }
      out.put(field.name(), convert(type, field.kind(), value, fieldPath, out));
    }
    block.forEach(
        (name, value) -> {
          if (!known.contains(name) && value != null) {
            out.put(name, plain(value, path + "." + name));
          }
        });
    checkTypeRules(type, out, path);
    return out;
  }

  private static Object convert(
      SourceType type, FieldKind kind, Object value, String path, Map<String, Object> done) {
    return switch (kind) {
      case STRING -> FieldValues.string(value, path);
      case HOST -> FieldValues.host(value, path);
      case IDENTIFIER -> FieldValues.identifier(value, path);
      case URL -> FieldValues.url(value, path);
      case SUBPROTOCOL -> subprotocol(type, value, path);
      case PORT -> FieldValues.port(value, path);
      case BOOLEAN -> Values.bool(value, path);
      case STRING_LIST -> FieldValues.nodes(value, path);
      case MAP -> new TreeMap<>(plainMap(value, path));
      case JDBC_PARAMS -> JdbcParams.validate(driver(type, done), value, path);
    };
  }

  /**
   * Fixed per type (a manifest may repeat it: {@code postgresql}, {@code sqlserver}, {@code
   * oracle:thin}, {@code mysql} or {@code mariadb}, {@code redshift}); for a generic jdbc depot,
   * one of the drivers Datadock ships. Stored in lower case.
   */
  private static String subprotocol(SourceType type, Object value, String path) {
    String written = FieldValues.string(value, path);
    String name = written.trim().toLowerCase(Locale.ROOT);
    if (type == SourceType.MONGODB) {
      if (!MONGODB_SUBPROTOCOLS.contains(name)) {
        throw DatadockException.invalid(
            path, path + " must be mongodb or mongodb+srv, not '" + Values.shorten(written) + "'");
      }
      return name;
    }
    Optional<JdbcDriver> fixed = JdbcDriver.fixedFor(type);
    if (fixed.isPresent()) {
      if (!fixed.get().accepts(name)) {
        throw DatadockException.invalid(
            path,
            path
                + " is fixed for a "
                + type.canonical()
                + " depot: leave it out or write "
                + fixed.get().subprotocol()
                + ", not '"
                + Values.shorten(written)
                + "'");
      }
      return name;
    }
    if (JdbcDriver.bySubprotocol(name).isEmpty()) {
      throw DatadockException.invalid(
          path,
          path
              + " must name a driver Datadock ships ("
              + JdbcDriver.knownSubprotocols()
              + "), not '"
              + Values.shorten(written)
              + "'");
    }
    return name;
  }

  /** The type's driver, or for a generic jdbc depot the one its (checked) subprotocol names. */
  private static JdbcDriver driver(SourceType type, Map<String, Object> done) {
    return JdbcDriver.fixedFor(type)
        .or(() -> JdbcDriver.bySubprotocol((String) done.get("subprotocol")))
        .orElseThrow(() -> new IllegalStateException("no JDBC driver for " + type));
  }

  private static void checkTypeRules(SourceType type, SortedMap<String, Object> out, String path) {
    switch (type) {
      case EVENTHUB -> {
        if (!((String) out.get("endpoint")).startsWith("sb://")) {
          throw DatadockException.invalid(
              path + ".endpoint", path + ".endpoint must start with sb://");
        }
      }
      case FILE -> {
        if (!((String) out.get("path")).startsWith("/")) {
          throw DatadockException.invalid(
              path + ".path",
              path
                  + ".path must be an absolute path, not '"
                  + Values.shorten(out.get("path"))
                  + "'");
        }
        if (out.get("format") instanceof String format) {
          String lower = format.toLowerCase(Locale.ROOT);
          if (!FILE_FORMATS.contains(lower)) {
            throw DatadockException.invalid(
                path + ".format",
                path
                    + ".format must be csv, json or parquet, not '"
                    + Values.shorten(format)
                    + "'");
          }
          out.put("format", lower);
        }
      }
      default -> {}
    }
  }

  /**
   * A value as JSON could hold it, checked all the way down: YAML can also produce dates, binary
   * and sets, which the rest of the system could not carry.
   */
  private static Object plain(Object value, String path) {
    if (value instanceof Map<?, ?>) {
      plainMap(value, path);
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) != null) {
          plain(list.get(i), path + "[" + i + "]");
        }
      }
    } else if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
      throw DatadockException.invalid(
          path, path + " must be a string, number, boolean, list or mapping");
    }
    return value;
  }

  private static Map<String, Object> plainMap(Object value, String path) {
    Map<String, Object> map = Values.map(value, path);
    map.forEach(
        (key, v) -> {
          if (v != null) {
            plain(v, path + "." + key);
          }
        });
    return map;
  }
}
