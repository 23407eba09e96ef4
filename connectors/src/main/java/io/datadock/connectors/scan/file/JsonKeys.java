package io.datadock.connectors.scan.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datadock.connectors.scan.ColumnMeta;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a JSON file, either JSON lines (one object per line, or any sequence of root
 * objects) or one array of objects: the union of the keys of the first {@value #SAMPLE} objects in
 * first-seen order. A column's type is that of its first non-null value ("string", "number",
 * "boolean", "object", "array"), "null" when every value seen was null; it is nullable when some
 * object lacks it or holds null.
 */
final class JsonKeys {

  static final int SAMPLE = 100;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private JsonKeys() {}

  /** What the sample says about one key. */
  private static final class Seen {
    String type = "null";
    int present;
    boolean nullSeen;
  }

  static List<ColumnMeta> columns(Reader in) throws IOException {
    Map<String, Seen> keys = new LinkedHashMap<>();
    int objects = 0;
    try (JsonParser parser = FACTORY.createParser(in)) {
      JsonToken token = parser.nextToken();
      boolean array = token == JsonToken.START_ARRAY;
      if (array) {
        token = parser.nextToken();
      }
      while (token != null && token != JsonToken.END_ARRAY && objects < SAMPLE) {
        if (token == JsonToken.START_OBJECT) {
          absorb(MAPPER.readTree(parser), keys);
          objects++;
        } else {
          parser.skipChildren();
        }
        token = parser.nextToken();
      }
    } catch (JsonEOFException | EOFException e) {
      // Only the first bytes of a large file are read: an object cut at the end is left out.
      if (objects == 0) {
        throw e;
      }
    }
    List<ColumnMeta> columns = new ArrayList<>(keys.size());
    for (Map.Entry<String, Seen> key : keys.entrySet()) {
      Seen seen = key.getValue();
      columns.add(
          new ColumnMeta(
              key.getKey(),
              seen.type,
              seen.nullSeen || seen.present < objects,
              columns.size() + 1));
    }
    return columns;
  }

  private static void absorb(JsonNode object, Map<String, Seen> keys) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      Seen seen = keys.computeIfAbsent(field.getKey(), k -> new Seen());
      seen.present++;
      String type = type(field.getValue());
      if (type.equals("null")) {
        seen.nullSeen = true;
      } else if (seen.type.equals("null")) {
        seen.type = type;
      }
    }
  }

  private static String type(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING, BINARY -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case OBJECT, POJO -> "object";
      case ARRAY -> "array";
      case NULL, MISSING -> "null";
    };
  }
}
