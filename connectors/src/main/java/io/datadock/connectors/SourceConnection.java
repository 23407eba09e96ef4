package io.datadock.connectors;

import io.datadock.core.manifest.depot.SourceType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A source's non-secret connection: canonical type (lower case, e.g. "postgres", "mysql", "mssql",
 * "oracle", "jdbc", "redshift", "kafka", "file") and its validated fields: String, Integer (ports),
 * Boolean, List&lt;String&gt;, Map&lt;String,Object&gt; (params).
 */
public record SourceConnection(String type, Map<String, Object> fields) {

  public SourceConnection {
    type = Objects.requireNonNull(type, "type").trim().toLowerCase(Locale.ROOT);
    Map<String, Object> copy = new LinkedHashMap<>();
    if (fields != null) {
      fields.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              copy.put(k, v);
            }
          });
    }
    fields = Collections.unmodifiableMap(copy);
  }

  /** The type, when {@link #type()} is a canonical name ({@link SourceType#ofCanonical}). */
  public Optional<SourceType> sourceType() {
    return SourceType.ofCanonical(type);
  }

  /** A scalar field as text (a port as its digits); null when absent or not a scalar. */
  public String string(String field) {
    Object value = fields.get(field);
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return null;
  }

  /** A whole-number field (ports); null when absent or not a whole number. */
  public Integer integer(String field) {
    Object value = fields.get(field);
    if (value instanceof Integer i) {
      return i;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    if (value instanceof String s) {
      try {
        return Integer.valueOf(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
